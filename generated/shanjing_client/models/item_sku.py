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
    from ..models.item_property import ItemProperty


T = TypeVar("T", bound="ItemSku")


@_attrs_define
class ItemSku:
    """A SKU of the item detail (prices in fen)."""

    sku_id: int | None = None

    quantity: int | None = None

    price: int | None = None

    promotion_price: int | None = None

    coupon_price: int | None = None

    pic_url: str | None = None

    properties: list[ItemProperty] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["skuId"] = sku_id
        quantity = self.quantity
        if quantity is not None:
            field_dict["quantity"] = quantity
        price = self.price
        if price is not None:
            field_dict["price"] = price
        promotion_price = self.promotion_price
        if promotion_price is not None:
            field_dict["promotionPrice"] = promotion_price
        coupon_price = self.coupon_price
        if coupon_price is not None:
            field_dict["couponPrice"] = coupon_price
        pic_url = self.pic_url
        if pic_url is not None:
            field_dict["picUrl"] = pic_url
        properties = self.properties
        if properties is not None:
            field_dict["properties"] = [item.to_dict() for item in properties]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku_id = d.pop("skuId", None)
        if type(sku_id) is not int and sku_id is not None:
            sku_id = as_int(sku_id, "ItemSku", "skuId")

        quantity = d.pop("quantity", None)
        if type(quantity) is not int and quantity is not None:
            quantity = as_int(quantity, "ItemSku", "quantity")

        price = d.pop("price", None)
        if type(price) is not int and price is not None:
            price = as_int(price, "ItemSku", "price")

        promotion_price = d.pop("promotionPrice", None)
        if type(promotion_price) is not int and promotion_price is not None:
            promotion_price = as_int(promotion_price, "ItemSku", "promotionPrice")

        coupon_price = d.pop("couponPrice", None)
        if type(coupon_price) is not int and coupon_price is not None:
            coupon_price = as_int(coupon_price, "ItemSku", "couponPrice")

        pic_url = d.pop("picUrl", None)
        if type(pic_url) is not str and pic_url is not None:
            pic_url = as_str(pic_url, "ItemSku", "picUrl")

        properties = d.pop("properties", None)
        if properties is not None:
            properties = (
                [
                    ItemProperty.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemProperty, item, "ItemSku", "properties")
                    for item in properties
                ]
                if type(properties) is list
                else as_model_list(ItemProperty, properties, "ItemSku", "properties")
            )

        if cls is ItemSku:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.sku_id = sku_id
            instance_.quantity = quantity
            instance_.price = price
            instance_.promotion_price = promotion_price
            instance_.coupon_price = coupon_price
            instance_.pic_url = pic_url
            instance_.properties = properties
            instance_.additional_properties = d
            return instance_
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


from ..models.item_property import ItemProperty  # noqa: E402
