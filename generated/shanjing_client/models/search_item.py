from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_translation import ItemTranslation
    from ..models.promotion_display import PromotionDisplay


T = TypeVar("T", bound="SearchItem")


@_attrs_define
class SearchItem:
    """One item of an image or keyword search result."""

    coupon_price: str | Unset = UNSET
    """ Price after coupon (string; yuan per the upstream SDK, unverified). """
    promotion_display_vo_list: list[PromotionDisplay] | Unset = UNSET
    tb_item_id: int | Unset = UNSET
    """ The Taobao/Tmall item id (use with getItem and getProduct). """
    title: str | Unset = UNSET
    main_image_url: str | Unset = UNSET
    price: str | Unset = UNSET
    """ Price (string; yuan per the upstream SDK, unverified). """
    inventory: int | Unset = UNSET
    shop_name: str | Unset = UNSET
    tag_list: list[str] | Unset = UNSET
    material_i18_n_vo: ItemTranslation | Unset = UNSET
    """ The translated texts of an item (`materialI18nVO`; upstream `multi_language_info`). On item detail the
    upstream translation also carries the translated `properties` and `sku_properties`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coupon_price = self.coupon_price

        promotion_display_vo_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.promotion_display_vo_list, Unset):
            promotion_display_vo_list = []
            for promotion_display_vo_list_item_data in self.promotion_display_vo_list:
                promotion_display_vo_list_item = promotion_display_vo_list_item_data.to_dict()
                promotion_display_vo_list.append(promotion_display_vo_list_item)

        tb_item_id = self.tb_item_id

        title = self.title

        main_image_url = self.main_image_url

        price = self.price

        inventory = self.inventory

        shop_name = self.shop_name

        tag_list: list[str] | Unset = UNSET
        if not isinstance(self.tag_list, Unset):
            tag_list = self.tag_list

        material_i18_n_vo: dict[str, Any] | Unset = UNSET
        if not isinstance(self.material_i18_n_vo, Unset):
            material_i18_n_vo = self.material_i18_n_vo.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if coupon_price is not UNSET:
            field_dict["couponPrice"] = coupon_price
        if promotion_display_vo_list is not UNSET:
            field_dict["promotionDisplayVOList"] = promotion_display_vo_list
        if tb_item_id is not UNSET:
            field_dict["tbItemId"] = tb_item_id
        if title is not UNSET:
            field_dict["title"] = title
        if main_image_url is not UNSET:
            field_dict["mainImageUrl"] = main_image_url
        if price is not UNSET:
            field_dict["price"] = price
        if inventory is not UNSET:
            field_dict["inventory"] = inventory
        if shop_name is not UNSET:
            field_dict["shopName"] = shop_name
        if tag_list is not UNSET:
            field_dict["tagList"] = tag_list
        if material_i18_n_vo is not UNSET:
            field_dict["materialI18nVO"] = material_i18_n_vo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupon_price = d.pop("couponPrice", UNSET)

        _promotion_display_vo_list = d.pop("promotionDisplayVOList", UNSET)
        promotion_display_vo_list: list[PromotionDisplay] | Unset = UNSET
        if _promotion_display_vo_list is not UNSET:
            promotion_display_vo_list = []
            if isinstance(_promotion_display_vo_list, Mapping):  # a one-element list sent as its element
                _promotion_display_vo_list = [_promotion_display_vo_list]
            for promotion_display_vo_list_item_data in _promotion_display_vo_list:
                promotion_display_vo_list_item = PromotionDisplay.from_dict(promotion_display_vo_list_item_data)

                promotion_display_vo_list.append(promotion_display_vo_list_item)

        tb_item_id = d.pop("tbItemId", UNSET)

        title = d.pop("title", UNSET)

        main_image_url = d.pop("mainImageUrl", UNSET)

        price = d.pop("price", UNSET)

        inventory = d.pop("inventory", UNSET)

        shop_name = d.pop("shopName", UNSET)

        tag_list = cast(list[str], d.pop("tagList", UNSET))

        _material_i18_n_vo = d.pop("materialI18nVO", UNSET)
        material_i18_n_vo: ItemTranslation | Unset
        if isinstance(_material_i18_n_vo, Unset):
            material_i18_n_vo = UNSET
        else:
            material_i18_n_vo = ItemTranslation.from_dict(_material_i18_n_vo)

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
