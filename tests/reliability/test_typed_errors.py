"""Every failure is a `tbapi.TbapiError`, and an answer in a legal but unusual encoding is read.

A 3,000-deep JSON body (Python's parser raises `RecursionError` at about 1,000), a UTF-8 BOM, a body in a
declared non-UTF-8 charset, a call on a closed client and an async client reused in a second event loop —
for both APIs, sync and async, against the loopback fault server.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

import tbapi
from tests.order_data import LINE, RECEIVER
from tests.reliability import conftest as suite
from tests.reliability.fault_server import FaultServer, Plan, Respond, json_answer
from tests.reliability.one_call import (
    API_FLAVOURS,
    IDS,
    call_name,
    new_client,
    ok_answer,
    one_call,
    representative,
    route,
    settled,
)
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

SLACK = 3.0  # seconds: a hang guard — every call here is one or a few loopback round trips, on 2 busy cores
DEEP = Respond(body=b"[" * 3000 + b"]" * 3000)
# Shallow enough for the parser, deep enough to break code that recurses over it at a deeper stack.
NEARLY_TOO_DEEP = Respond(body=b"[" * 900 + b"]" * 900)
CREATE = "/rest/taobao-global/purchase/order/create"
QUERY = "/rest/taobao-global/purchase/orders/query"


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="tbapi errors", bound_s=SLACK)


def _example(api: str) -> Any:
    return example("shanjing", "getItem") if api == "Shanjing" else example("top", "productsSearch")


def _first_text(api: str, result: Any) -> str:
    """The Chinese text the example carries: the item's title, or the first product's name."""
    return str(result.title if api == "Shanjing" else result.products[0].name)


def _expected_text(api: str) -> str:
    body = _example(api)
    return str(
        body["data"]["title"]
        if api == "Shanjing"
        else body["products_search_response"]["products"]["product"][0]["name"]
    )


async def failed_call(
    api: str, flavour: str, plan: Plan, outcome: Record, fault: str, expected: str
) -> tuple[tbapi.TbapiError, float]:
    """The error `one_call` ends with under `plan`, and how long it took; its report row recorded."""
    with suite.Stopwatch() as watch, pytest.raises(tbapi.TbapiError) as raised:
        await one_call(api, flavour, plan)
    outcome(
        fault=fault,
        api=api,
        call=call_name(api, flavour),
        expected=expected,
        observed=type(raised.value).__name__,
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    return raised.value, watch.elapsed


async def text_read(api: str, flavour: str, plan: Plan, outcome: Record, fault: str) -> tuple[str, float]:
    """The Chinese text `one_call` read under `plan`, and how long it took; its report row recorded."""
    with suite.Stopwatch() as watch:
        text = _first_text(api, await one_call(api, flavour, plan))
    outcome(
        fault=fault,
        api=api,
        call=call_name(api, flavour),
        expected="success after 1 attempt, texts intact",
        observed="success" if text == _expected_text(api) else "texts garbled",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    return text, watch.elapsed


@pytest.mark.parametrize(("api", "flavour"), API_FLAVOURS, ids=IDS)
@pytest.mark.parametrize("depth", [3000, 900])
async def test_a_deeply_nested_json_answer_is_a_response_error(
    fault_server: FaultServer, api: str, flavour: str, depth: int, outcome: Record
) -> None:
    plan = fault_server.plan({route(api): [DEEP if depth == 3000 else NEARLY_TOO_DEEP]})
    expected = "ResponseError after 1 attempt (not RecursionError)"
    error, elapsed = await failed_call(
        api, flavour, plan, outcome, f"a {depth:,}-deep JSON array on HTTP 200", expected
    )
    assert type(error) is tbapi.ResponseError
    assert plan.count() == 1
    assert elapsed < SLACK


@pytest.mark.parametrize(("api", "flavour"), API_FLAVOURS, ids=IDS)
async def test_a_3000_deep_json_error_body_on_http_500_is_a_server_error(
    fault_server: FaultServer, api: str, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({route(api): [Respond(500, DEEP.body)]})
    fault, expected = "a 3,000-deep JSON body on HTTP 500", "ServerError after 3 attempts"
    error, elapsed = await failed_call(api, flavour, plan, outcome, fault, expected)
    assert type(error) is tbapi.ServerError
    assert plan.count() == 3
    assert elapsed < SLACK


def test_a_3000_deep_json_answer_to_orders_create_is_a_response_error_after_the_query(
    fault_server: FaultServer, outcome: Record
) -> None:
    not_found = json_answer(example("shanjing", "queryOrders", "notFound"))
    plan = fault_server.plan({CREATE: [DEEP], QUERY: [not_found]})
    outer_id = example("shanjing", "createOrder")["data"]["outer_purchase_id"]
    with (
        suite.shanjing_client(plan.url) as client,
        suite.Stopwatch() as watch,
        pytest.raises(tbapi.TbapiError) as raised,
    ):
        client.orders.create(outer_purchase_id=outer_id, purchase_amount=7980, order_lines=[LINE], receiver=RECEIVER)
    outcome(
        fault="a 3,000-deep JSON answer to every create; the query finds no order",
        api="Shanjing",
        call="orders.create (sync)",
        expected="ResponseError after the query proved no order (an unreadable answer is not resent)",
        observed=f"{type(raised.value).__name__}: {plan.count(CREATE)} creates, {plan.count(QUERY)} queries",
        attempts=plan.count(CREATE),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert type(raised.value) is tbapi.ResponseError
    assert (plan.count(CREATE), plan.count(QUERY)) == (1, 1)
    assert watch.elapsed < SLACK


@pytest.mark.parametrize(("api", "flavour"), API_FLAVOURS, ids=IDS)
async def test_an_answer_with_a_utf8_bom_is_read(
    fault_server: FaultServer, api: str, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({route(api): [Respond(body=b"\xef\xbb\xbf" + ok_answer(api).body)]})
    text, elapsed = await text_read(api, flavour, plan, outcome, "a UTF-8 BOM before the JSON")
    assert text == _expected_text(api)
    assert plan.count() == 1
    assert elapsed < SLACK


@pytest.mark.parametrize(("api", "flavour"), API_FLAVOURS, ids=IDS)
@pytest.mark.parametrize("charset", ["GBK", "GB18030", "UTF-16"])
async def test_an_answer_in_a_declared_non_utf8_charset_is_decoded(
    fault_server: FaultServer, api: str, flavour: str, charset: str, outcome: Record
) -> None:
    body = json.dumps(_example(api), ensure_ascii=False).encode(charset)
    plan = fault_server.plan({route(api): [Respond(body=body, content_type=f"application/json;charset={charset}")]})
    fault = f"Content-Type: application/json;charset={charset}, body in {charset}"
    text, elapsed = await text_read(api, flavour, plan, outcome, fault)
    assert text == _expected_text(api)
    assert elapsed < SLACK


# --- clients used where they cannot work ------------------------------------------------------------------


async def _call_closed(api: str, flavour: str, url: str) -> None:
    client = new_client(api, flavour, url)
    await settled(client.close() if flavour == "sync" else client.aclose())
    await settled(representative(api)(client))


@pytest.mark.parametrize(("api", "flavour"), API_FLAVOURS, ids=IDS)
async def test_a_call_on_a_closed_client_is_a_client_state_error(
    fault_server: FaultServer, api: str, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({route(api): [ok_answer(api)]})
    with suite.Stopwatch() as watch, pytest.raises(tbapi.TbapiError) as raised:
        await _call_closed(api, flavour, plan.url)
    outcome(
        fault="a call after close()",
        api=api,
        call=call_name(api, flavour),
        expected="ClientStateError (a RuntimeError too), nothing sent",
        observed=f"{type(raised.value).__name__}, {plan.count()} sent",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert type(raised.value) is tbapi.ClientStateError
    assert isinstance(raised.value, RuntimeError)
    assert plan.count() == 0
    assert watch.elapsed < SLACK


@pytest.mark.parametrize("api", ["Shanjing", "TOP"])
def test_an_async_client_reused_in_a_second_event_loop_is_a_client_state_error(
    fault_server: FaultServer, api: str, outcome: Record
) -> None:
    plan = fault_server.plan({route(api): [ok_answer(api)]})
    client, call = new_client(api, "async", plan.url), representative(api)
    with suite.Stopwatch() as watch:
        asyncio.run(call(client))  # the first loop: fine
        with pytest.raises(tbapi.TbapiError) as raised:
            asyncio.run(call(client))
    outcome(
        fault="an async client used again in a second event loop (asyncio.run twice)",
        api=api,
        call=call_name(api, "async"),
        expected="the first call succeeds; the second is a ClientStateError, not sent",
        observed=f"{type(raised.value).__name__}, {plan.count()} sent in all",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert type(raised.value) is tbapi.ClientStateError
    assert plan.count() == 1
    assert watch.elapsed < SLACK
