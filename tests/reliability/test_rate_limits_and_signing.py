"""Server wait hints and TOP call limits: waited when short, raised when long, never for a daily quota;
and every TOP attempt stamped and signed afresh (captured at the server)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

import tbapi
from mock.top_gateway import parse_timestamp
from mock.top_signature import top_signature
from tests.conftest import TOP_APP_SECRET
from tests.reliability.fault_server import FaultServer, Plan, Respond, html_answer, json_answer
from tests.reliability.one_call import TOP_OK, TOP_SEARCH, call_name, ok_answer, on_sync_client, one_call, route
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example
from tests.reliability.trial import Trial, trial, tried

pytestmark = pytest.mark.timeout(30)

DEFAULT_CAP = 60.0  # ClientOptions.max_retry_after


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="rate limit", api="TOP")


def ban(seconds: int, sub_code: str = "accesscontrol.limited-by-api-access-count") -> Respond:
    return json_answer(
        {
            "error_response": {
                "code": 7,
                "msg": "App Call Limited",
                "sub_code": sub_code,
                "sub_msg": f"This ban will last for {seconds} more seconds",
                "request_id": "ban1",
            }
        }
    )


DAILY_QUOTA = json_answer(example("top", "productsSearch", "app_daily_quota"))


def search(client: tbapi.TopClient) -> Any:
    return client.products.search(fields=["product_id", "name"], q="优衣库")


def searched(plan: Plan) -> Trial:
    """`products.search` on a sync TOP client under `plan`."""
    return tried("products.search", plan, partial(on_sync_client, "TOP", plan, search))


def test_top_ban_of_2_seconds_is_waited_then_retried(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({TOP_SEARCH: [ban(2), TOP_OK]})
    banned = searched(plan)
    fault, expected = "TOP code 7: This ban will last for 2 more seconds", "waits 2 s, then success after 2 attempts"
    outcome(fault=fault, expected=expected, observed="success", **banned.row, bound_s=3.5)
    assert banned.result.total_results == 108
    assert plan.count() == 2
    assert 2.0 <= plan.hits[1].at - plan.hits[0].at < 3.0
    assert banned.elapsed < 3.5


# A server-requested wait longer than the cap, as each API asks for it: TOP's ban, Shanjing's 429 Retry-After.
TOO_LONG_WAITS = {
    "TOP": ("TOP ban of 3600 s (cap 60 s)", ban(3600)),
    "Shanjing": (
        "HTTP 429 Retry-After: 3600 (cap 60 s)",
        Respond(429, html_answer(429).body, "text/html", {"Retry-After": "3600"}),
    ),
}


@pytest.mark.parametrize("api", ["TOP", "Shanjing"])
async def test_a_server_wait_longer_than_the_cap_raises_rate_limit_error_at_once(
    api: str, fault_server: FaultServer, outcome: Record
) -> None:
    fault, too_long = TOO_LONG_WAITS[api]
    plan = fault_server.plan({route(api): [too_long, ok_answer(api)]})
    waited = await trial(call_name(api, "sync"), plan, partial(one_call, api, "sync", plan))
    error = waited.error
    assert isinstance(error, tbapi.RateLimitError)
    expected, observed = (
        "RateLimitError(retry_after=3600) after 1 attempt",
        f"RateLimitError(retry_after={error.retry_after})",
    )
    outcome(fault=fault, api=api, expected=expected, observed=observed, **waited.row, bound_s=0.5)
    assert error.retry_after == 3600
    assert plan.count() == 1
    assert waited.elapsed < 0.5


def test_top_daily_quota_fails_fast(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({TOP_SEARCH: [DAILY_QUOTA, TOP_OK]})
    quota = searched(plan)
    error = quota.error
    assert isinstance(error, tbapi.RateLimitError)
    outcome(
        fault="TOP code 7 accesscontrol.limited-by-app-access-count (daily quota)",
        expected="RateLimitError(quota_exhausted) after 1 attempt",
        observed=f"RateLimitError(quota_exhausted={error.quota_exhausted})",
        **quota.row,
        bound_s=0.5,
    )
    assert error.quota_exhausted is True
    assert plan.count() == 1
    assert quota.elapsed < 0.5


def test_top_isp_fault_is_retried(fault_server: FaultServer, outcome: Record) -> None:
    isp = json_answer(example("top", "productsSearch", "remote_service_unavailable"))
    plan = fault_server.plan({TOP_SEARCH: [isp, TOP_OK]})
    retried = searched(plan)
    fault, expected = "TOP isp.* remote service unavailable", "success after 2 attempts"
    outcome(fault=fault, expected=expected, observed="success", **retried.row, bound_s=1.0)
    assert retried.result is not None
    assert plan.count() == 2
    assert retried.elapsed < 1.0


def test_every_top_retry_is_signed_afresh_with_a_new_timestamp(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({TOP_SEARCH: [ban(1), ban(1), TOP_OK]})
    assert searched(plan).result is not None
    sent = [{**hit.query, **hit.form} for hit in plan.hits]
    timestamps = [parse_timestamp(params["timestamp"]) for params in sent]
    outcome(
        area="signing",
        fault="TOP ban of 1 s twice",
        call="products.search",
        expected="3 attempts, 3 timestamps, 3 valid distinct signatures",
        observed=f"{len(set(timestamps))} timestamps, {len({p['sign'] for p in sent})} signatures",
        attempts=plan.count(),
    )
    assert len(sent) == 3
    assert timestamps == sorted(timestamps)
    assert len(set(timestamps)) == 3
    assert all(p["sign"] == top_signature(p, TOP_APP_SECRET, p["sign_method"]) for p in sent)
    assert len({p["sign"] for p in sent}) == 3
