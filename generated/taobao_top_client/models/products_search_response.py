from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_list import ProductList


T = TypeVar("T", bound="ProductsSearchResponse")


@_attrs_define
class ProductsSearchResponse:
    """One page of products."""

    total_results: int | Unset = UNSET
    """ Total number of matching products (all pages). """
    products: ProductList | Unset = UNSET
    """ TOP's list wrapper `products.product[]`; absent from the response when there are no results. """
    request_id: str | Unset = UNSET
    """ Gateway request id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_results = self.total_results

        products: dict[str, Any] | Unset = UNSET
        if not isinstance(self.products, Unset):
            products = self.products.to_dict()

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_results is not UNSET:
            field_dict["total_results"] = total_results
        if products is not UNSET:
            field_dict["products"] = products
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_results = d.pop("total_results", UNSET)

        _products = d.pop("products", UNSET)
        products: ProductList | Unset
        if isinstance(_products, Unset):
            products = UNSET
        else:
            products = ProductList.from_dict(_products)

        request_id = d.pop("request_id", UNSET)

        products_search_response = cls(
            total_results,
            products,
            request_id,
        )

        products_search_response.additional_properties = d
        return products_search_response

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
