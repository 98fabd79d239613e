"""What the TOP resources return and accept, beyond the generated models."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Required, TypedDict, TypeVar

import attrs
from taobao_top_client.models import Product, ProductsSearchResponse

T = TypeVar("T")
W = TypeVar("W")


@attrs.frozen
class ProductsSearchResult:
    """One page of `products.search`: the products as a plain list (empty when there are none).

    `response` is the generated `ProductsSearchResponse`, for fields the spec does not name.
    """

    total_results: int
    products: list[Product]
    request_id: str | None
    response: ProductsSearchResponse = attrs.field(repr=False)

    @classmethod
    def from_response(cls, response: ProductsSearchResponse) -> ProductsSearchResult:
        return cls(
            total_results=response.total_results or 0,
            products=unwrap(response.products, lambda wrapper: wrapper.product),
            request_id=response.request_id,
            response=response,
        )


def unwrap(wrapper: W | None, items_of: Callable[[W], list[T] | None]) -> list[T]:
    """TOP's double-wrapped list (`products.product`) as a plain list; an absent wrapper or list is `[]`."""
    if wrapper is None:
        return []
    items = items_of(wrapper)
    return [] if items is None else list(items)


class ProductsSearchParams(TypedDict, total=False):
    """Keyword arguments of `products.search` (see its docstring)."""

    fields: Required[str | Iterable[str]]
    q: str | None
    cid: int | None
    props: str | Mapping[int, int] | None
    status: int | str | Iterable[int | str] | None
    page_no: int | None
    page_size: int | None
    vertical_market: int | None
    customer_props: str | None
    suite_items_str: str | None
    barcode_str: str | Iterable[str] | None
    market_id: int | str | None


class ItemcatsGetParams(TypedDict, total=False):
    """Keyword arguments of `itemcats.get` (see its docstring)."""

    cids: int | Iterable[int] | None
    parent_cid: int | None
    fields: str | Iterable[str] | None


class ItempropsGetParams(TypedDict, total=False):
    """Keyword arguments of `itemprops.get` (see its docstring)."""

    cid: Required[int]
    fields: str | Iterable[str] | None
    pid: int | None
    parent_pid: int | None
    is_key_prop: bool | None
    is_sale_prop: bool | None
    is_color_prop: bool | None
    is_enum_prop: bool | None
    is_input_prop: bool | None
    is_item_prop: bool | None
    child_path: str | Mapping[int, int] | None
    attr_keys: str | Iterable[str] | None
    type: int | None


class ItempropvaluesGetParams(TypedDict, total=False):
    """Keyword arguments of `itempropvalues.get` (see its docstring)."""

    cid: Required[int]
    fields: str | Iterable[str]
    pvs: str | Iterable[str | int] | None
    type: int | None
    attr_keys: str | Iterable[str] | None
