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
    from ..models.item_translation import ItemTranslation
    from ..models.promotion_display import PromotionDisplay


T = TypeVar("T", bound="SearchItem")


@_attrs_define
class SearchItem:
    """One item of an image or keyword search result."""

    coupon_price: str | None = None
    """ Price after coupon (string; yuan per the upstream SDK, unverified). """

    promotion_display_vo_list: list[PromotionDisplay] | None = None

    tb_item_id: int | None = None
    """ The Taobao/Tmall item id (use with getItem and getProduct). """

    title: str | None = None

    main_image_url: str | None = None

    price: str | None = None
    """ Price (string; yuan per the upstream SDK, unverified). """

    inventory: int | None = None

    shop_name: str | None = None

    tag_list: list[str] | None = None

    material_i18_n_vo: ItemTranslation | None = None
    """ The translated texts of an item (`materialI18nVO`; upstream `multi_language_info`). On item detail the
    upstream translation also carries the translated `properties` and `sku_properties`.
     """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        coupon_price = self.coupon_price
        if coupon_price is not None:
            field_dict["couponPrice"] = coupon_price
        promotion_display_vo_list = self.promotion_display_vo_list
        if promotion_display_vo_list is not None:
            field_dict["promotionDisplayVOList"] = [item.to_dict() for item in promotion_display_vo_list]
        tb_item_id = self.tb_item_id
        if tb_item_id is not None:
            field_dict["tbItemId"] = tb_item_id
        title = self.title
        if title is not None:
            field_dict["title"] = title
        main_image_url = self.main_image_url
        if main_image_url is not None:
            field_dict["mainImageUrl"] = main_image_url
        price = self.price
        if price is not None:
            field_dict["price"] = price
        inventory = self.inventory
        if inventory is not None:
            field_dict["inventory"] = inventory
        shop_name = self.shop_name
        if shop_name is not None:
            field_dict["shopName"] = shop_name
        tag_list = self.tag_list
        if tag_list is not None:
            field_dict["tagList"] = tag_list
        material_i18_n_vo = self.material_i18_n_vo
        if material_i18_n_vo is not None:
            field_dict["materialI18nVO"] = material_i18_n_vo.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupon_price = d.pop("couponPrice", None)
        if type(coupon_price) is not str and coupon_price is not None:
            coupon_price = as_str(coupon_price, "SearchItem", "couponPrice")

        promotion_display_vo_list = d.pop("promotionDisplayVOList", None)
        if promotion_display_vo_list is not None:
            promotion_display_vo_list = (
                [
                    PromotionDisplay.from_dict(item)
                    if type(item) is dict
                    else as_model(PromotionDisplay, item, "SearchItem", "promotionDisplayVOList")
                    for item in promotion_display_vo_list
                ]
                if type(promotion_display_vo_list) is list
                else as_model_list(PromotionDisplay, promotion_display_vo_list, "SearchItem", "promotionDisplayVOList")
            )

        tb_item_id = d.pop("tbItemId", None)
        if type(tb_item_id) is not int and tb_item_id is not None:
            tb_item_id = as_int(tb_item_id, "SearchItem", "tbItemId")

        title = d.pop("title", None)
        if type(title) is not str and title is not None:
            title = as_str(title, "SearchItem", "title")

        main_image_url = d.pop("mainImageUrl", None)
        if type(main_image_url) is not str and main_image_url is not None:
            main_image_url = as_str(main_image_url, "SearchItem", "mainImageUrl")

        price = d.pop("price", None)
        if type(price) is not str and price is not None:
            price = as_str(price, "SearchItem", "price")

        inventory = d.pop("inventory", None)
        if type(inventory) is not int and inventory is not None:
            inventory = as_int(inventory, "SearchItem", "inventory")

        shop_name = d.pop("shopName", None)
        if type(shop_name) is not str and shop_name is not None:
            shop_name = as_str(shop_name, "SearchItem", "shopName")

        tag_list = d.pop("tagList", None)
        if tag_list is not None:
            tag_list = as_list(tag_list, str, as_str, "SearchItem", "tagList")

        material_i18_n_vo = d.pop("materialI18nVO", None)
        if material_i18_n_vo is not None:
            material_i18_n_vo = (
                ItemTranslation.from_dict(material_i18_n_vo)
                if type(material_i18_n_vo) is dict
                else as_model(ItemTranslation, material_i18_n_vo, "SearchItem", "materialI18nVO")
            )

        if cls is SearchItem:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.coupon_price = coupon_price
            instance_.promotion_display_vo_list = promotion_display_vo_list
            instance_.tb_item_id = tb_item_id
            instance_.title = title
            instance_.main_image_url = main_image_url
            instance_.price = price
            instance_.inventory = inventory
            instance_.shop_name = shop_name
            instance_.tag_list = tag_list
            instance_.material_i18_n_vo = material_i18_n_vo
            instance_.additional_properties = d
            return instance_
        search_item = cls(
            coupon_price,
            promotion_display_vo_list,
            tb_item_id,
            title,
            main_image_url,
            price,
            inventory,
            shop_name,
            tag_list,
            material_i18_n_vo,
        )
        search_item.additional_properties = d
        return search_item

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


from ..models.item_translation import ItemTranslation  # noqa: E402
from ..models.promotion_display import PromotionDisplay  # noqa: E402
