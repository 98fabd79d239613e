"""`max_concurrency=`: at most N calls of one client (and its `with_options` copies) on the wire at once.

One cap, one behaviour for both clients (default N: the pool's connections). A call that finds no free
place waits at most its pool timeout (the client's `timeout`), then fails with `APITimeoutError`
(`request_sent=False`, so the retry policy may send it again): it never hangs. The place is held around
the checked transport and given back as soon as the answer is read (a retry waits for its backoff without one).

A burst far beyond the pool (3,000 tasks on one client, 100 connections) waits here, where waiting is cheap,
and not inside the pool: httpcore's async pool does work for every waiter on every change and, thousands
deep, stops making progress at all.
"""

from __future__ import annotations

import asyncio
import queue

import httpx

from .._exceptions import APITimeoutError


def _pool_wait(request: httpx.Request) -> float | None:
    """How long the request may wait for a place: its pool timeout (None: no bound)."""
    wait: float | None = request.extensions.get("timeout", {}).get("pool")
    return wait


def _no_place(request: httpx.Request, places: int, wait: float | None) -> APITimeoutError:
    return APITimeoutError(
        f"Timed out after {wait or 0:g} s waiting for one of the {places} connections "
        f"({request.url.netloc.decode('ascii', 'replace')}): more calls at once than the pool serves",
        request_sent=False,
    )


class ConcurrencyLimit(httpx.BaseTransport):
    """The sync clients' cap: at most `places` requests inside `inner` at once (threads wait for a place)."""

    def __init__(self, inner: httpx.BaseTransport, places: int) -> None:
        self._inner = inner
        self.places = places
        # One token per free place in a C-level queue: taking and giving back a place costs ≈ 0.05 µs, where
        # `threading.BoundedSemaphore` (Python code over a `Condition`) costs ≈ 0.9 µs, on every call.
        self._free: queue.SimpleQueue[None] = queue.SimpleQueue()
        for _ in range(places):
            self._free.put(None)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            self._free.get_nowait()  # the common case: no timer
        except queue.Empty:
            wait = _pool_wait(request)
            try:
                self._free.get(timeout=wait)  # interruptible: Ctrl-C reaches a waiting main thread
            except queue.Empty:
                raise _no_place(request, self.places, wait) from None
        try:
            return self._inner.handle_request(request)
        finally:
            self._free.put(None)

    @property
    def is_closed(self) -> bool:
        return bool(getattr(self._inner, "is_closed", False))

    def close(self) -> None:
        self._inner.close()


class Gate:
    """The async clients' cap: at most `places` requests in the pool at once; the others wait, each at most its
    pool timeout (inside `AsyncCheckedTransport`, after its closed and event-loop checks).

    `take` a place, then `give_back` in a `finally`: two plain calls rather than an `asynccontextmanager`, whose
    async generator (made, registered with the loop's hooks, finalized) costs more than the place itself on
    every call."""

    def __init__(self, places: int) -> None:
        self.places = places
        self._free = asyncio.Semaphore(places)

    async def take(self, request: httpx.Request) -> None:
        """Wait for a free place, at most the request's pool timeout (then `APITimeoutError`, not sent)."""
        if self._free.locked():  # the slow path only when the pool is full: no timer for the common case
            wait = _pool_wait(request)
            try:
                await asyncio.wait_for(self._free.acquire(), wait)
            except TimeoutError:
                raise _no_place(request, self.places, wait) from None
        else:
            await self._free.acquire()

    def give_back(self) -> None:
        self._free.release()
