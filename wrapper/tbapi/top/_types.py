"""What the TOP resources return, beyond the generated models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from tbapi._generated.taobao_top_client.models import Product, ProductsSearchResponse

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
