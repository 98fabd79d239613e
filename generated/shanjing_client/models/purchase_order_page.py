from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.purchase_order import PurchaseOrder


T = TypeVar("T", bound="PurchaseOrderPage")


@_attrs_define
class PurchaseOrderPage:
    """One page of orders (upstream page object; inferred for Shanjing)."""

    results_total: int | Unset = UNSET
    page_no: int | Unset = UNSET
    page_size: int | Unset = UNSET
    purchase_orders: list[PurchaseOrder] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results_total = self.results_total

        page_no = self.page_no

        page_size = self.page_size

        purchase_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.purchase_orders, Unset):
            purchase_orders = []
            for purchase_orders_item_data in self.purchase_orders:
                purchase_orders_item = purchase_orders_item_data.to_dict()
                purchase_orders.append(purchase_orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results_total is not UNSET:
            field_dict["results_total"] = results_total
        if page_no is not UNSET:
            field_dict["page_no"] = page_no
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if purchase_orders is not UNSET:
            field_dict["purchase_orders"] = purchase_orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        results_total = d.pop("results_total", UNSET)

        page_no = d.pop("page_no", UNSET)

        page_size = d.pop("page_size", UNSET)

        _purchase_orders = d.pop("purchase_orders", UNSET)
        purchase_orders: list[PurchaseOrder] | Unset = UNSET
        if _purchase_orders is not UNSET:
            purchase_orders = []
            if isinstance(_purchase_orders, Mapping):  # a one-element list sent as its element
                _purchase_orders = [_purchase_orders]
            for purchase_orders_item_data in _purchase_orders:
                purchase_orders_item = PurchaseOrder.from_dict(purchase_orders_item_data)

                purchase_orders.append(purchase_orders_item)

        purchase_order_page = cls(
            results_total,
            page_no,
            page_size,
            purchase_orders,
        )

        purchase_order_page.additional_properties = d
        return purchase_order_page

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
