from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.product_list import ProductList


T = TypeVar("T", bound="ProductsSearchResponse")


@_attrs_define
class ProductsSearchResponse:
    """One page of products."""

    total_results: int | None = None
    """ Total number of matching products (all pages). """

    products: ProductList | None = None
    """ TOP's list wrapper `products.product[]`; absent from the response when there are no results. """

    request_id: str | None = None
    """ Gateway request id. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        total_results = self.total_results
        if total_results is not None:
            field_dict["total_results"] = total_results
        products = self.products
        if products is not None:
            field_dict["products"] = products.to_dict()
        request_id = self.request_id
        if request_id is not None:
            field_dict["request_id"] = request_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_results = d.pop("total_results", None)
        if type(total_results) is not int and total_results is not None:
            total_results = as_int(total_results, "ProductsSearchResponse", "total_results")

        products = d.pop("products", None)
        if products is not None:
            products = (
                ProductList.from_dict(products)
                if type(products) is dict
                else as_model(ProductList, products, "ProductsSearchResponse", "products")
            )

        request_id = d.pop("request_id", None)
        if type(request_id) is not str and request_id is not None:
            request_id = as_str(request_id, "ProductsSearchResponse", "request_id")

        if cls is ProductsSearchResponse:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.total_results = total_results
            instance_.products = products
            instance_.request_id = request_id
            instance_.additional_properties = d
            return instance_
        products_search_response = cls(
            total_results,
            products,
            request_id,
        )
        products_search_response.additional_properties = d
        return products_search_response

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.product_list import ProductList  # noqa: E402
