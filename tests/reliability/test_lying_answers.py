"""Answers that lie in small ways: an error hidden beside a success, a list sent as one object, a field the spec
does not name, a page the server already sent. Sync and async, against the loopback fault server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any, TypeVar

import pytest

import tbapi
from tests.reliability import conftest as suite
from tests.reliability.fault_server import FaultServer, Plan, json_answer
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

T = TypeVar("T")
SEARCH = "taobao.products.search"
SJ_SEARCH = "/rest/taobao-global/traffic/item/search"
FLAVOURS = ["sync", "async"]
SLACK = 3.0  # seconds: a hang guard, with room for 2 busy cores
ERROR = {"code": 15, "msg": "Remote service error", "sub_code": "isv.invalid-parameter", "sub_msg": "q is bad"}


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="lying answers", bound_s=SLACK)


def _search_answer(**inner: Any) -> dict[str, Any]:
    body: dict[str, Any] = example("top", "productsSearch")
    body["products_search_response"].update(inner)
    return body


async def _search(flavour: str, plan: Plan) -> Any:
    if flavour == "sync":
        with suite.top_client(suite.top_url(plan)) as top:
            return top.products.search(fields=["product_id", "name"], q="优衣库")
    async with suite.async_top_client(suite.top_url(plan)) as atop:
        return await atop.products.search(fields=["product_id", "name"], q="优衣库")


async def _call(flavour: str, plan: Plan) -> Any:
    if flavour == "sync":
        with suite.top_client(suite.top_url(plan)) as top:
            return top.call(SEARCH, {"fields": "product_id,name", "q": "优衣库"})
    async with suite.async_top_client(suite.top_url(plan)) as atop:
        return await atop.call(SEARCH, {"fields": "product_id,name", "q": "优衣库"})


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("how", ["products.search", "call"])
async def test_a_top_answer_with_both_a_response_and_an_error_response_raises(
    fault_server: FaultServer, flavour: str, how: str, outcome: Record
) -> None:
    plan = fault_server.plan({SEARCH: [json_answer({**example("top", "productsSearch"), "error_response": ERROR})]})
    with suite.Stopwatch() as watch, pytest.raises(tbapi.TbapiError) as raised:
        await (_search(flavour, plan) if how == "products.search" else _call(flavour, plan))
    outcome(
        fault="products_search_response and error_response in one body",
        api="TOP",
        call=f"{how} ({flavour})",
        expected="the error_response's InvalidRequestError, not a silent success",
        observed=f"{type(raised.value).__name__}(sub_code={getattr(raised.value, 'sub_code', None)})",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert type(raised.value) is tbapi.InvalidRequestError
    assert raised.value.sub_code == "isv.invalid-parameter"
    assert watch.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_product_list_sent_as_a_single_object_is_one_product(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    one = example("top", "productsSearch")["products_search_response"]["products"]["product"][0]
    plan = fault_server.plan({SEARCH: [json_answer(_search_answer(total_results=1, products={"product": one}))]})
    with suite.Stopwatch() as watch:
        result = await _search(flavour, plan)
    outcome(
        fault='"products": {"product": {…}} (one object, not a list)',
        api="TOP",
        call=f"products.search ({flavour})",
        expected="one product",
        observed=f"{len(result.products)} product(s)",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert [p.product_id for p in result.products] == [one["product_id"]]
    assert watch.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_products_search_result_keeps_fields_the_spec_does_not_name(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({SEARCH: [json_answer(_search_answer(search_trace="t-42", facets={"cid": [1, 2]}))]})
    with suite.Stopwatch() as watch:
        result = await _search(flavour, plan)
    outcome(
        fault="unknown fields beside total_results and products",
        api="TOP",
        call=f"products.search ({flavour})",
        expected="kept: result['search_trace'], result.additional_properties",
        observed=f"additional keys {sorted(result.additional_keys)}",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert result["search_trace"] == "t-42"
    assert result.additional_properties["facets"] == {"cid": [1, 2]}
    assert "facets" in result
    assert watch.elapsed < SLACK


async def _drain(items: Iterable[T] | AsyncIterator[T], got: list[T]) -> None:
    if isinstance(items, AsyncIterator):
        async for item in items:
            got.append(item)
    else:
        got.extend(items)


async def _walk_top(flavour: str, plan: Plan, got: list[Any]) -> None:
    if flavour == "sync":
        with suite.top_client(suite.top_url(plan)) as top:
            await _drain(top.products.iter_search(fields=["product_id", "name"], q="优衣库", page_size=3), got)
    else:
        async with suite.async_top_client(suite.top_url(plan)) as atop:
            await _drain(atop.products.iter_search(fields=["product_id", "name"], q="优衣库", page_size=3), got)


async def _walk_shanjing(flavour: str, plan: Plan, got: list[Any]) -> None:
    if flavour == "sync":
        with suite.shanjing_client(plan.url) as client:
            await _drain(client.items.iter_search("T恤", page_size=3), got)
    else:
        async with suite.async_shanjing_client(plan.url) as aclient:
            await _drain(aclient.items.iter_search("T恤", page_size=3), got)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("api", ["TOP", "Shanjing"])
async def test_iter_search_stops_with_a_response_error_when_the_server_repeats_a_page(
    fault_server: FaultServer, api: str, flavour: str, outcome: Record
) -> None:
    # The same full page (3 items of page_size 3, of 108 in all) for every page asked for.
    if api == "TOP":
        plan = fault_server.plan({SEARCH: [json_answer(example("top", "productsSearch"))]})
    else:
        plan = fault_server.plan({SJ_SEARCH: [json_answer(example("shanjing", "searchItems"))]})
    got: list[Any] = []
    with suite.Stopwatch() as watch, pytest.raises(tbapi.ResponseError) as raised:
        await (_walk_top(flavour, plan, got) if api == "TOP" else _walk_shanjing(flavour, plan, got))
    outcome(
        fault="every page answered with page 1 again",
        api=api,
        call=f"{'products' if api == 'TOP' else 'items'}.iter_search ({flavour})",
        expected="ResponseError when page 2 repeats page 1; its 3 items yielded once",
        observed=f"{type(raised.value).__name__} after {plan.count()} pages, {len(got)} items",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert plan.count() == 2
    assert len(got) == 3
    assert watch.elapsed < SLACK
