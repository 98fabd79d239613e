"""What the TOP resources return and accept, beyond the generated models."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Required, TypedDict, TypeVar

import attrs
from taobao_top_client.models import Product, ProductsSearchResponse
from taobao_top_client.types import Unset

T = TypeVar("T")
W = TypeVar("W")


@attrs.frozen
class ProductsSearchResult:
    """One page of `products.search`: the products as a plain list (empty when there are none).

    Fields the spec does not name are kept as every model keeps them: `result["name"]`, `"name" in result`,
    `.additional_properties`, `.additional_keys`. `response` is the generated `ProductsSearchResponse`.
    """

    total_results: int
    products: list[Product]
    request_id: str | None
    response: ProductsSearchResponse = attrs.field(repr=False)

    @property
    def additional_properties(self) -> dict[str, Any]:
        return self.response.additional_properties

    @property
    def additional_keys(self) -> list[str]:
        return self.response.additional_keys

    def __getitem__(self, key: str) -> Any:
        return self.response[key]

    def __contains__(self, key: str) -> bool:
        return key in self.response

    @classmethod
    def from_response(cls, response: ProductsSearchResponse) -> ProductsSearchResult:
        return cls(
            total_results=0 if isinstance(response.total_results, Unset) else response.total_results,
            products=unwrap(response.products, lambda wrapper: wrapper.product),
            request_id=None if isinstance(response.request_id, Unset) else response.request_id,
            response=response,
        )


def unwrap(wrapper: W | Unset, items_of: Callable[[W], list[T] | Unset]) -> list[T]:
    """TOP's double-wrapped list (`products.product`) as a plain list; an absent wrapper or list is `[]`."""
    if isinstance(wrapper, Unset) or wrapper is None:
        return []
    items = items_of(wrapper)
    return [] if isinstance(items, Unset) or items is None else list(items)


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
