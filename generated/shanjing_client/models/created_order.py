from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.created_order_line import CreatedOrderLine


T = TypeVar("T", bound="CreatedOrder")


@_attrs_define
class CreatedOrder:
    """One purchase order created (one per supplier)."""

    purchase_id: int | Unset = UNSET
    supplier_nick: str | Unset = UNSET
    estimate_amount: int | Unset = UNSET
    """ Estimated amount in fen. """
    estimate_currency: str | Unset = UNSET
    order_line_list: list[CreatedOrderLine] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchase_id = self.purchase_id

        supplier_nick = self.supplier_nick

        estimate_amount = self.estimate_amount

        estimate_currency = self.estimate_currency

        order_line_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_line_list, Unset):
            order_line_list = []
            for order_line_list_item_data in self.order_line_list:
                order_line_list_item = order_line_list_item_data.to_dict()
                order_line_list.append(order_line_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if purchase_id is not UNSET:
            field_dict["purchase_id"] = purchase_id
        if supplier_nick is not UNSET:
            field_dict["supplier_nick"] = supplier_nick
        if estimate_amount is not UNSET:
            field_dict["estimate_amount"] = estimate_amount
        if estimate_currency is not UNSET:
            field_dict["estimate_currency"] = estimate_currency
        if order_line_list is not UNSET:
            field_dict["order_line_list"] = order_line_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchase_id = d.pop("purchase_id", UNSET)

        supplier_nick = d.pop("supplier_nick", UNSET)

        estimate_amount = d.pop("estimate_amount", UNSET)

        estimate_currency = d.pop("estimate_currency", UNSET)

        _order_line_list = d.pop("order_line_list", UNSET)
        order_line_list: list[CreatedOrderLine] | Unset = UNSET
        if _order_line_list is not UNSET:
            order_line_list = []
            if isinstance(_order_line_list, Mapping):  # a one-element list sent as its element
                _order_line_list = [_order_line_list]
            for order_line_list_item_data in _order_line_list:
                order_line_list_item = CreatedOrderLine.from_dict(order_line_list_item_data)

                order_line_list.append(order_line_list_item)

        created_order = cls(
            purchase_id,
            supplier_nick,
            estimate_amount,
            estimate_currency,
            order_line_list,
        )

        created_order.additional_properties = d
        return created_order

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


from ..models.created_order_line import CreatedOrderLine  # noqa: E402
