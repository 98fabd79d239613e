from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.created_order import CreatedOrder


T = TypeVar("T", bound="CreateOrderResult")


@_attrs_define
class CreateOrderResult:
    """The create result. x-source inferred: the upstream field names are assumed to be passed through."""

    payment_url: str | None = None

    outer_purchase_id: str | None = None

    order_list: list[CreatedOrder] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        payment_url = self.payment_url
        if payment_url is not None:
            field_dict["payment_url"] = payment_url
        outer_purchase_id = self.outer_purchase_id
        if outer_purchase_id is not None:
            field_dict["outer_purchase_id"] = outer_purchase_id
        order_list = self.order_list
        if order_list is not None:
            field_dict["order_list"] = [item.to_dict() for item in order_list]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_url = d.pop("payment_url", None)
        if type(payment_url) is not str and payment_url is not None:
            payment_url = as_str(payment_url, "CreateOrderResult", "payment_url")

        outer_purchase_id = d.pop("outer_purchase_id", None)
        if type(outer_purchase_id) is not str and outer_purchase_id is not None:
            outer_purchase_id = as_str(outer_purchase_id, "CreateOrderResult", "outer_purchase_id")

        order_list = d.pop("order_list", None)
        if order_list is not None:
            order_list = (
                [
                    CreatedOrder.from_dict(item)
                    if type(item) is dict
                    else as_model(CreatedOrder, item, "CreateOrderResult", "order_list")
                    for item in order_list
                ]
                if type(order_list) is list
                else as_model_list(CreatedOrder, order_list, "CreateOrderResult", "order_list")
            )

        if cls is CreateOrderResult:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.payment_url = payment_url
            instance_.outer_purchase_id = outer_purchase_id
            instance_.order_list = order_list
            instance_.additional_properties = d
            return instance_
        create_order_result = cls(
            payment_url,
            outer_purchase_id,
            order_list,
        )
        create_order_result.additional_properties = d
        return create_order_result

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


from ..models.created_order import CreatedOrder  # noqa: E402
