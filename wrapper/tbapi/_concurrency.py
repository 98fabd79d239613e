"""`max_concurrency=` of the sync clients: at most N threads' requests of one client on the wire at once.

The slot is taken around the checked transport and released as soon as the answer is read (retries wait for
their backoff without one). The async clients use the `Gate` of `_gate.py` for the same option.
"""

from __future__ import annotations

import threading

import httpx


class ConcurrencyLimit(httpx.BaseTransport):
    """At most `limit` requests inside `inner` at once (threads wait for a slot)."""

    def __init__(self, inner: httpx.BaseTransport, limit: int) -> None:
        self._inner = inner
        self._slots = threading.BoundedSemaphore(limit)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._slots:
            return self._inner.handle_request(request)

    @property
    def is_closed(self) -> bool:
        return bool(getattr(self._inner, "is_closed", False))

    def close(self) -> None:
        self._inner.close()
