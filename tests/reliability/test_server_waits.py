"""No single answer disables a client: every wait a server names is bounded, and so is a clock correction.

An HTTP 429 whose `Retry-After` is absurd (`1e400`, `inf`, `nan`, a date in the year 9999, a number of 30
digits, garbage) or a TOP ban of 10^20 seconds is a `RateLimitError` — nothing else — whose `retry_after`
is at most `MAX_SERVER_WAIT_S`, and it pauses the client's rate limit for at most `MAX_PAUSE_S`: the next call
on the rate limit sees a pause of at most that (a client's `max_retry_after` shorter than it raises at once).
A TOP `Date` header far from now (1970, the year 9999) is not taken as the gateway's clock: the code 31 is
raised as it is, logged, and the next call is stamped with this host's clock.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from typing import Any

import pytest

import tbapi
from mock.top_gateway import parse_timestamp
from tbapi._exceptions import MAX_SERVER_WAIT_S
from tbapi._ratelimit.pacing import MAX_PAUSE_S
from tests.reliability.conftest import shanjing_client
from tests.reliability.fault_server import FaultServer, Plan, Respond, json_answer
from tests.reliability.one_call import (
    ITEM_ID,
    SJ_ITEM,
    SJ_OK,
    TOP_OK,
    TOP_SEARCH,
    client_of,
    on_client,
    one_call,
    settled,
)
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.trial import trial

pytestmark = pytest.mark.timeout(30)

BOUND_S = 2.0  # a hang guard: each call here is one loopback round trip, or none
ABSURD_RETRY_AFTER = ["1e400", "inf", "-inf", "nan", "Fri, 31 Dec 9999 23:59:59 GMT", "9" * 30, "soon", "-5"]
FLAVOURS = ["sync", "async"]


@pytest.fixture
def outcome(outcome: Record) -> Record:
    return with_fields(outcome, area="rate limit", bound_s=BOUND_S)


def too_many(retry_after: str) -> Respond:
    return Respond(429, b'{"message":"slow down"}', headers={"Retry-After": retry_after})


def top_ban(seconds: str) -> Respond:
    sub_msg = f"This ban will last for {seconds} more seconds"
    error = {"code": 7, "msg": "App Call Limited", "sub_code": "accesscontrol.limited-by-api-access-count"}
    return json_answer({"error_response": {**error, "sub_msg": sub_msg, "request_id": "ban"}})


async def two_shanjing_calls(url: str, flavour: str) -> list[BaseException | None]:
    """What two calls on one client (one rate limit, no retries) raise: the throttled one, then the next."""
    outcomes: list[BaseException | None] = []
    async with client_of("Shanjing", flavour, url, max_retries=0, max_retry_after=60.0) as client:
        for _ in range(2):
            try:
                await settled(client.items.get(ITEM_ID))
                outcomes.append(None)
            except Exception as exc:
                outcomes.append(exc)
    return outcomes


async def banned_twice(flavour: str, plan: Plan) -> list[tbapi.RateLimitError]:
    """What the searches of two clients under a TOP ban raise, one after the other."""
    errors: list[tbapi.RateLimitError] = []
    for _ in range(2):
        with pytest.raises(tbapi.RateLimitError) as raised:
            await one_call("TOP", flavour, plan, max_retries=0)
        errors.append(raised.value)
    return errors


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("retry_after", ABSURD_RETRY_AFTER)
async def test_an_absurd_retry_after_is_a_rate_limit_error_and_pauses_the_rate_limit_at_most_the_ceiling(
    fault_server: FaultServer, retry_after: str, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({SJ_ITEM: [too_many(retry_after), SJ_OK]})
    calls = await trial(f"items.get twice ({flavour})", plan, partial(two_shanjing_calls, plan.url, flavour))
    first, second = calls.result
    outcome(
        fault=f"HTTP 429 Retry-After: {retry_after[:32]}",
        api="Shanjing",
        expected=f"RateLimitError (retry_after ≤ {MAX_SERVER_WAIT_S:.0f}); the next call paused ≤ {MAX_PAUSE_S:.0f} s",
        observed=f"{type(first).__name__}({getattr(first, 'retry_after', None)}), then {type(second).__name__}",
        **calls.row,
    )
    assert isinstance(first, tbapi.RateLimitError)
    assert first.retry_after is None or 0 <= first.retry_after <= MAX_SERVER_WAIT_S
    if isinstance(second, tbapi.RateLimitError):  # still paused: for no longer than the ceiling
        assert second.retry_after is not None
        assert second.retry_after <= MAX_PAUSE_S
        assert plan.count() == 1
    else:  # no pause left (a wait of 0, or none named and the default pause already over)
        assert second is None
    assert calls.elapsed < BOUND_S


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_top_ban_of_ten_to_the_twentieth_seconds_is_bounded(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({TOP_SEARCH: [top_ban("1" + "0" * 20)]})
    bans = await trial(f"products.search, two clients ({flavour})", plan, partial(banned_twice, flavour, plan))
    retry_afters = [error.retry_after for error in bans.result]
    outcome(
        fault="TOP code 7: This ban will last for 10^20 more seconds",
        api="TOP",
        expected=f"RateLimitError(retry_after={MAX_SERVER_WAIT_S:.0f}) each",
        observed=", ".join(f"RateLimitError({seconds})" for seconds in retry_afters),
        **bans.row,
    )
    assert retry_afters == [MAX_SERVER_WAIT_S, MAX_SERVER_WAIT_S]
    assert bans.elapsed < BOUND_S


def test_a_limiter_paused_by_an_absurd_wait_is_paused_at_most_the_ceiling(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({SJ_ITEM: [too_many("inf"), SJ_OK]})
    limiter = tbapi.RateLimiter(50)
    with shanjing_client(plan.url, rate_limit=limiter, max_retries=0) as client:
        with pytest.raises(tbapi.RateLimitError):
            client.items.get(ITEM_ID)
        with pytest.raises(tbapi.RateLimitError) as paused:
            client.items.get(ITEM_ID)
    outcome(
        fault="HTTP 429 Retry-After: inf, on a RateLimiter",
        api="Shanjing",
        call="items.get twice (sync)",
        expected=f"the second call sees a pause of at most {MAX_PAUSE_S:.0f} s",
        observed=f"paused for {paused.value.retry_after} s more",
        attempts=plan.count(),
    )
    assert paused.value.retry_after is not None
    assert 0 < paused.value.retry_after <= MAX_PAUSE_S
    assert plan.count() == 1


# --- clock corrections -----------------------------------------------------------------------------------

FAR_DATES = ["Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 2125 00:00:00 GMT"]


def invalid_timestamp(date: str) -> Respond:
    body = {"error_response": {"code": 31, "msg": "Invalid timestamp", "request_id": "skewed"}}
    return json_answer(body, headers={"Date": date})


@pytest.fixture
def clock_outcome(outcome: Record) -> Record:
    """The fields the rows of the clock tests share."""
    return with_fields(outcome, area="clock", api="TOP")


async def search_after_a_code_31(client: Any) -> Any:
    """The second search of one client (either flavour), whose first one must be refused with code 31."""
    with pytest.raises(tbapi.InvalidRequestError):
        await settled(client.products.search(fields=["name"], q="x"))
    return await settled(client.products.search(fields=["name"], q="x"))


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("date", FAR_DATES)
async def test_a_date_header_far_from_now_is_not_taken_as_the_gateways_clock(
    fault_server: FaultServer, date: str, flavour: str, clock_outcome: Record, caplog: pytest.LogCaptureFixture
) -> None:
    plan = fault_server.plan({TOP_SEARCH: [invalid_timestamp(date), TOP_OK]})
    with caplog.at_level(logging.WARNING, logger="tbapi"):
        search = await trial(f"products.search ({flavour})", plan, partial(one_call, "TOP", flavour, plan))
    error = search.error
    stamps = [parse_timestamp(hit.query["timestamp"]) for hit in plan.hits]
    clock_outcome(
        fault=f"TOP code 31 with Date: {date}",
        expected="code 31 raised after 1 attempt, not corrected; a log line says why",
        observed=f"{type(error).__name__} code={getattr(error, 'code', None)}; {len(stamps)} requests",
        **search.row,
    )
    assert isinstance(error, tbapi.InvalidRequestError)
    assert error.code == 31
    assert plan.count() == 1
    assert all(abs(stamp - time.time()) < 60 for stamp in stamps)
    assert any("not taken" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_far_date_header_does_not_poison_the_clients_later_calls(
    fault_server: FaultServer, flavour: str, clock_outcome: Record
) -> None:
    plan = fault_server.plan({TOP_SEARCH: [invalid_timestamp(FAR_DATES[1]), TOP_OK]})
    call = f"products.search twice on one client ({flavour})"
    second = await trial(call, plan, partial(on_client, "TOP", flavour, plan, search_after_a_code_31))
    page, last_stamp = second.result, parse_timestamp(plan.hits[-1].query["timestamp"])
    clock_outcome(
        fault=f"TOP code 31 with Date: {FAR_DATES[1]}, then a second call",
        expected="the second call succeeds, stamped with this host's clock",
        observed=f"success; its timestamp {last_stamp - time.time():+.0f} s from now",
        **second.row,
    )
    assert page.total_results == 108
    assert plan.count() == 2
    assert abs(last_stamp - time.time()) < 60
