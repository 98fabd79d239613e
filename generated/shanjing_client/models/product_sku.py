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
    from ..models.product_sku_property import ProductSkuProperty


T = TypeVar("T", bound="ProductSku")


@_attrs_define
class ProductSku:
    """A SKU of the 撞库 record; `mpSkuId` is the `skuId` to order with. Prices in fen."""

    pic_url: str | None = None
    """ The SKU picture; `null` when absent in public wrappers of the same upstream. """

    quantity: int | None = None

    price: int | None = None
    """ Price in fen. Sources disagree on its JSON type (a number, or a string of digits in public wrappers of the
    same upstream); tbapi's model holds an int. """

    sku_id: int | None = None
    """ The Taobao SKU id. Sources disagree on its JSON type (a number, or a string of digits in public wrappers of
    the same upstream); tbapi's model holds an int. """

    status: str | None = None

    promotion_price: int | None = None
    """ Promotion price in fen. Sources disagree on its JSON type (a number, or a string of digits in public
    wrappers of the same upstream); tbapi's model holds an int. """

    post_fee: int | None = None
    """ China-mainland shipping fee in fen. Sources disagree on its JSON type (a number, or a string of digits in
    public wrappers of the same upstream); tbapi's model holds an int. """

    mp_sku_id: str | None = None
    """ The orderable SKU id (RenderItem/OrderLine `skuId`). A string on the 撞库 page; a number is the same
    id, and tbapi's model holds the string.
     """

    properties: list[ProductSkuProperty] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        pic_url = self.pic_url
        if pic_url is not None:
            field_dict["picUrl"] = pic_url
        quantity = self.quantity
        if quantity is not None:
            field_dict["quantity"] = quantity
        price = self.price
        if price is not None:
            field_dict["price"] = price
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["skuId"] = sku_id
        status = self.status
        if status is not None:
            field_dict["status"] = status
        promotion_price = self.promotion_price
        if promotion_price is not None:
            field_dict["promotionPrice"] = promotion_price
        post_fee = self.post_fee
        if post_fee is not None:
            field_dict["postFee"] = post_fee
        mp_sku_id = self.mp_sku_id
        if mp_sku_id is not None:
            field_dict["mpSkuId"] = mp_sku_id
        properties = self.properties
        if properties is not None:
            field_dict["properties"] = [item.to_dict() for item in properties]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pic_url = d.pop("picUrl", None)
        if type(pic_url) is not str and pic_url is not None:
            pic_url = as_str(pic_url, "ProductSku", "picUrl")

        quantity = d.pop("quantity", None)
        if type(quantity) is not int and quantity is not None:
            quantity = as_int(quantity, "ProductSku", "quantity")

        price = d.pop("price", None)
        if type(price) is not int and price is not None:
            price = as_int(price, "ProductSku", "price")

        sku_id = d.pop("skuId", None)
        if type(sku_id) is not int and sku_id is not None:
            sku_id = as_int(sku_id, "ProductSku", "skuId")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "ProductSku", "status")

        promotion_price = d.pop("promotionPrice", None)
        if type(promotion_price) is not int and promotion_price is not None:
            promotion_price = as_int(promotion_price, "ProductSku", "promotionPrice")

        post_fee = d.pop("postFee", None)
        if type(post_fee) is not int and post_fee is not None:
            post_fee = as_int(post_fee, "ProductSku", "postFee")

        mp_sku_id = d.pop("mpSkuId", None)
        if type(mp_sku_id) is not str and mp_sku_id is not None:
            mp_sku_id = as_str(mp_sku_id, "ProductSku", "mpSkuId")

        properties = d.pop("properties", None)
        if properties is not None:
            properties = (
                [
                    ProductSkuProperty.from_dict(item)
                    if type(item) is dict
                    else as_model(ProductSkuProperty, item, "ProductSku", "properties")
                    for item in properties
                ]
                if type(properties) is list
                else as_model_list(ProductSkuProperty, properties, "ProductSku", "properties")
            )

        if cls is ProductSku:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.pic_url = pic_url
            instance_.quantity = quantity
            instance_.price = price
            instance_.sku_id = sku_id
            instance_.status = status
            instance_.promotion_price = promotion_price
            instance_.post_fee = post_fee
            instance_.mp_sku_id = mp_sku_id
            instance_.properties = properties
            instance_.additional_properties = d
            return instance_
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


from ..models.product_sku_property import ProductSkuProperty  # noqa: E402
