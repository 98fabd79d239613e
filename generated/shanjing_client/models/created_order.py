from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.created_order_line import CreatedOrderLine


T = TypeVar("T", bound="CreatedOrder")


@_attrs_define
class CreatedOrder:
    """One purchase order created (one per supplier)."""

    purchase_id: int | None = None

    supplier_nick: str | None = None

    estimate_amount: int | None = None
    """ Estimated amount in fen. """

    estimate_currency: str | None = None

    order_line_list: list[CreatedOrderLine] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        purchase_id = self.purchase_id
        if purchase_id is not None:
            field_dict["purchase_id"] = purchase_id
        supplier_nick = self.supplier_nick
        if supplier_nick is not None:
            field_dict["supplier_nick"] = supplier_nick
        estimate_amount = self.estimate_amount
        if estimate_amount is not None:
            field_dict["estimate_amount"] = estimate_amount
        estimate_currency = self.estimate_currency
        if estimate_currency is not None:
            field_dict["estimate_currency"] = estimate_currency
        order_line_list = self.order_line_list
        if order_line_list is not None:
            field_dict["order_line_list"] = [item.to_dict() for item in order_line_list]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchase_id = d.pop("purchase_id", None)
        if type(purchase_id) is not int and purchase_id is not None:
            purchase_id = as_int(purchase_id, "CreatedOrder", "purchase_id")

        supplier_nick = d.pop("supplier_nick", None)
        if type(supplier_nick) is not str and supplier_nick is not None:
            supplier_nick = as_str(supplier_nick, "CreatedOrder", "supplier_nick")

        estimate_amount = d.pop("estimate_amount", None)
        if type(estimate_amount) is not int and estimate_amount is not None:
            estimate_amount = as_int(estimate_amount, "CreatedOrder", "estimate_amount")

        estimate_currency = d.pop("estimate_currency", None)
        if type(estimate_currency) is not str and estimate_currency is not None:
            estimate_currency = as_str(estimate_currency, "CreatedOrder", "estimate_currency")

        order_line_list = d.pop("order_line_list", None)
        if order_line_list is not None:
            order_line_list = (
                [
                    CreatedOrderLine.from_dict(item)
                    if type(item) is dict
                    else as_model(CreatedOrderLine, item, "CreatedOrder", "order_line_list")
                    for item in order_line_list
                ]
                if type(order_line_list) is list
                else as_model_list(CreatedOrderLine, order_line_list, "CreatedOrder", "order_line_list")
            )

        if cls is CreatedOrder:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.purchase_id = purchase_id
            instance_.supplier_nick = supplier_nick
            instance_.estimate_amount = estimate_amount
            instance_.estimate_currency = estimate_currency
            instance_.order_line_list = order_line_list
            instance_.additional_properties = d
            return instance_
        created_order = cls(
            purchase_id,
            supplier_nick,
            estimate_amount,
            estimate_currency,
            order_line_list,
        )
        created_order.additional_properties = d
        return created_order

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


from ..models.created_order_line import CreatedOrderLine  # noqa: E402
