"""`orders.create` ends with an answer the caller can act on; `orders.cancel` is retried like the README says.

Never a second order, and also never a shrug: an unparsable 200 is an unknown outcome (query first), a resend
answered "already exists" queries again and returns the order, and an outcome that stays unknown raises
`tbapi.OrderOutcomeUnknown` carrying `outer_purchase_id`. Sync and async, against the loopback fault server.
"""

from __future__ import annotations

from typing import Any

import pytest

import tbapi
from tests.order_data import LINE, RECEIVER
from tests.reliability.conftest import Stopwatch, async_shanjing_client, shanjing_client
from tests.reliability.fault_server import (
    FaultServer,
    Plan,
    ResetBeforeResponse,
    ResetMidBody,
    Respond,
    html_answer,
    json_answer,
)
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

CREATE = "/rest/taobao-global/purchase/order/create"
QUERY = "/rest/taobao-global/purchase/orders/query"
CANCEL = "/rest/taobao-global/purchase/order/asyn/cancel"
OUTER_ID = example("shanjing", "createOrder")["data"]["outer_purchase_id"]
PURCHASE_ID = example("shanjing", "queryOrders")["data"]["purchase_orders"][0]["purchase_id"]
CREATED = json_answer(example("shanjing", "createOrder"))
FOUND = json_answer(example("shanjing", "queryOrders"))
NOT_FOUND = json_answer(example("shanjing", "queryOrders", "notFound"))
DUPLICATE = json_answer(example("shanjing", "createOrder", "duplicateOrder"))
CANCELLED = json_answer(example("shanjing", "cancelOrder"))
FLAVOURS = ["sync", "async"]
SLACK = 3.0  # seconds: a hang guard, with room for 2 busy cores


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="orders.create", api="Shanjing", bound_s=SLACK)


async def _create(flavour: str, plan: Plan) -> Any:
    kwargs: dict[str, Any] = {
        "outer_purchase_id": OUTER_ID,
        "purchase_amount": 7980,
        "order_lines": [LINE],
        "receiver": RECEIVER,
    }
    if flavour == "sync":
        with shanjing_client(plan.url) as client:
            return client.orders.create(**kwargs)
    async with async_shanjing_client(plan.url) as aclient:
        return await aclient.orders.create(**kwargs)


async def _cancel(flavour: str, plan: Plan) -> Any:
    if flavour == "sync":
        with shanjing_client(plan.url) as client:
            return client.orders.cancel(PURCHASE_ID, cancel_reason="buyer changed their mind")
    async with async_shanjing_client(plan.url) as aclient:
        return await aclient.orders.cancel(PURCHASE_ID, cancel_reason="buyer changed their mind")


def _routes(plan: Plan) -> str:
    names = {CREATE: "create", QUERY: "query", CANCEL: "cancel"}
    return " → ".join(names.get(h.route, h.route) for h in plan.hits)


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_truncated_200_to_create_is_an_unknown_outcome_resolved_by_the_query(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [Respond(body=CREATED.body[: len(CREATED.body) // 2])], QUERY: [FOUND]})
    with Stopwatch() as watch:
        result = await _create(flavour, plan)
    outcome(
        fault="a truncated HTTP 200 answer to the create; the order exists",
        call=f"orders.create ({flavour})",
        expected="the existing order; create sent once, then one query",
        observed=_routes(plan),
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert _routes(plan) == "create → query"
    assert result.order_list[0].purchase_id == PURCHASE_ID
    assert watch.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_resend_answered_already_exists_queries_again_and_returns_the_order(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), DUPLICATE], QUERY: [NOT_FOUND, FOUND]})
    with Stopwatch() as watch:
        result = await _create(flavour, plan)
    outcome(
        fault="reset mid-body; the first query lags (no order); the resend is answered 'already exists'",
        call=f"orders.create ({flavour})",
        expected="the existing order, found by a second query",
        observed=_routes(plan),
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert _routes(plan) == "create → query → create → query"
    assert result.outer_purchase_id == OUTER_ID
    assert result.order_list[0].purchase_id == PURCHASE_ID
    assert watch.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_an_outcome_that_stays_unknown_raises_order_outcome_unknown(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody()], QUERY: [html_answer(502)]})
    with Stopwatch() as watch, pytest.raises(tbapi.OrderOutcomeUnknown) as raised:
        await _create(flavour, plan)
    outcome(
        fault="reset mid-body; every query fails (HTTP 502)",
        call=f"orders.create ({flavour})",
        expected="OrderOutcomeUnknown carrying outer_purchase_id; create sent once",
        observed=f"{type(raised.value).__name__}(outer_purchase_id={raised.value.outer_purchase_id!r}), {_routes(plan)}",
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert raised.value.outer_purchase_id == OUTER_ID
    assert isinstance(raised.value.cause, tbapi.APIConnectionError)
    assert plan.count(CREATE) == 1
    assert watch.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_duplicate_answer_whose_order_no_query_finds_raises_order_outcome_unknown(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), DUPLICATE], QUERY: [NOT_FOUND]})
    with Stopwatch() as watch, pytest.raises(tbapi.OrderOutcomeUnknown) as raised:
        await _create(flavour, plan)
    outcome(
        fault="reset mid-body; the resend is answered 'already exists'; the queries keep lagging",
        call=f"orders.create ({flavour})",
        expected="OrderOutcomeUnknown carrying outer_purchase_id; 2 creates, never a third",
        observed=f"{type(raised.value).__name__}, {_routes(plan)}",
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert raised.value.outer_purchase_id == OUTER_ID
    assert plan.count(CREATE) == 2
    assert watch.elapsed < SLACK


# --- orders.cancel: idempotent by purchase_id, so retried like any read --------------------------------------


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
    with Stopwatch() as watch:
        result = await _cancel(flavour, plan)
    outcome(
        area="fault",
        fault=name,
        call=f"orders.cancel ({flavour})",
        expected="success after 2 attempts (cancel is idempotent by purchase_id)",
        observed="success" if result.success else "not accepted",
        attempts=plan.count(CANCEL),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert result.success is True
    assert plan.count(CANCEL) == 2
    assert watch.elapsed < SLACK
