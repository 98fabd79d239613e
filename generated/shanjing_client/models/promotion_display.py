from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.promotion_info import PromotionInfo


T = TypeVar("T", bound="PromotionDisplay")


@_attrs_define
class PromotionDisplay:
    """A group of promotions (upstream `promotion_displays[{type_name, promotion_info_list}]`)."""

    name: str | Unset = UNSET
    item_promotion_display_info_vo_list: list[PromotionInfo] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        item_promotion_display_info_vo_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.item_promotion_display_info_vo_list, Unset):
            item_promotion_display_info_vo_list = []
            for item_promotion_display_info_vo_list_item_data in self.item_promotion_display_info_vo_list:
                item_promotion_display_info_vo_list_item = item_promotion_display_info_vo_list_item_data.to_dict()
                item_promotion_display_info_vo_list.append(item_promotion_display_info_vo_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if item_promotion_display_info_vo_list is not UNSET:
            field_dict["itemPromotionDisplayInfoVOList"] = item_promotion_display_info_vo_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _item_promotion_display_info_vo_list = d.pop("itemPromotionDisplayInfoVOList", UNSET)
        item_promotion_display_info_vo_list: list[PromotionInfo] | Unset = UNSET
        if _item_promotion_display_info_vo_list is not UNSET:
            item_promotion_display_info_vo_list = []
            if isinstance(_item_promotion_display_info_vo_list, Mapping):  # a one-element list sent as its element
                _item_promotion_display_info_vo_list = [_item_promotion_display_info_vo_list]
            for item_promotion_display_info_vo_list_item_data in _item_promotion_display_info_vo_list:
                item_promotion_display_info_vo_list_item = PromotionInfo.from_dict(
                    item_promotion_display_info_vo_list_item_data
                )

                item_promotion_display_info_vo_list.append(item_promotion_display_info_vo_list_item)

        promotion_display = cls(
            name,
            item_promotion_display_info_vo_list,
        )

        promotion_display.additional_properties = d
        return promotion_display

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


from ..models.promotion_info import PromotionInfo  # noqa: E402
