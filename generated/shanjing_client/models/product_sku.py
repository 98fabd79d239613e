from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_sku_property import ProductSkuProperty


T = TypeVar("T", bound="ProductSku")


@_attrs_define
class ProductSku:
    """A SKU of the 撞库 record; `mpSkuId` is the `skuId` to order with. Prices in fen."""

    pic_url: str | Unset = UNSET
    quantity: int | Unset = UNSET
    price: int | Unset = UNSET
    sku_id: int | Unset = UNSET
    """ The Taobao SKU id. """
    status: str | Unset = UNSET
    promotion_price: int | Unset = UNSET
    post_fee: int | Unset = UNSET
    """ China-mainland shipping fee in fen. """
    mp_sku_id: str | Unset = UNSET
    """ The orderable SKU id (RenderItem/OrderLine `skuId`). """
    properties: list[ProductSkuProperty] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pic_url = self.pic_url

        quantity = self.quantity

        price = self.price

        sku_id = self.sku_id

        status = self.status

        promotion_price = self.promotion_price

        post_fee = self.post_fee

        mp_sku_id = self.mp_sku_id

        properties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = []
            for properties_item_data in self.properties:
                properties_item = properties_item_data.to_dict()
                properties.append(properties_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pic_url is not UNSET:
            field_dict["picUrl"] = pic_url
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if price is not UNSET:
            field_dict["price"] = price
        if sku_id is not UNSET:
            field_dict["skuId"] = sku_id
        if status is not UNSET:
            field_dict["status"] = status
        if promotion_price is not UNSET:
            field_dict["promotionPrice"] = promotion_price
        if post_fee is not UNSET:
            field_dict["postFee"] = post_fee
        if mp_sku_id is not UNSET:
            field_dict["mpSkuId"] = mp_sku_id
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pic_url = d.pop("picUrl", UNSET)

        quantity = d.pop("quantity", UNSET)

        price = d.pop("price", UNSET)

        sku_id = d.pop("skuId", UNSET)

        status = d.pop("status", UNSET)

        promotion_price = d.pop("promotionPrice", UNSET)

        post_fee = d.pop("postFee", UNSET)

        mp_sku_id = d.pop("mpSkuId", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: list[ProductSkuProperty] | Unset = UNSET
        if _properties is not UNSET:
            properties = []
            if isinstance(_properties, Mapping):  # a one-element list sent as its element
                _properties = [_properties]
            for properties_item_data in _properties:
                properties_item = ProductSkuProperty.from_dict(properties_item_data)

                properties.append(properties_item)

        product_sku = cls(
            pic_url,
            quantity,
            price,
            sku_id,
            status,
            promotion_price,
            post_fee,
            mp_sku_id,
            properties,
        )

        product_sku.additional_properties = d
        return product_sku

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


from ..models.product_sku_property import ProductSkuProperty  # noqa: E402
