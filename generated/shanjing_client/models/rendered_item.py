from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_price_info import ItemPriceInfo
    from ..models.money import Money


T = TypeVar("T", bound="RenderedItem")


@_attrs_define
class RenderedItem:
    """One group of buyable lines of the render result (upstream; inner fields partly inferred)."""

    seller_nick: str | Unset = UNSET
    """ The seller of the group (not in the published upstream fields; inferred from the create result's
    `supplier_nick`). """
    item_price_infos: list[ItemPriceInfo] | Unset = UNSET
    mainland_shipping_fee: Money | Unset = UNSET
    """ An amount in fen with its currency. """
    order_fee: Money | Unset = UNSET
    """ An amount in fen with its currency. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seller_nick = self.seller_nick

        item_price_infos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.item_price_infos, Unset):
            item_price_infos = []
            for item_price_infos_item_data in self.item_price_infos:
                item_price_infos_item = item_price_infos_item_data.to_dict()
                item_price_infos.append(item_price_infos_item)

        mainland_shipping_fee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mainland_shipping_fee, Unset):
            mainland_shipping_fee = self.mainland_shipping_fee.to_dict()

        order_fee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order_fee, Unset):
            order_fee = self.order_fee.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if seller_nick is not UNSET:
            field_dict["seller_nick"] = seller_nick
        if item_price_infos is not UNSET:
            field_dict["item_price_infos"] = item_price_infos
        if mainland_shipping_fee is not UNSET:
            field_dict["mainland_shipping_fee"] = mainland_shipping_fee
        if order_fee is not UNSET:
            field_dict["order_fee"] = order_fee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seller_nick = d.pop("seller_nick", UNSET)

        _item_price_infos = d.pop("item_price_infos", UNSET)
        item_price_infos: list[ItemPriceInfo] | Unset = UNSET
        if _item_price_infos is not UNSET:
            item_price_infos = []
            if isinstance(_item_price_infos, Mapping):  # a one-element list sent as its element
                _item_price_infos = [_item_price_infos]
            for item_price_infos_item_data in _item_price_infos:
                item_price_infos_item = ItemPriceInfo.from_dict(item_price_infos_item_data)

                item_price_infos.append(item_price_infos_item)

        _mainland_shipping_fee = d.pop("mainland_shipping_fee", UNSET)
        mainland_shipping_fee: Money | Unset
        if isinstance(_mainland_shipping_fee, Unset):
            mainland_shipping_fee = UNSET
        else:
            mainland_shipping_fee = Money.from_dict(_mainland_shipping_fee)

        _order_fee = d.pop("order_fee", UNSET)
        order_fee: Money | Unset
        if isinstance(_order_fee, Unset):
            order_fee = UNSET
        else:
            order_fee = Money.from_dict(_order_fee)

        rendered_item = cls(
            seller_nick,
            item_price_infos,
            mainland_shipping_fee,
            order_fee,
        )

        rendered_item.additional_properties = d
        return rendered_item

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
