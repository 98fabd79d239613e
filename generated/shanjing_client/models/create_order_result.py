from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.created_order import CreatedOrder


T = TypeVar("T", bound="CreateOrderResult")


@_attrs_define
class CreateOrderResult:
    """The create result. x-source inferred: the upstream field names are assumed to be passed through."""

    payment_url: str | Unset = UNSET
    outer_purchase_id: str | Unset = UNSET
    order_list: list[CreatedOrder] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_url = self.payment_url

        outer_purchase_id = self.outer_purchase_id

        order_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_list, Unset):
            order_list = []
            for order_list_item_data in self.order_list:
                order_list_item = order_list_item_data.to_dict()
                order_list.append(order_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if payment_url is not UNSET:
            field_dict["payment_url"] = payment_url
        if outer_purchase_id is not UNSET:
            field_dict["outer_purchase_id"] = outer_purchase_id
        if order_list is not UNSET:
            field_dict["order_list"] = order_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_url = d.pop("payment_url", UNSET)

        outer_purchase_id = d.pop("outer_purchase_id", UNSET)

        _order_list = d.pop("order_list", UNSET)
        order_list: list[CreatedOrder] | Unset = UNSET
        if _order_list is not UNSET:
            order_list = []
            if isinstance(_order_list, Mapping):  # a one-element list sent as its element
                _order_list = [_order_list]
            for order_list_item_data in _order_list:
                order_list_item = CreatedOrder.from_dict(order_list_item_data)

                order_list.append(order_list_item)

        create_order_result = cls(
            payment_url,
            outer_purchase_id,
            order_list,
        )

        create_order_result.additional_properties = d
        return create_order_result

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


from ..models.created_order import CreatedOrder  # noqa: E402
