"""`orders.create` ends with an answer the caller can act on; `orders.cancel` is retried like the README says.

Never a second order, and also never a shrug: an unparsable 200 is an unknown outcome (query first), a resend
answered "already exists" queries again and returns the order, and an outcome that stays unknown raises
`tbapi.OrderOutcomeUnknown` carrying `outer_purchase_id`. Sync and async, against the loopback fault server.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

import tbapi
from tests.reliability.fault_server import FaultServer, Plan, ResetBeforeResponse, ResetMidBody, Respond, html_answer
from tests.reliability.one_call import on_client
from tests.reliability.orders import (
    CANCEL,
    CANCELLED,
    CREATE,
    CREATED,
    DUPLICATE,
    FOUND,
    NOT_FOUND,
    OUTER_ID,
    PURCHASE_ID,
    QUERY,
    create,
    routes,
)
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.trial import Trial, trial

pytestmark = pytest.mark.timeout(30)

FLAVOURS = ["sync", "async"]
SLACK = 3.0  # seconds: a hang guard, with room for 2 busy cores


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="orders.create", api="Shanjing", bound_s=SLACK)


async def created(flavour: str, plan: Plan, outcome: Record, fault: str, expected: str) -> Trial:
    """`orders.create` on a client of `flavour` under `plan`, its row recorded (attempts: the creates; observed:
    the requests in order, after what it raised), within `SLACK` (a hang guard)."""
    order = await trial(
        f"orders.create ({flavour})", plan, partial(on_client, "Shanjing", flavour, plan, create), route=CREATE
    )
    error = order.error
    carried = f"(outer_purchase_id={error.outer_purchase_id!r})" if isinstance(error, tbapi.OrderOutcomeUnknown) else ""
    raised = "" if error is None else f"{type(error).__name__}{carried}, "
    outcome(fault=fault, expected=expected, observed=raised + routes(plan), **order.row)
    assert order.elapsed < SLACK
    return order


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_truncated_200_to_create_is_an_unknown_outcome_resolved_by_the_query(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [Respond(body=CREATED.body[: len(CREATED.body) // 2])], QUERY: [FOUND]})
    fault = "a truncated HTTP 200 answer to the create; the order exists"
    order = await created(flavour, plan, outcome, fault, "the existing order; create sent once, then one query")
    assert routes(plan) == "create → query"
    assert order.result.order_list[0].purchase_id == PURCHASE_ID


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_resend_answered_already_exists_queries_again_and_returns_the_order(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), DUPLICATE], QUERY: [NOT_FOUND, FOUND]})
    fault = "reset mid-body; the first query lags (no order); the resend is answered 'already exists'"
    order = await created(flavour, plan, outcome, fault, "the existing order, found by a second query")
    assert routes(plan) == "create → query → create → query"
    assert order.result.outer_purchase_id == OUTER_ID
    assert order.result.order_list[0].purchase_id == PURCHASE_ID


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_an_outcome_that_stays_unknown_raises_order_outcome_unknown(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody()], QUERY: [html_answer(502)]})
    expected = "OrderOutcomeUnknown carrying outer_purchase_id; create sent once"
    order = await created(flavour, plan, outcome, "reset mid-body; every query fails (HTTP 502)", expected)
    assert isinstance(order.error, tbapi.OrderOutcomeUnknown)
    assert order.error.outer_purchase_id == OUTER_ID
    assert isinstance(order.error.cause, tbapi.APIConnectionError)
    assert plan.count(CREATE) == 1


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_duplicate_answer_whose_order_no_query_finds_raises_order_outcome_unknown(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), DUPLICATE], QUERY: [NOT_FOUND]})
    fault = "reset mid-body; the resend is answered 'already exists'; the queries keep lagging"
    expected = "OrderOutcomeUnknown carrying outer_purchase_id; 2 creates, never a third"
    order = await created(flavour, plan, outcome, fault, expected)
    assert isinstance(order.error, tbapi.OrderOutcomeUnknown)
    assert order.error.outer_purchase_id == OUTER_ID
    assert plan.count(CREATE) == 2


# --- orders.cancel: idempotent by purchase_id, so retried like any read --------------------------------------


def _cancel(client: Any) -> Any:
    return client.orders.cancel(PURCHASE_ID, cancel_reason="buyer changed their mind")


CANCEL_FAULTS = [
    ("HTTP 503 with an HTML body, then ok", html_answer(503)),
    ("reset before the response, then ok", ResetBeforeResponse()),
    ("reset in the middle of the body, then ok", ResetMidBody(sent=b'{"success":tr')),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("name", "fault"), CANCEL_FAULTS, ids=[c[0] for c in CANCEL_FAULTS])
async def test_orders_cancel_is_retried_after_a_server_fault_or_a_dropped_connection(
    fault_server: FaultServer, flavour: str, name: str, fault: Any, outcome: Record
) -> None:
    plan = fault_server.plan({CANCEL: [fault, CANCELLED]})
    cancel = await trial(f"orders.cancel ({flavour})", plan, lambda: on_client("Shanjing", flavour, plan, _cancel))
    expected = "success after 2 attempts (cancel is idempotent by purchase_id)"
    observed = "success" if cancel.result.success else "not accepted"
    outcome(area="fault", fault=name, expected=expected, observed=observed, **cancel.row)
    assert cancel.result.success is True
    assert plan.count(CANCEL) == 2
    assert cancel.elapsed < SLACK
