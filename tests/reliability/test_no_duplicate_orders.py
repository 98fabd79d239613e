"""`orders.create` spends money: over real faults it is never replayed blindly.

When the outcome is unknown the wrapper asks `orders.query(outer_purchase_id=…)` first; the fault server
counts what reached it, route by route.
"""

from __future__ import annotations

from functools import partial

import httpx
import pytest

import tbapi
from tests.reliability.conftest import shanjing_client
from tests.reliability.fault_server import FaultServer, NoResponse, Plan, ResetMidBody, html_answer
from tests.reliability.one_call import on_sync_client
from tests.reliability.orders import CREATE, CREATED, DUPLICATE, FOUND, NOT_FOUND, OUTER_ID, QUERY, create, routes
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example
from tests.reliability.trial import Trial, tried

pytestmark = pytest.mark.timeout(30)

SLACK = 3.0  # seconds: a hang guard
FOUND_BY_ONE_QUERY = "the existing order; create sent once, then one query"
CREATED_PAYMENT_URL = example("shanjing", "createOrder")["data"]["payment_url"]


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="orders.create", api="Shanjing", call="orders.create")


def created(plan: Plan, outcome: Record, fault: str, expected: str, bound_s: float = SLACK) -> Trial:
    """`orders.create` on a sync client under `plan`, its row recorded (attempts: the creates; observed: the
    requests in order, after what it raised), within `bound_s` (a hang guard)."""
    order = tried("orders.create", plan, partial(on_sync_client, "Shanjing", plan, create), route=CREATE)
    raised = "" if order.error is None else f"{type(order.error).__name__}: "
    outcome(fault=fault, expected=expected, observed=raised + routes(plan), **order.row, bound_s=bound_s)
    assert order.elapsed < bound_s
    return order


def test_create_reset_mid_body_is_not_replayed_when_the_query_finds_the_order(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), CREATED], QUERY: [FOUND]})
    order = created(plan, outcome, "reset in the middle of the body; the order exists", FOUND_BY_ONE_QUERY)
    assert routes(plan) == "create → query"
    assert order.result.order_list[0].purchase_id == 3012459876543210
    assert plan.hits[1].query["outer_purchase_id"] == OUTER_ID


def test_create_read_timeout_is_not_replayed_when_the_query_finds_the_order(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [NoResponse(), CREATED], QUERY: [FOUND]})
    order = created(plan, outcome, "read timeout; the order exists", FOUND_BY_ONE_QUERY, bound_s=1.5)
    assert routes(plan) == "create → query"
    assert order.result.outer_purchase_id == OUTER_ID


def test_create_reset_mid_body_is_sent_again_only_after_the_query_proves_no_order(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), CREATED], QUERY: [NOT_FOUND]})
    fault, expected = "reset in the middle of the body; no order yet", "create → query (none) → create → success"
    order = created(plan, outcome, fault, expected)
    assert routes(plan) == "create → query → create"
    assert order.result.payment_url == CREATED_PAYMENT_URL


def test_create_on_persistent_5xx_queries_before_every_resend_and_gives_up(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [html_answer(503)], QUERY: [NOT_FOUND]})
    expected = "ServerError; a query before every resend, 3 creates at most"
    order = created(plan, outcome, "HTTP 503 always; no order", expected)
    assert isinstance(order.error, tbapi.ServerError)
    assert routes(plan) == "create → query → create → query → create → query"


def test_create_is_not_sent_again_when_the_query_fails_too(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody()], QUERY: [html_answer(502)]})
    fault = "reset mid-body; the query fails (HTTP 502) too"
    order = created(plan, outcome, fault, "OrderOutcomeUnknown; create sent once")
    assert isinstance(order.error, tbapi.OrderOutcomeUnknown)
    assert plan.count(CREATE) == 1


def test_create_rejected_as_duplicate_is_neither_retried_nor_queried(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [DUPLICATE], QUERY: [FOUND]})
    fault = "business error (duplicate outer_purchase_id)"
    order = created(plan, outcome, fault, "APIError at once; one create, no query")
    assert isinstance(order.error, tbapi.APIError)
    assert routes(plan) == "create"


def test_create_that_never_left_is_sent_again_without_a_query(fault_server: FaultServer, outcome: Record) -> None:
    sent: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.path)]})
    client = shanjing_client(fault_server.closed_port_url(), http_client=http)
    with http, client, pytest.raises(tbapi.APIConnectionError) as raised:
        create(client)
    outcome(
        fault="connection refused (the request never left)",
        expected="APIConnectionError after 3 creates, no query",
        observed=f"{len(sent)} creates, {sent.count(QUERY)} queries",
        attempts=len(sent),
    )
    assert raised.value.request_sent is False
    assert sent == [CREATE, CREATE, CREATE]
