"""`orders.create` spends money: over real faults it is never replayed blindly.

When the outcome is unknown the wrapper asks `orders.query(outer_purchase_id=…)` first; the fault server
counts what reached it, route by route.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import tbapi
from tests.order_data import LINE, RECEIVER
from tests.reliability.conftest import Stopwatch, shanjing_client
from tests.reliability.fault_server import FaultServer, NoResponse, ResetMidBody, html_answer, json_answer
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

CREATE = "/rest/taobao-global/purchase/order/create"
QUERY = "/rest/taobao-global/purchase/orders/query"
OUTER_ID = example("shanjing", "createOrder")["data"]["outer_purchase_id"]  # the id the spec's examples share
CREATED = json_answer(example("shanjing", "createOrder"))
FOUND = json_answer(example("shanjing", "queryOrders"))
NOT_FOUND = json_answer(example("shanjing", "queryOrders", "notFound"))
DUPLICATE = json_answer(example("shanjing", "createOrder", "duplicateOrder"))


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="orders.create", api="Shanjing", call="orders.create")


def create(client: tbapi.ShanjingClient) -> Any:
    return client.orders.create(outer_purchase_id=OUTER_ID, purchase_amount=7980, order_lines=[LINE], receiver=RECEIVER)


def routes(hits: list[Any]) -> list[str]:
    return ["create" if h.route == CREATE else "query" if h.route == QUERY else h.route for h in hits]


def test_create_reset_mid_body_is_not_replayed_when_the_query_finds_the_order(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), CREATED], QUERY: [FOUND]})
    with shanjing_client(plan.url) as client, Stopwatch() as watch:
        result = create(client)
    outcome(
        fault="reset in the middle of the body; the order exists",
        expected="the existing order; create sent once, then one query",
        observed=" → ".join(routes(plan.hits)),
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=3.0,
    )
    assert routes(plan.hits) == ["create", "query"]
    assert result.order_list[0].purchase_id == 3012459876543210
    assert plan.hits[1].query["outer_purchase_id"] == OUTER_ID
    assert watch.elapsed < 3.0


def test_create_read_timeout_is_not_replayed_when_the_query_finds_the_order(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [NoResponse(), CREATED], QUERY: [FOUND]})
    with shanjing_client(plan.url) as client, Stopwatch() as watch:
        result = create(client)
    outcome(
        fault="read timeout; the order exists",
        expected="the existing order; create sent once, then one query",
        observed=" → ".join(routes(plan.hits)),
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=1.5,
    )
    assert routes(plan.hits) == ["create", "query"]
    assert result.outer_purchase_id == OUTER_ID
    assert watch.elapsed < 1.5


def test_create_reset_mid_body_is_sent_again_only_after_the_query_proves_no_order(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody(), CREATED], QUERY: [NOT_FOUND]})
    with shanjing_client(plan.url) as client, Stopwatch() as watch:
        result = create(client)
    outcome(
        fault="reset in the middle of the body; no order yet",
        expected="create → query (none) → create → success",
        observed=" → ".join(routes(plan.hits)),
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=3.0,
    )
    assert routes(plan.hits) == ["create", "query", "create"]
    assert result.payment_url == CREATED_PAYMENT_URL
    assert watch.elapsed < 3.0


CREATED_PAYMENT_URL = example("shanjing", "createOrder")["data"]["payment_url"]


def test_create_on_persistent_5xx_queries_before_every_resend_and_gives_up(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [html_answer(503)], QUERY: [NOT_FOUND]})
    with shanjing_client(plan.url) as client, Stopwatch() as watch, pytest.raises(tbapi.ServerError):
        create(client)
    outcome(
        fault="HTTP 503 always; no order",
        expected="ServerError; a query before every resend, 3 creates at most",
        observed=" → ".join(routes(plan.hits)),
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=3.0,
    )
    assert routes(plan.hits) == ["create", "query", "create", "query", "create", "query"]
    assert watch.elapsed < 3.0


def test_create_is_not_sent_again_when_the_query_fails_too(fault_server: FaultServer, outcome: Record) -> None:
    plan = fault_server.plan({CREATE: [ResetMidBody()], QUERY: [html_answer(502)]})
    with shanjing_client(plan.url) as client, Stopwatch() as watch, pytest.raises(tbapi.OrderOutcomeUnknown):
        create(client)
    outcome(
        fault="reset mid-body; the query fails (HTTP 502) too",
        expected="OrderOutcomeUnknown; create sent once",
        observed=f"{plan.count(CREATE)} create, {plan.count(QUERY)} query attempts",
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=3.0,
    )
    assert plan.count(CREATE) == 1
    assert watch.elapsed < 3.0


def test_create_rejected_as_duplicate_is_neither_retried_nor_queried(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({CREATE: [DUPLICATE], QUERY: [FOUND]})
    with shanjing_client(plan.url) as client, pytest.raises(tbapi.APIError) as raised:
        create(client)
    outcome(
        fault="business error (duplicate outer_purchase_id)",
        expected="APIError at once; one create, no query",
        observed=f"{type(raised.value).__name__}: " + " → ".join(routes(plan.hits)),
        attempts=plan.count(CREATE),
    )
    assert routes(plan.hits) == ["create"]


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
