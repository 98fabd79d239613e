"""Each `iter_*` takes the parameters of its page method, plus `max_items`.

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


@pytest.mark.parametrize("name", PAIRS)
def test_an_iterator_takes_its_page_methods_parameters_in_order(name: str) -> None:
    page, walk = (parameters(method) for method in PAIRS[name])
    assert [(p.name, p.kind) for p in walk[:-1]] == [(p.name, p.kind) for p in page]


@pytest.mark.parametrize("name", PAIRS)
def test_an_iterators_parameters_have_the_page_methods_types_and_defaults(name: str) -> None:
    page, walk = (parameters(method) for method in PAIRS[name])
    same = [(p.name, p.annotation, p.default) for p in page if (name, p.name) not in STARTS_OF_THE_WALK]
    assert [(p.name, p.annotation, p.default) for p in walk[:-1] if (name, p.name) not in STARTS_OF_THE_WALK] == same


def test_top_search_leaves_the_page_to_the_service_where_iter_search_starts_its_walk() -> None:
    page, walk = ({p.name: p for p in parameters(method)} for method in PAIRS["top.products.search"])
    assert [(page[n].annotation, page[n].default) for n in ("page_no", "page_size")] == [
        (f"{walk[n].annotation} | None", None) for n in ("page_no", "page_size")
    ]


@pytest.mark.parametrize("name", PAIRS)
def test_an_iterators_last_parameter_is_max_items(name: str) -> None:
    last = parameters(PAIRS[name][1])[-1]
    assert (last.name, last.kind, last.annotation, last.default) == (
        "max_items",
        inspect.Parameter.KEYWORD_ONLY,
        "int | None",
        None,
    )
