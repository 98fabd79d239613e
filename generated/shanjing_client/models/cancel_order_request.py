from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelOrderRequest")


@_attrs_define
class CancelOrderRequest:
    """The JSON body of cancelOrder. The published example sends the ids as **strings**:
    `{"purchase_id":"436353536","sub_purchase_orderId_list":["657574757"],"cancel_reason":"不想采购了","cancel_remark":"不想要了,
    mark一下"}`
    (the upstream Go SDK too).

    """

    purchase_id: int | str
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """
    cancel_reason: str
    sub_purchase_order_id_list: list[int | str] | Unset = UNSET
    """ Sub-orders to cancel (sic casing); empty or absent cancels the whole order. """
    cancel_remark: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchase_id: int | str
        purchase_id = self.purchase_id

        cancel_reason = self.cancel_reason

        sub_purchase_order_id_list: list[int | str] | Unset = UNSET
        if not isinstance(self.sub_purchase_order_id_list, Unset):
            sub_purchase_order_id_list = []
            for sub_purchase_order_id_list_item_data in self.sub_purchase_order_id_list:
                sub_purchase_order_id_list_item: int | str
                sub_purchase_order_id_list_item = sub_purchase_order_id_list_item_data
                sub_purchase_order_id_list.append(sub_purchase_order_id_list_item)

        cancel_remark = self.cancel_remark

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purchase_id": purchase_id,
                "cancel_reason": cancel_reason,
            }
        )
        if sub_purchase_order_id_list is not UNSET:
            field_dict["sub_purchase_orderId_list"] = sub_purchase_order_id_list
        if cancel_remark is not UNSET:
            field_dict["cancel_remark"] = cancel_remark

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_purchase_id(data: object) -> int | str:
            return cast(int | str, data)

        purchase_id = _parse_purchase_id(d.pop("purchase_id"))

        cancel_reason = d.pop("cancel_reason")

        _sub_purchase_order_id_list = d.pop("sub_purchase_orderId_list", UNSET)
        sub_purchase_order_id_list: list[int | str] | Unset = UNSET
        if _sub_purchase_order_id_list is not UNSET:
            sub_purchase_order_id_list = []
            if isinstance(_sub_purchase_order_id_list, Mapping):  # a one-element list sent as its element
                _sub_purchase_order_id_list = [_sub_purchase_order_id_list]
            for sub_purchase_order_id_list_item_data in _sub_purchase_order_id_list:

                def _parse_sub_purchase_order_id_list_item(data: object) -> int | str:
                    return cast(int | str, data)

                sub_purchase_order_id_list_item = _parse_sub_purchase_order_id_list_item(
                    sub_purchase_order_id_list_item_data
                )

                sub_purchase_order_id_list.append(sub_purchase_order_id_list_item)

        cancel_remark = d.pop("cancel_remark", UNSET)

        cancel_order_request = cls(
            purchase_id,
            cancel_reason,
            sub_purchase_order_id_list,
            cancel_remark,
        )

        cancel_order_request.additional_properties = d
        return cancel_order_request

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
