"""`max_concurrency=`: at most N requests of one client on the wire at once; the others wait their turn.

The slot is taken around the checked transport, so the wait for it is not counted against the call's
timeout, and released as soon as the answer is read (retries wait for their backoff without one).
"""

from __future__ import annotations

import asyncio
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

    def close(self) -> None:
        self._inner.close()


class AsyncConcurrencyLimit(httpx.AsyncBaseTransport):
    """At most `limit` requests inside `inner` at once (tasks wait for a slot, without blocking the loop)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, limit: int) -> None:
        self._inner = inner
        self._slots = asyncio.Semaphore(limit)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        async with self._slots:
            return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
