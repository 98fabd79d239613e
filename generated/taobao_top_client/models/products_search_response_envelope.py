from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_model,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.products_search_response import ProductsSearchResponse


T = TypeVar("T", bound="ProductsSearchResponseEnvelope")


@_attrs_define
class ProductsSearchResponseEnvelope:
    """Success body of `taobao.products.search`."""

    products_search_response: ProductsSearchResponse
    """ One page of products. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        products_search_response = self.products_search_response
        field_dict["products_search_response"] = products_search_response.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        products_search_response = d.pop("products_search_response")
        products_search_response = (
            ProductsSearchResponse.from_dict(products_search_response)
            if type(products_search_response) is dict
            else as_model(
                ProductsSearchResponse,
                products_search_response,
                "ProductsSearchResponseEnvelope",
                "products_search_response",
            )
        )

        if cls is ProductsSearchResponseEnvelope:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.products_search_response = products_search_response
            return instance_
        products_search_response_envelope = cls(
            products_search_response,
        )
        return products_search_response_envelope

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.products_search_response import ProductsSearchResponse  # noqa: E402
