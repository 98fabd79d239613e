"""3,000 concurrent calls on one async client: each completes or fails with a typed error, in bounded time.

The burst is far beyond the connection pool. The server is a loopback fault server of its own (the shared one
has a request budget), every answer is the spec's search page, and the client has a short timeout: the test
proves that no call hangs, not how fast they go (that is `make bench`).
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

import tbapi
from tests.reliability.conftest import Stopwatch, async_shanjing_client
from tests.reliability.fault_server import json_answer, running
from tests.reliability.outcomes import Record
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(90)

BURST = 3000
TIMEOUT = 2.0  # seconds: each wait of each call (connect, pool, read)
BOUND = 45.0  # seconds for the whole burst; a hang is stopped here by `wait_for`, not by pytest-timeout
SEARCH = "/rest/taobao-global/traffic/item/search"


async def test_a_burst_of_3000_searches_on_one_async_client_ends_with_a_result_or_a_typed_error_each(
    outcome: Record,
) -> None:
    with running(max_requests=4 * BURST) as server:
        plan = server.plan({SEARCH: [json_answer(example("shanjing", "searchItems"))]})
        async with async_shanjing_client(plan.url, timeout=TIMEOUT) as client:
            with Stopwatch() as watch:
                calls = [client.items.search("T恤") for _ in range(BURST)]
                results = await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), BOUND)
    kinds = Counter(type(r).__name__ for r in results)
    outcome(
        area="burst",
        fault=f"{BURST} concurrent items.search, pool of 100, timeout {TIMEOUT} s",
        api="Shanjing",
        call="items.search (async)",
        cases=BURST,
        expected="each call a page or a TbapiError, all within the bound",
        observed=dict(kinds),
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=BOUND,
    )
    untyped = [r for r in results if isinstance(r, BaseException) and not isinstance(r, tbapi.TbapiError)]
    assert untyped == []
    assert len(results) == BURST
    assert watch.elapsed < BOUND
