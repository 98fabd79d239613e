from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="CreatedOrderLine")


@_attrs_define
class CreatedOrderLine:
    """One line of a created purchase order."""

    item_id: str | None = None

    order_line_no: str | None = None

    quantity: int | None = None

    sub_purchase_order_id: int | None = None

    sku_id: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_id = self.item_id
        if item_id is not None:
            field_dict["item_id"] = item_id
        order_line_no = self.order_line_no
        if order_line_no is not None:
            field_dict["order_line_no"] = order_line_no
        quantity = self.quantity
        if quantity is not None:
            field_dict["quantity"] = quantity
        sub_purchase_order_id = self.sub_purchase_order_id
        if sub_purchase_order_id is not None:
            field_dict["sub_purchase_order_id"] = sub_purchase_order_id
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["sku_id"] = sku_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id", None)
        if type(item_id) is not str and item_id is not None:
            item_id = as_str(item_id, "CreatedOrderLine", "item_id")

        order_line_no = d.pop("order_line_no", None)
        if type(order_line_no) is not str and order_line_no is not None:
            order_line_no = as_str(order_line_no, "CreatedOrderLine", "order_line_no")

        quantity = d.pop("quantity", None)
        if type(quantity) is not int and quantity is not None:
            quantity = as_int(quantity, "CreatedOrderLine", "quantity")

        sub_purchase_order_id = d.pop("sub_purchase_order_id", None)
        if type(sub_purchase_order_id) is not int and sub_purchase_order_id is not None:
            sub_purchase_order_id = as_int(sub_purchase_order_id, "CreatedOrderLine", "sub_purchase_order_id")

        sku_id = d.pop("sku_id", None)
        if type(sku_id) is not str and sku_id is not None:
            sku_id = as_str(sku_id, "CreatedOrderLine", "sku_id")

        if cls is CreatedOrderLine:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_id = item_id
            instance_.order_line_no = order_line_no
            instance_.quantity = quantity
            instance_.sub_purchase_order_id = sub_purchase_order_id
            instance_.sku_id = sku_id
            instance_.additional_properties = d
            return instance_
        created_order_line = cls(
            item_id,
            order_line_no,
            quantity,
            sub_purchase_order_id,
            sku_id,
        )
        created_order_line.additional_properties = d
        return created_order_line

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
