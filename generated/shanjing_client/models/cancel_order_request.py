from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_str,
    as_union_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="CancelOrderRequest")


@_attrs_define
class CancelOrderRequest:
    """The JSON body of cancelOrder. The published example sends the ids as **strings**:
    `{"purchase_id":"436353536","sub_purchase_orderId_list":["657574757"],"cancel_reason":"不想采购了","cancel_remark":"不想要了,
    mark一下"}`
    (the upstream Go SDK too).

    """

    purchase_id: str
    """ A NumericId whose published form is the string (the cancel page's ids): a digit string or a JSON
    number, the same value. The first type listed is the one tbapi's model holds (here the string).
     """

    cancel_reason: str

    sub_purchase_order_id_list: list[int | str] | None = None
    """ Sub-orders to cancel (sic casing); empty or absent cancels the whole order. """

    cancel_remark: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        purchase_id = self.purchase_id
        field_dict["purchase_id"] = purchase_id
        cancel_reason = self.cancel_reason
        field_dict["cancel_reason"] = cancel_reason
        sub_purchase_order_id_list = self.sub_purchase_order_id_list
        if sub_purchase_order_id_list is not None:
            field_dict["sub_purchase_orderId_list"] = sub_purchase_order_id_list
        cancel_remark = self.cancel_remark
        if cancel_remark is not None:
            field_dict["cancel_remark"] = cancel_remark
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchase_id = d.pop("purchase_id")
        if type(purchase_id) is not str:
            purchase_id = as_str(purchase_id, "CancelOrderRequest", "purchase_id")

        cancel_reason = d.pop("cancel_reason")
        if type(cancel_reason) is not str:
            cancel_reason = as_str(cancel_reason, "CancelOrderRequest", "cancel_reason")

        sub_purchase_order_id_list = d.pop("sub_purchase_orderId_list", None)
        if sub_purchase_order_id_list is not None:
            sub_purchase_order_id_list = as_union_list(
                sub_purchase_order_id_list,
                (
                    str,
                    int,
                ),
                "CancelOrderRequest",
                "sub_purchase_orderId_list",
            )

        cancel_remark = d.pop("cancel_remark", None)
        if type(cancel_remark) is not str and cancel_remark is not None:
            cancel_remark = as_str(cancel_remark, "CancelOrderRequest", "cancel_remark")

        if cls is CancelOrderRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.purchase_id = purchase_id
            instance_.cancel_reason = cancel_reason
            instance_.sub_purchase_order_id_list = sub_purchase_order_id_list
            instance_.cancel_remark = cancel_remark
            instance_.additional_properties = d
            return instance_
        cancel_order_request = cls(
            purchase_id,
            cancel_reason,
            sub_purchase_order_id_list,
            cancel_remark,
        )
        cancel_order_request.additional_properties = d
        return cancel_order_request

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
