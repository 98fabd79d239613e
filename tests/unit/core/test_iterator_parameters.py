"""Each `iter_*` takes the parameters of its page method, plus `max_items` (before the per-call options).

The two lists are written twice (a ParamSpec cannot gain a parameter, and mypy and `help()` must see each
one), so this test keeps them equal: same names, kinds, annotations and defaults, in the same order.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

import tbapi

SHANJING = tbapi.ShanjingClient(access_token="t")
TOP = tbapi.TopClient(app_key="12345678", app_secret="helloworld")

PAIRS: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {
    "items.search": (SHANJING.items.search, SHANJING.items.iter_search),
    "orders.query": (SHANJING.orders.query, SHANJING.orders.iter_query),
    "top.products.search": (TOP.products.search, TOP.products.iter_search),
}
# TOP's page method leaves the page to the service (None); its iterator starts at page 1, 100 a page.
STARTS_OF_THE_WALK = {("top.products.search", "page_no"), ("top.products.search", "page_size")}


def parameters(method: Callable[..., Any]) -> list[inspect.Parameter]:
    return list(inspect.signature(method).parameters.values())


def own(params: list[inspect.Parameter]) -> list[inspect.Parameter]:
    """An iterator's parameters without `max_items`: what its page method takes too."""
    return [p for p in params if p.name != "max_items"]


@pytest.mark.parametrize("name", PAIRS)
def test_an_iterator_takes_its_page_methods_parameters_in_order(name: str) -> None:
    page, walk = (parameters(method) for method in PAIRS[name])
    assert [(p.name, p.kind) for p in own(walk)] == [(p.name, p.kind) for p in page]


@pytest.mark.parametrize("name", PAIRS)
def test_an_iterators_parameters_have_the_page_methods_types_and_defaults(name: str) -> None:
    page, walk = (parameters(method) for method in PAIRS[name])
    same = [(p.name, p.annotation, p.default) for p in page if (name, p.name) not in STARTS_OF_THE_WALK]
    assert [(p.name, p.annotation, p.default) for p in own(walk) if (name, p.name) not in STARTS_OF_THE_WALK] == same


def test_top_search_leaves_the_page_to_the_service_where_iter_search_starts_its_walk() -> None:
    page, walk = ({p.name: p for p in parameters(method)} for method in PAIRS["top.products.search"])
    assert [(page[n].annotation, page[n].default) for n in ("page_no", "page_size")] == [
        (f"{walk[n].annotation} | None", None) for n in ("page_no", "page_size")
    ]


@pytest.mark.parametrize("name", PAIRS)
def test_an_iterators_max_items_comes_after_its_own_parameters_before_the_per_call_options(name: str) -> None:
    walk = parameters(PAIRS[name][1])
    names = [p.name for p in walk]
    max_items = walk[names.index("max_items")]
    assert names[names.index("max_items") + 1] == "extra_headers"
    assert (max_items.kind, max_items.annotation, max_items.default) == (
        inspect.Parameter.KEYWORD_ONLY,
        "int | None",
        None,
    )
