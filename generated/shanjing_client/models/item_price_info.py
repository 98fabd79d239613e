from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ItemPriceInfo")


@_attrs_define
class ItemPriceInfo:
    """The price of one rendered line (inferred shape)."""

    item_id: str | None = None

    sku_id: str | None = None

    quantity: int | None = None

    price: Money | None = None
    """ An amount in fen with its currency. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_id = self.item_id
        if item_id is not None:
            field_dict["item_id"] = item_id
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["sku_id"] = sku_id
        quantity = self.quantity
        if quantity is not None:
            field_dict["quantity"] = quantity
        price = self.price
        if price is not None:
            field_dict["price"] = price.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id", None)
        if type(item_id) is not str and item_id is not None:
            item_id = as_str(item_id, "ItemPriceInfo", "item_id")

        sku_id = d.pop("sku_id", None)
        if type(sku_id) is not str and sku_id is not None:
            sku_id = as_str(sku_id, "ItemPriceInfo", "sku_id")

        quantity = d.pop("quantity", None)
        if type(quantity) is not int and quantity is not None:
            quantity = as_int(quantity, "ItemPriceInfo", "quantity")

        price = d.pop("price", None)
        if price is not None:
            price = Money.from_dict(price) if type(price) is dict else as_model(Money, price, "ItemPriceInfo", "price")

        if cls is ItemPriceInfo:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_id = item_id
            instance_.sku_id = sku_id
            instance_.quantity = quantity
            instance_.price = price
            instance_.additional_properties = d
            return instance_
        item_price_info = cls(
            item_id,
            sku_id,
            quantity,
            price,
        )
        item_price_info.additional_properties = d
        return item_price_info

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


from ..models.money import Money  # noqa: E402
