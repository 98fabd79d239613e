"""An async byte stream over another one's chunks, as a plain async iterator (the response streams of the
transports wrap the body's stream this way: `transport.py`'s body limit, `aiohttp_pool.py`'s error mapping)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx


class AsyncChunks(httpx.AsyncByteStream):
    """`inner`'s chunks, each as `seen(chunk)` returns it. Its own async iterator rather than an async generator:
    one is read on every async call, and an async generator is registered with the loop's hooks and finalized
    besides."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._chunks: AsyncIterator[bytes] | None = None

    def __aiter__(self) -> AsyncIterator[bytes]:
        self._chunks = self._inner.__aiter__()
        return self

    async def __anext__(self) -> bytes:
        assert self._chunks is not None  # `__aiter__` comes first
        return self.seen(await self._chunks.__anext__())

    def seen(self, chunk: bytes) -> bytes:
        """A chunk on its way: the subclass's to check (or change)."""
        return chunk

    async def aclose(self) -> None:
        await self._inner.aclose()
