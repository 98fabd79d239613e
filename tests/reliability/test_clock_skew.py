"""Clock skew: a TOP gateway front whose clock runs 20 minutes ahead (TOP_GATEWAY_CLOCK_SKEW_SECONDS=1200)
answers the first call with code 31; the client takes its offset from the `Date` header and retries once."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import httpx
import pytest

import tbapi
from mock.servers import HOST, LOG_DIR, MockUrls, _gateway, _wait_until_listening, free_port, stop
from mock.top_gateway import parse_timestamp
from tests.reliability.conftest import top_client
from tests.reliability.outcomes import Record

pytestmark = [pytest.mark.mock, pytest.mark.timeout(60)]

SKEW_S = 1200


@pytest.fixture(scope="module")
def skewed_gateway(mock_urls: MockUrls) -> Iterator[str]:
    """Only a gateway front (the real `mock/top_gateway.py` process), skewed, in front of the session's TOP Prism."""
    port = free_port()
    process = _gateway(port, mock_urls.top_prism, SKEW_S, LOG_DIR / "top-gateway-skewed.log")
    try:
        _wait_until_listening(port, process, time.monotonic() + 30)
        yield f"http://{HOST}:{port}/router/rest"
    finally:
        stop([process])


class Timestamps:
    """Request hook: the TOP timestamp (epoch seconds) of every request sent."""

    def __init__(self) -> None:
        self.sent: list[float] = []

    def __call__(self, request: httpx.Request) -> None:
        self.sent.append(parse_timestamp(request.url.params["timestamp"]))


@contextlib.contextmanager
def stamped_top(gateway: str) -> Iterator[tuple[tbapi.TopClient, Timestamps]]:
    """A TOP client on `gateway` whose requests' timestamps are kept."""
    stamps = Timestamps()
    with (
        httpx.Client(event_hooks={"request": [stamps]}) as http,
        top_client(gateway, http_client=http, timeout=10) as client,
    ):
        yield client, stamps


def record(outcome: Record, stamps: Timestamps, fault: str, call: str, expected: str, observed: str) -> None:
    outcome(
        area="clock", fault=fault, api="TOP", call=call, expected=expected, observed=observed, attempts=len(stamps.sent)
    )


def test_top_client_succeeds_after_exactly_one_code_31_by_taking_the_gateway_clock(
    skewed_gateway: str, outcome: Record
) -> None:
    with stamped_top(skewed_gateway) as (client, stamps):
        page = client.products.search(fields=["product_id", "name"], q="优衣库")
    observed = f"success after {len(stamps.sent)} requests"
    record(
        outcome, stamps, f"gateway clock +{SKEW_S} s", "products.search", "success after exactly one code 31", observed
    )
    assert page.total_results >= 0
    assert len(stamps.sent) == 2
    assert abs(stamps.sent[0] - time.time()) < 60  # the host's clock: refused
    assert abs(stamps.sent[1] - (time.time() + SKEW_S)) < 60  # the gateway's clock, from its Date header


def test_top_client_keeps_the_learnt_offset_for_the_next_call(skewed_gateway: str, outcome: Record) -> None:
    with stamped_top(skewed_gateway) as (client, stamps):
        client.itemcats.get(parent_cid=0)
        client.itemcats.get(parent_cid=0)
    fault, expected = (
        f"gateway clock +{SKEW_S} s, second call",
        "3 requests in all: the second call needs no correction",
    )
    record(outcome, stamps, fault, "itemcats.get, twice", expected, f"{len(stamps.sent)} requests")
    assert len(stamps.sent) == 3
