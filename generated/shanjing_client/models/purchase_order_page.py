from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_model_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.purchase_order import PurchaseOrder


T = TypeVar("T", bound="PurchaseOrderPage")


@_attrs_define
class PurchaseOrderPage:
    """One page of orders (upstream page object; inferred for Shanjing)."""

    results_total: int | None = None

    page_no: int | None = None

    page_size: int | None = None

    purchase_orders: list[PurchaseOrder] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        results_total = self.results_total
        if results_total is not None:
            field_dict["results_total"] = results_total
        page_no = self.page_no
        if page_no is not None:
            field_dict["page_no"] = page_no
        page_size = self.page_size
        if page_size is not None:
            field_dict["page_size"] = page_size
        purchase_orders = self.purchase_orders
        if purchase_orders is not None:
            field_dict["purchase_orders"] = [item.to_dict() for item in purchase_orders]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        results_total = d.pop("results_total", None)
        if type(results_total) is not int and results_total is not None:
            results_total = as_int(results_total, "PurchaseOrderPage", "results_total")

        page_no = d.pop("page_no", None)
        if type(page_no) is not int and page_no is not None:
            page_no = as_int(page_no, "PurchaseOrderPage", "page_no")

        page_size = d.pop("page_size", None)
        if type(page_size) is not int and page_size is not None:
            page_size = as_int(page_size, "PurchaseOrderPage", "page_size")

        purchase_orders = d.pop("purchase_orders", None)
        if purchase_orders is not None:
            purchase_orders = (
                [
                    PurchaseOrder.from_dict(item)
                    if type(item) is dict
                    else as_model(PurchaseOrder, item, "PurchaseOrderPage", "purchase_orders")
                    for item in purchase_orders
                ]
                if type(purchase_orders) is list
                else as_model_list(PurchaseOrder, purchase_orders, "PurchaseOrderPage", "purchase_orders")
            )

        if cls is PurchaseOrderPage:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.results_total = results_total
            instance_.page_no = page_no
            instance_.page_size = page_size
            instance_.purchase_orders = purchase_orders
            instance_.additional_properties = d
            return instance_
        purchase_order_page = cls(
            results_total,
            page_no,
            page_size,
            purchase_orders,
        )
        purchase_order_page.additional_properties = d
        return purchase_order_page

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


from ..models.purchase_order import PurchaseOrder  # noqa: E402
