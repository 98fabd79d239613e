"""Compressed answers: decoded when within the body cap, refused when they would decode past it.

A gzip body of 50 KB can decode to 50 MB; the cap counts what it decodes to as it arrives, so the client
never holds more than the cap of a compressed answer, on every transport.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable

import pytest

import tbapi
from tests.reliability.conftest import AsyncTransport, async_shanjing_client, shanjing_client
from tests.reliability.fault_server import FaultServer, Respond, json_answer
from tests.reliability.one_call import SJ_ITEM
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

ITEM_ID = 689542173310
OK_BODY = json_answer(example("shanjing", "getItem")).body
DECODED_SIZE = 50 * 1024 * 1024


@pytest.fixture
def outcome(outcome: Record) -> Record:
    return with_fields(outcome, area="compressed body", api="Shanjing")


@pytest.fixture(scope="module")
def gzip_bomb() -> Respond:
    """A valid item answer whose gzip body (≈ 50 KB) decodes to 50 MB: an unknown field of 50 MB of spaces."""
    padded = OK_BODY[:-1] + b', "padding": "' + b" " * DECODED_SIZE + b'"}'
    return Respond(body=gzip.compress(padded, compresslevel=1), headers={"Content-Encoding": "gzip"})


def gzipped(body: bytes) -> Respond:
    return Respond(body=gzip.compress(body), headers={"Content-Encoding": "gzip"})


def deflated(body: bytes) -> Respond:
    return Respond(body=zlib.compress(body), headers={"Content-Encoding": "deflate"})


@pytest.mark.parametrize("encode", [gzipped, deflated], ids=["gzip", "deflate"])
def test_a_compressed_answer_within_the_cap_is_decoded_and_parsed(
    fault_server: FaultServer, encode: Callable[[bytes], Respond], outcome: Record
) -> None:
    plan = fault_server.plan({SJ_ITEM: [encode(OK_BODY), Respond(body=OK_BODY)]})
    with shanjing_client(plan.url) as client:
        compressed, plain = client.items.get(ITEM_ID), client.items.get(ITEM_ID)
    same = compressed.to_dict() == plain.to_dict()
    outcome(
        fault=f"{encode.__name__} answer", call="one call", expected="parsed as the plain answer", observed=str(same)
    )
    assert same


def test_tbapi_asks_only_for_the_codings_it_can_bound(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({SJ_ITEM: [gzipped(OK_BODY)]})
    with shanjing_client(plan.url) as client:
        client.items.get(ITEM_ID)
    asked = plan.hits[0].headers["accept-encoding"]
    outcome(fault="Accept-Encoding sent", call="one call", expected="gzip, deflate", observed=asked, attempts=1)
    assert asked == "gzip, deflate"


def test_an_answer_in_a_coding_not_asked_for_is_a_response_error(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({SJ_ITEM: [Respond(body=b"\x0b\x02\x80{}\x03", headers={"Content-Encoding": "br"})]})
    with shanjing_client(plan.url) as client, pytest.raises(tbapi.ResponseError, match="did not ask for") as caught:
        client.items.get(ITEM_ID)
    outcome(fault="br answer", call="one call", expected="ResponseError", observed=str(caught.value), attempts=1)


def test_a_gzip_bomb_is_refused_at_the_cap_of_its_decoded_size(
    fault_server: FaultServer, gzip_bomb: Respond, outcome: Record
) -> None:
    plan = fault_server.plan({SJ_ITEM: [gzip_bomb]})
    with shanjing_client(plan.url) as client, pytest.raises(tbapi.ResponseError, match="once decoded") as caught:
        client.items.get(ITEM_ID)
    outcome(
        fault="gzip bomb: 50 KB decoding to 50 MB",
        call="one call",
        expected="ResponseError (decoded size over the 16 MiB cap)",
        observed=type(caught.value).__name__,
        attempts=plan.count(),
    )


async def test_async_gzip_bomb_is_refused_at_the_cap_of_its_decoded_size(
    fault_server: FaultServer, gzip_bomb: Respond, async_transport: AsyncTransport, outcome: Record
) -> None:
    plan = fault_server.plan({SJ_ITEM: [gzip_bomb]})
    async with async_shanjing_client(plan.url, http_client=async_transport.http_client) as client:
        with pytest.raises(tbapi.ResponseError, match="once decoded") as caught:
            await client.items.get(ITEM_ID)
    outcome(
        fault="gzip bomb: 50 KB decoding to 50 MB",
        call=f"one call (async, {async_transport.name})",
        expected="ResponseError (decoded size over the 16 MiB cap)",
        observed=type(caught.value).__name__,
        attempts=plan.count(),
    )
