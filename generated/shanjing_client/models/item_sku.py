from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_property import ItemProperty


T = TypeVar("T", bound="ItemSku")


@_attrs_define
class ItemSku:
    """A SKU of the item detail (prices in fen)."""

    sku_id: int | Unset = UNSET
    quantity: int | Unset = UNSET
    price: int | Unset = UNSET
    promotion_price: int | Unset = UNSET
    coupon_price: int | Unset = UNSET
    pic_url: str | Unset = UNSET
    properties: list[ItemProperty] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku_id = self.sku_id

        quantity = self.quantity

        price = self.price

        promotion_price = self.promotion_price

        coupon_price = self.coupon_price

        pic_url = self.pic_url

        properties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = []
            for properties_item_data in self.properties:
                properties_item = properties_item_data.to_dict()
                properties.append(properties_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sku_id is not UNSET:
            field_dict["skuId"] = sku_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if price is not UNSET:
            field_dict["price"] = price
        if promotion_price is not UNSET:
            field_dict["promotionPrice"] = promotion_price
        if coupon_price is not UNSET:
            field_dict["couponPrice"] = coupon_price
        if pic_url is not UNSET:
            field_dict["picUrl"] = pic_url
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku_id = d.pop("skuId", UNSET)

        quantity = d.pop("quantity", UNSET)

        price = d.pop("price", UNSET)

        promotion_price = d.pop("promotionPrice", UNSET)

        coupon_price = d.pop("couponPrice", UNSET)

        pic_url = d.pop("picUrl", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: list[ItemProperty] | Unset = UNSET
        if _properties is not UNSET:
            properties = []
            if isinstance(_properties, Mapping):  # a one-element list sent as its element
                _properties = [_properties]
            for properties_item_data in _properties:
                properties_item = ItemProperty.from_dict(properties_item_data)

                properties.append(properties_item)

        item_sku = cls(
            sku_id,
            quantity,
            price,
            promotion_price,
            coupon_price,
            pic_url,
            properties,
        )

        item_sku.additional_properties = d
        return item_sku

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


from ..models.item_property import ItemProperty  # noqa: E402
