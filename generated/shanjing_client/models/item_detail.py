from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_list,
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.item_property import ItemProperty
    from ..models.item_sku import ItemSku
    from ..models.item_translation import ItemTranslation
    from ..models.promotion_display import PromotionDisplay
    from ..models.property_image import PropertyImage


T = TypeVar("T", bound="ItemDetail")


@_attrs_define
class ItemDetail:
    """The detail of one item. x-source inferred: camelCase renames of the upstream item-detail fields,
    following the documented image-search renames; prices are integers in fen (upstream).

    """

    tb_item_id: int | None = None

    title: str | None = None

    pic_urls: list[str] | None = None

    shop_name: str | None = None

    shop_id: int | None = None

    price: int | None = None
    """ Price in fen. """

    promotion_price: int | None = None
    """ Promotion price in fen. """

    coupon_price: int | None = None
    """ Price after coupon in fen. """

    description: str | None = None
    """ The item description (HTML). """

    properties: list[ItemProperty] | None = None

    sku_list: list[ItemSku] | None = None

    property_image_list: list[PropertyImage] | None = None

    tag_list: list[str] | None = None

    promotion_display_vo_list: list[PromotionDisplay] | None = None

    material_i18_n_vo: ItemTranslation | None = None
    """ The translated texts of an item (`materialI18nVO`; upstream `multi_language_info`). On item detail the
    upstream translation also carries the translated `properties` and `sku_properties`.
     """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        tb_item_id = self.tb_item_id
        if tb_item_id is not None:
            field_dict["tbItemId"] = tb_item_id
        title = self.title
        if title is not None:
            field_dict["title"] = title
        pic_urls = self.pic_urls
        if pic_urls is not None:
            field_dict["picUrls"] = pic_urls
        shop_name = self.shop_name
        if shop_name is not None:
            field_dict["shopName"] = shop_name
        shop_id = self.shop_id
        if shop_id is not None:
            field_dict["shopId"] = shop_id
        price = self.price
        if price is not None:
            field_dict["price"] = price
        promotion_price = self.promotion_price
        if promotion_price is not None:
            field_dict["promotionPrice"] = promotion_price
        coupon_price = self.coupon_price
        if coupon_price is not None:
            field_dict["couponPrice"] = coupon_price
        description = self.description
        if description is not None:
            field_dict["description"] = description
        properties = self.properties
        if properties is not None:
            field_dict["properties"] = [item.to_dict() for item in properties]
        sku_list = self.sku_list
        if sku_list is not None:
            field_dict["skuList"] = [item.to_dict() for item in sku_list]
        property_image_list = self.property_image_list
        if property_image_list is not None:
            field_dict["propertyImageList"] = [item.to_dict() for item in property_image_list]
        tag_list = self.tag_list
        if tag_list is not None:
            field_dict["tagList"] = tag_list
        promotion_display_vo_list = self.promotion_display_vo_list
        if promotion_display_vo_list is not None:
            field_dict["promotionDisplayVOList"] = [item.to_dict() for item in promotion_display_vo_list]
        material_i18_n_vo = self.material_i18_n_vo
        if material_i18_n_vo is not None:
            field_dict["materialI18nVO"] = material_i18_n_vo.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tb_item_id = d.pop("tbItemId", None)
        if type(tb_item_id) is not int and tb_item_id is not None:
            tb_item_id = as_int(tb_item_id, "ItemDetail", "tbItemId")

        title = d.pop("title", None)
        if type(title) is not str and title is not None:
            title = as_str(title, "ItemDetail", "title")

        pic_urls = d.pop("picUrls", None)
        if pic_urls is not None:
            pic_urls = as_list(pic_urls, str, as_str, "ItemDetail", "picUrls")

        shop_name = d.pop("shopName", None)
        if type(shop_name) is not str and shop_name is not None:
            shop_name = as_str(shop_name, "ItemDetail", "shopName")

        shop_id = d.pop("shopId", None)
        if type(shop_id) is not int and shop_id is not None:
            shop_id = as_int(shop_id, "ItemDetail", "shopId")

        price = d.pop("price", None)
        if type(price) is not int and price is not None:
            price = as_int(price, "ItemDetail", "price")

        promotion_price = d.pop("promotionPrice", None)
        if type(promotion_price) is not int and promotion_price is not None:
            promotion_price = as_int(promotion_price, "ItemDetail", "promotionPrice")

        coupon_price = d.pop("couponPrice", None)
        if type(coupon_price) is not int and coupon_price is not None:
            coupon_price = as_int(coupon_price, "ItemDetail", "couponPrice")

        description = d.pop("description", None)
        if type(description) is not str and description is not None:
            description = as_str(description, "ItemDetail", "description")

        properties = d.pop("properties", None)
        if properties is not None:
            properties = (
                [
                    ItemProperty.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemProperty, item, "ItemDetail", "properties")
                    for item in properties
                ]
                if type(properties) is list
                else as_model_list(ItemProperty, properties, "ItemDetail", "properties")
            )

        sku_list = d.pop("skuList", None)
        if sku_list is not None:
            sku_list = (
                [
                    ItemSku.from_dict(item) if type(item) is dict else as_model(ItemSku, item, "ItemDetail", "skuList")
                    for item in sku_list
                ]
                if type(sku_list) is list
                else as_model_list(ItemSku, sku_list, "ItemDetail", "skuList")
            )

        property_image_list = d.pop("propertyImageList", None)
        if property_image_list is not None:
            property_image_list = (
                [
                    PropertyImage.from_dict(item)
                    if type(item) is dict
                    else as_model(PropertyImage, item, "ItemDetail", "propertyImageList")
                    for item in property_image_list
                ]
                if type(property_image_list) is list
                else as_model_list(PropertyImage, property_image_list, "ItemDetail", "propertyImageList")
            )

        tag_list = d.pop("tagList", None)
        if tag_list is not None:
            tag_list = as_list(tag_list, str, as_str, "ItemDetail", "tagList")

        promotion_display_vo_list = d.pop("promotionDisplayVOList", None)
        if promotion_display_vo_list is not None:
            promotion_display_vo_list = (
                [
                    PromotionDisplay.from_dict(item)
                    if type(item) is dict
                    else as_model(PromotionDisplay, item, "ItemDetail", "promotionDisplayVOList")
                    for item in promotion_display_vo_list
                ]
                if type(promotion_display_vo_list) is list
                else as_model_list(PromotionDisplay, promotion_display_vo_list, "ItemDetail", "promotionDisplayVOList")
            )

        material_i18_n_vo = d.pop("materialI18nVO", None)
        if material_i18_n_vo is not None:
            material_i18_n_vo = (
                ItemTranslation.from_dict(material_i18_n_vo)
                if type(material_i18_n_vo) is dict
                else as_model(ItemTranslation, material_i18_n_vo, "ItemDetail", "materialI18nVO")
            )

        if cls is ItemDetail:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.tb_item_id = tb_item_id
            instance_.title = title
            instance_.pic_urls = pic_urls
            instance_.shop_name = shop_name
            instance_.shop_id = shop_id
            instance_.price = price
            instance_.promotion_price = promotion_price
            instance_.coupon_price = coupon_price
            instance_.description = description
            instance_.properties = properties
            instance_.sku_list = sku_list
            instance_.property_image_list = property_image_list
            instance_.tag_list = tag_list
            instance_.promotion_display_vo_list = promotion_display_vo_list
            instance_.material_i18_n_vo = material_i18_n_vo
            instance_.additional_properties = d
            return instance_
        item_detail = cls(
            tb_item_id,
            title,
            pic_urls,
            shop_name,
            shop_id,
            price,
            promotion_price,
            coupon_price,
            description,
            properties,
            sku_list,
            property_image_list,
            tag_list,
            promotion_display_vo_list,
            material_i18_n_vo,
        )
        item_detail.additional_properties = d
        return item_detail

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
from ..models.item_sku import ItemSku  # noqa: E402
from ..models.item_translation import ItemTranslation  # noqa: E402
from ..models.promotion_display import PromotionDisplay  # noqa: E402
from ..models.property_image import PropertyImage  # noqa: E402
