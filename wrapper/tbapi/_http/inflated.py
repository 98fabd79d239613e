"""How large a compressed body becomes once decoded, measured as it arrives, in bounded memory.

httpx undoes a body's Content-Encoding with no bound on what comes out: a 50 KB gzip answer can decode to
gigabytes inside `Response.read()`. The body limit of `_http/transport.py` counts the bytes on the wire, so it
also feeds each compressed chunk to `InflatedSize`, which decompresses it in steps of at most `STEP` bytes,
counts them and drops them: the decoded size is known, and refused, before httpx's decoder expands the
same chunk. tbapi asks for gzip and deflate only (`ACCEPT_ENCODING`); an answer in another coding is
refused, since httpx may be able to decode it (brotli or zstd, when installed) where this count cannot.
So is a body in more than `MAX_LAYERS` codings: each layer costs a decoder (here and in httpx) and a level
of the step-by-step decoding, and no server compresses an answer that often.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Protocol

from .._exceptions import ResponseError

ACCEPT_ENCODING = "gzip, deflate"
STEP = 64 * 1024
MAX_LAYERS = 3  # Content-Encoding layers undone at most (a real answer has one)


class _Decoder(Protocol):
    """What `zlib.decompressobj()` gives (typeshed names its class privately)."""

    def decompress(self, data: bytes, max_length: int, /) -> bytes: ...

    @property
    def unconsumed_tail(self) -> bytes: ...


class _Deflate:
    """A deflate body: zlib-wrapped, or raw deflate as some servers send it (httpx accepts both)."""

    def __init__(self) -> None:
        self._zlib: _Decoder | None = None

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._zlib is None:
            self._zlib = zlib.decompressobj()
            try:
                return self._zlib.decompress(data, max_length)
            except zlib.error:
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._zlib.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self._zlib.unconsumed_tail if self._zlib else b""


def _decoder(coding: str) -> _Decoder:
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if coding == "deflate":
        return _Deflate()
    raise ResponseError(f"Response body is in a Content-Encoding tbapi did not ask for: {coding!r}")


class InflatedSize:
    """Counts the decoded bytes of a body sent in `content_encoding`; `count(n)` is told each step's size."""

    def __init__(self, content_encoding: str, count: Callable[[int], None]) -> None:
        codings = [c for c in (c.strip().lower() for c in content_encoding.split(",")) if c and c != "identity"]
        if len(codings) > MAX_LAYERS:
            raise ResponseError(
                f"Response body is in {len(codings)} layers of Content-Encoding; tbapi undoes at most {MAX_LAYERS}"
            )
        # Applied in the order listed, so undone from the last one.
        self._stages = [_decoder(c) for c in reversed(codings)]
        self._count = count

    @property
    def needed(self) -> bool:
        return bool(self._stages)

    def add(self, chunk: bytes) -> None:
        """Decode `chunk` (in steps of at most `STEP` bytes), count what it becomes, keep nothing of it."""
        try:
            self._feed(0, chunk)
        except zlib.error as exc:  # httpx's decoder would fail on the same bytes
            raise ResponseError(f"Response body could not be decoded ({exc})") from None

    def _feed(self, stage: int, data: bytes) -> None:
        if stage == len(self._stages):
            self._count(len(data))
            return
        decoder = self._stages[stage]
        while True:
            out = decoder.decompress(data, STEP)
            self._feed(stage + 1, out)
            data = decoder.unconsumed_tail
            if not data and len(out) < STEP:  # a full step may leave output inside zlib: ask again
                return
