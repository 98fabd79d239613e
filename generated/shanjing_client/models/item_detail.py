from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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

    tb_item_id: int | Unset = UNSET
    title: str | Unset = UNSET
    pic_urls: list[str] | Unset = UNSET
    shop_name: str | Unset = UNSET
    shop_id: int | Unset = UNSET
    price: int | Unset = UNSET
    """ Price in fen. """
    promotion_price: int | Unset = UNSET
    """ Promotion price in fen. """
    coupon_price: int | Unset = UNSET
    """ Price after coupon in fen. """
    description: str | Unset = UNSET
    """ The item description (HTML). """
    properties: list[ItemProperty] | Unset = UNSET
    sku_list: list[ItemSku] | Unset = UNSET
    property_image_list: list[PropertyImage] | Unset = UNSET
    tag_list: list[str] | Unset = UNSET
    promotion_display_vo_list: list[PromotionDisplay] | Unset = UNSET
    material_i18_n_vo: ItemTranslation | Unset = UNSET
    """ The translated texts of an item (`materialI18nVO`; upstream `multi_language_info`). On item detail the
    upstream translation also carries the translated `properties` and `sku_properties`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tb_item_id = self.tb_item_id

        title = self.title

        pic_urls: list[str] | Unset = UNSET
        if not isinstance(self.pic_urls, Unset):
            pic_urls = self.pic_urls

        shop_name = self.shop_name

        shop_id = self.shop_id

        price = self.price

        promotion_price = self.promotion_price

        coupon_price = self.coupon_price

        description = self.description

        properties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = []
            for properties_item_data in self.properties:
                properties_item = properties_item_data.to_dict()
                properties.append(properties_item)

        sku_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sku_list, Unset):
            sku_list = []
            for sku_list_item_data in self.sku_list:
                sku_list_item = sku_list_item_data.to_dict()
                sku_list.append(sku_list_item)

        property_image_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.property_image_list, Unset):
            property_image_list = []
            for property_image_list_item_data in self.property_image_list:
                property_image_list_item = property_image_list_item_data.to_dict()
                property_image_list.append(property_image_list_item)

        tag_list: list[str] | Unset = UNSET
        if not isinstance(self.tag_list, Unset):
            tag_list = self.tag_list

        promotion_display_vo_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.promotion_display_vo_list, Unset):
            promotion_display_vo_list = []
            for promotion_display_vo_list_item_data in self.promotion_display_vo_list:
                promotion_display_vo_list_item = promotion_display_vo_list_item_data.to_dict()
                promotion_display_vo_list.append(promotion_display_vo_list_item)

        material_i18_n_vo: dict[str, Any] | Unset = UNSET
        if not isinstance(self.material_i18_n_vo, Unset):
            material_i18_n_vo = self.material_i18_n_vo.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tb_item_id is not UNSET:
            field_dict["tbItemId"] = tb_item_id
        if title is not UNSET:
            field_dict["title"] = title
        if pic_urls is not UNSET:
            field_dict["picUrls"] = pic_urls
        if shop_name is not UNSET:
            field_dict["shopName"] = shop_name
        if shop_id is not UNSET:
            field_dict["shopId"] = shop_id
        if price is not UNSET:
            field_dict["price"] = price
        if promotion_price is not UNSET:
            field_dict["promotionPrice"] = promotion_price
        if coupon_price is not UNSET:
            field_dict["couponPrice"] = coupon_price
        if description is not UNSET:
            field_dict["description"] = description
        if properties is not UNSET:
            field_dict["properties"] = properties
        if sku_list is not UNSET:
            field_dict["skuList"] = sku_list
        if property_image_list is not UNSET:
            field_dict["propertyImageList"] = property_image_list
        if tag_list is not UNSET:
            field_dict["tagList"] = tag_list
        if promotion_display_vo_list is not UNSET:
            field_dict["promotionDisplayVOList"] = promotion_display_vo_list
        if material_i18_n_vo is not UNSET:
            field_dict["materialI18nVO"] = material_i18_n_vo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tb_item_id = d.pop("tbItemId", UNSET)

        title = d.pop("title", UNSET)

        pic_urls = cast(list[str], d.pop("picUrls", UNSET))

        shop_name = d.pop("shopName", UNSET)

        shop_id = d.pop("shopId", UNSET)

        price = d.pop("price", UNSET)

        promotion_price = d.pop("promotionPrice", UNSET)

        coupon_price = d.pop("couponPrice", UNSET)

        description = d.pop("description", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: list[ItemProperty] | Unset = UNSET
        if _properties is not UNSET:
            properties = []
            if isinstance(_properties, Mapping):  # a one-element list sent as its element
                _properties = [_properties]
            for properties_item_data in _properties:
                properties_item = ItemProperty.from_dict(properties_item_data)

                properties.append(properties_item)

        _sku_list = d.pop("skuList", UNSET)
        sku_list: list[ItemSku] | Unset = UNSET
        if _sku_list is not UNSET:
            sku_list = []
            if isinstance(_sku_list, Mapping):  # a one-element list sent as its element
                _sku_list = [_sku_list]
            for sku_list_item_data in _sku_list:
                sku_list_item = ItemSku.from_dict(sku_list_item_data)

                sku_list.append(sku_list_item)

        _property_image_list = d.pop("propertyImageList", UNSET)
        property_image_list: list[PropertyImage] | Unset = UNSET
        if _property_image_list is not UNSET:
            property_image_list = []
            if isinstance(_property_image_list, Mapping):  # a one-element list sent as its element
                _property_image_list = [_property_image_list]
            for property_image_list_item_data in _property_image_list:
                property_image_list_item = PropertyImage.from_dict(property_image_list_item_data)

                property_image_list.append(property_image_list_item)

        tag_list = cast(list[str], d.pop("tagList", UNSET))

        _promotion_display_vo_list = d.pop("promotionDisplayVOList", UNSET)
        promotion_display_vo_list: list[PromotionDisplay] | Unset = UNSET
        if _promotion_display_vo_list is not UNSET:
            promotion_display_vo_list = []
            if isinstance(_promotion_display_vo_list, Mapping):  # a one-element list sent as its element
                _promotion_display_vo_list = [_promotion_display_vo_list]
            for promotion_display_vo_list_item_data in _promotion_display_vo_list:
                promotion_display_vo_list_item = PromotionDisplay.from_dict(promotion_display_vo_list_item_data)

                promotion_display_vo_list.append(promotion_display_vo_list_item)

        _material_i18_n_vo = d.pop("materialI18nVO", UNSET)
        material_i18_n_vo: ItemTranslation | Unset
        if isinstance(_material_i18_n_vo, Unset):
            material_i18_n_vo = UNSET
        else:
            material_i18_n_vo = ItemTranslation.from_dict(_material_i18_n_vo)

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
