"""Answers that lie in small ways: an error hidden beside a success, a list sent as one object, a field the spec
does not name, a page the server already sent. Sync and async, against the loopback fault server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import tbapi
from tests.reliability.fault_server import FaultServer, Plan, json_answer
from tests.reliability.one_call import drained, on_client
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example
from tests.reliability.trial import Trial, trial

pytestmark = pytest.mark.timeout(30)

SEARCH = "taobao.products.search"
SJ_SEARCH = "/rest/taobao-global/traffic/item/search"
FLAVOURS = ["sync", "async"]
SLACK = 3.0  # seconds: a hang guard, with room for 2 busy cores
ERROR = {"code": 15, "msg": "Remote service error", "sub_code": "isv.invalid-parameter", "sub_msg": "q is bad"}


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="lying answers", api="TOP", bound_s=SLACK)


def _search_answer(**inner: Any) -> dict[str, Any]:
    body: dict[str, Any] = example("top", "productsSearch")
    body["products_search_response"].update(inner)
    return body


CALLS = {  # the same search, through the typed method or the generic `call`
    "products.search": lambda top: top.products.search(fields=["product_id", "name"], q="优衣库"),
    "call": lambda top: top.call(SEARCH, {"fields": "product_id,name", "q": "优衣库"}),
}


async def _searched(how: str, flavour: str, plan: Plan) -> Trial:
    """The search made `how` on a TOP client of `flavour` under `plan`."""
    return await trial(f"{how} ({flavour})", plan, lambda: on_client("TOP", flavour, plan, CALLS[how]))


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("how", ["products.search", "call"])
async def test_a_top_answer_with_both_a_response_and_an_error_response_raises(
    fault_server: FaultServer, flavour: str, how: str, outcome: Record
) -> None:
    plan = fault_server.plan({SEARCH: [json_answer({**example("top", "productsSearch"), "error_response": ERROR})]})
    search = await _searched(how, flavour, plan)
    error = search.error
    outcome(
        fault="products_search_response and error_response in one body",
        expected="the error_response's InvalidRequestError, not a silent success",
        observed=f"{type(error).__name__}(sub_code={getattr(error, 'sub_code', None)})",
        **search.row,
    )
    assert type(error) is tbapi.InvalidRequestError
    assert error.sub_code == "isv.invalid-parameter"
    assert search.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_product_list_sent_as_a_single_object_is_one_product(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    one = example("top", "productsSearch")["products_search_response"]["products"]["product"][0]
    plan = fault_server.plan({SEARCH: [json_answer(_search_answer(total_results=1, products={"product": one}))]})
    search = await _searched("products.search", flavour, plan)
    fault = '"products": {"product": {…}} (one object, not a list)'
    outcome(fault=fault, expected="one product", observed=f"{len(search.result.products)} product(s)", **search.row)
    assert [p.product_id for p in search.result.products] == [one["product_id"]]
    assert search.elapsed < SLACK


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_products_search_result_keeps_fields_the_spec_does_not_name(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({SEARCH: [json_answer(_search_answer(search_trace="t-42", facets={"cid": [1, 2]}))]})
    search = await _searched("products.search", flavour, plan)
    result = search.result
    outcome(
        fault="unknown fields beside total_results and products",
        expected="kept: result['search_trace'], result.additional_properties",
        observed=f"additional keys {sorted(result.additional_keys)}",
        **search.row,
    )
    assert result["search_trace"] == "t-42"
    assert result.additional_properties["facets"] == {"cid": [1, 2]}
    assert "facets" in result
    assert search.elapsed < SLACK


# A paged search walked to its end, three items a page: the call's name, its route, the walk.
WALKS: dict[str, tuple[str, str, Callable[[Any], Any]]] = {
    "TOP": (
        "products.iter_search",
        SEARCH,
        lambda top: top.products.iter_search(fields=["product_id", "name"], q="优衣库", page_size=3),
    ),
    "Shanjing": ("items.iter_search", SJ_SEARCH, lambda shanjing: shanjing.items.iter_search("T恤", page_size=3)),
}
FIRST_PAGES = {
    "TOP": json_answer(example("top", "productsSearch")),
    "Shanjing": json_answer(example("shanjing", "searchItems")),
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("api", ["TOP", "Shanjing"])
async def test_iter_search_stops_with_a_response_error_when_the_server_repeats_a_page(
    fault_server: FaultServer, api: str, flavour: str, outcome: Record
) -> None:
    # The same full page (3 items of page_size 3, of 108 in all) for every page asked for.
    name, route, walk = WALKS[api]
    plan = fault_server.plan({route: [FIRST_PAGES[api]]})
    got: list[Any] = []
    pages = await trial(
        f"{name} ({flavour})", plan, lambda: on_client(api, flavour, plan, lambda c: drained(walk(c), got))
    )
    outcome(
        fault="every page answered with page 1 again",
        api=api,
        expected="ResponseError when page 2 repeats page 1; its 3 items yielded once",
        observed=f"{type(pages.error).__name__} after {plan.count()} pages, {len(got)} items",
        **pages.row,
    )
    assert isinstance(pages.error, tbapi.ResponseError)
    assert plan.count() == 2
    assert len(got) == 3
    assert pages.elapsed < SLACK
