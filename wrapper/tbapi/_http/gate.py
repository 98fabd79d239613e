"""A bound on the calls one async pool serves at once, with a bounded wait for a place.

A burst far beyond the connection pool (3,000 tasks on one client, 100 connections) is queued here, where
waiting is cheap, and not inside the pool: httpcore's async pool does work for every waiter on every change
and, thousands deep, stops making progress at all. Each call waits for a place at most its pool timeout (the
client's `timeout`), then fails with `APITimeoutError` (`request_sent=False`, so the retry policy may send
it again) — it never hangs.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx

from .._exceptions import APITimeoutError


class Gate:
    """At most `places` requests in the pool at once; the others wait, each at most its pool timeout."""

    def __init__(self, places: int) -> None:
        self.places = places
        self._free = asyncio.Semaphore(places)

    @contextlib.asynccontextmanager
    async def place(self, request: httpx.Request) -> AsyncIterator[None]:
        if self._free.locked():  # the slow path only when the pool is full: no timer for the common case
            wait = request.extensions.get("timeout", {}).get("pool")
            try:
                await asyncio.wait_for(self._free.acquire(), wait)
            except TimeoutError:
                raise APITimeoutError(
                    f"Timed out after {wait:g} s waiting for one of the {self.places} connections "
                    f"({request.url.netloc.decode('ascii', 'replace')}): more calls at once than the pool serves",
                    request_sent=False,
                ) from None
        else:
            await self._free.acquire()
        try:
            yield
        finally:
            self._free.release()
