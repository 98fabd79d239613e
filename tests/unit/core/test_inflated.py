"""`InflatedSize`: what a compressed body decodes to, counted exactly, step by step, keeping nothing."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable

import pytest

import tbapi
from tbapi._http.inflated import MAX_LAYERS, STEP, InflatedSize

BODY = os.urandom(3 * STEP) + b"x" * (5 * STEP)  # some of it incompressible, some of it steps long at once


def counted(content_encoding: str, encoded: bytes, chunk: int = 1000) -> list[int]:
    steps: list[int] = []
    inflated = InflatedSize(content_encoding, steps.append)
    for start in range(0, len(encoded), chunk):
        inflated.add(encoded[start : start + chunk])
    return steps


def raw_deflate(body: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(body) + compressor.flush()


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", raw_deflate),
        ("gzip, gzip", lambda body: gzip.compress(gzip.compress(body))),
        ("identity, gzip", gzip.compress),
    ],
)
def test_the_decoded_size_is_counted_exactly(coding: str, encode: Callable[[bytes], bytes]) -> None:
    assert sum(counted(coding, encode(BODY))) == len(BODY)


def test_no_step_holds_more_than_a_step_of_decoded_bytes() -> None:
    assert max(counted("gzip", gzip.compress(b"\0" * (40 * STEP)), chunk=1 << 20)) <= STEP


def test_a_body_without_a_coding_needs_no_count() -> None:
    assert not InflatedSize("", print).needed
    assert not InflatedSize("identity", print).needed


def test_a_corrupt_body_is_a_response_error() -> None:
    with pytest.raises(tbapi.ResponseError, match="could not be decoded"):
        counted("gzip", b"\x1f\x8b\x08\x00not gzip at all")


def test_more_layers_than_any_server_sends_are_refused_before_any_decoding() -> None:
    with pytest.raises(tbapi.ResponseError, match="layers"):
        InflatedSize(", ".join(["gzip"] * 10_000), lambda size: None)


def test_the_layers_a_server_may_send_are_undone() -> None:
    body = b"x" * 1000
    for _ in range(MAX_LAYERS):
        body = gzip.compress(body)
    assert sum(counted(", ".join(["gzip"] * MAX_LAYERS), body)) == 1000
