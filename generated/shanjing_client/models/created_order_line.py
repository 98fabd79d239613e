from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatedOrderLine")


@_attrs_define
class CreatedOrderLine:
    """One line of a created purchase order."""

    item_id: str | Unset = UNSET
    order_line_no: str | Unset = UNSET
    quantity: int | Unset = UNSET
    sub_purchase_order_id: int | Unset = UNSET
    sku_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        order_line_no = self.order_line_no

        quantity = self.quantity

        sub_purchase_order_id = self.sub_purchase_order_id

        sku_id = self.sku_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if item_id is not UNSET:
            field_dict["item_id"] = item_id
        if order_line_no is not UNSET:
            field_dict["order_line_no"] = order_line_no
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if sub_purchase_order_id is not UNSET:
            field_dict["sub_purchase_order_id"] = sub_purchase_order_id
        if sku_id is not UNSET:
            field_dict["sku_id"] = sku_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id", UNSET)

        order_line_no = d.pop("order_line_no", UNSET)

        quantity = d.pop("quantity", UNSET)

        sub_purchase_order_id = d.pop("sub_purchase_order_id", UNSET)

        sku_id = d.pop("sku_id", UNSET)

        created_order_line = cls(
            item_id,
            order_line_no,
            quantity,
            sub_purchase_order_id,
            sku_id,
        )

        created_order_line.additional_properties = d
        return created_order_line

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
