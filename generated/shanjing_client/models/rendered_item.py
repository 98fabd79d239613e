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
    from ..models.item_price_info import ItemPriceInfo
    from ..models.money import Money


T = TypeVar("T", bound="RenderedItem")


@_attrs_define
class RenderedItem:
    """One group of buyable lines of the render result (upstream; inner fields partly inferred)."""

    seller_nick: str | None = None
    """ The seller of the group (not in the published upstream fields; inferred from the create result's
    `supplier_nick`). """

    item_price_infos: list[ItemPriceInfo] | None = None

    mainland_shipping_fee: Money | None = None
    """ An amount in fen with its currency. """

    order_fee: Money | None = None
    """ An amount in fen with its currency. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        seller_nick = self.seller_nick
        if seller_nick is not None:
            field_dict["seller_nick"] = seller_nick
        item_price_infos = self.item_price_infos
        if item_price_infos is not None:
            field_dict["item_price_infos"] = [item.to_dict() for item in item_price_infos]
        mainland_shipping_fee = self.mainland_shipping_fee
        if mainland_shipping_fee is not None:
            field_dict["mainland_shipping_fee"] = mainland_shipping_fee.to_dict()
        order_fee = self.order_fee
        if order_fee is not None:
            field_dict["order_fee"] = order_fee.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seller_nick = d.pop("seller_nick", None)
        if type(seller_nick) is not str and seller_nick is not None:
            seller_nick = as_str(seller_nick, "RenderedItem", "seller_nick")

        item_price_infos = d.pop("item_price_infos", None)
        if item_price_infos is not None:
            item_price_infos = (
                [
                    ItemPriceInfo.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemPriceInfo, item, "RenderedItem", "item_price_infos")
                    for item in item_price_infos
                ]
                if type(item_price_infos) is list
                else as_model_list(ItemPriceInfo, item_price_infos, "RenderedItem", "item_price_infos")
            )

        mainland_shipping_fee = d.pop("mainland_shipping_fee", None)
        if mainland_shipping_fee is not None:
            mainland_shipping_fee = (
                Money.from_dict(mainland_shipping_fee)
                if type(mainland_shipping_fee) is dict
                else as_model(Money, mainland_shipping_fee, "RenderedItem", "mainland_shipping_fee")
            )

        order_fee = d.pop("order_fee", None)
        if order_fee is not None:
            order_fee = (
                Money.from_dict(order_fee)
                if type(order_fee) is dict
                else as_model(Money, order_fee, "RenderedItem", "order_fee")
            )

        if cls is RenderedItem:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.seller_nick = seller_nick
            instance_.item_price_infos = item_price_infos
            instance_.mainland_shipping_fee = mainland_shipping_fee
            instance_.order_fee = order_fee
            instance_.additional_properties = d
            return instance_
        rendered_item = cls(
            seller_nick,
            item_price_infos,
            mainland_shipping_fee,
            order_fee,
        )
        rendered_item.additional_properties = d
        return rendered_item

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


from ..models.item_price_info import ItemPriceInfo  # noqa: E402
from ..models.money import Money  # noqa: E402
