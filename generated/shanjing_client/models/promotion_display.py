from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.promotion_info import PromotionInfo


T = TypeVar("T", bound="PromotionDisplay")


@_attrs_define
class PromotionDisplay:
    """A group of promotions (upstream `promotion_displays[{type_name, promotion_info_list}]`)."""

    name: str | None = None

    item_promotion_display_info_vo_list: list[PromotionInfo] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        name = self.name
        if name is not None:
            field_dict["name"] = name
        item_promotion_display_info_vo_list = self.item_promotion_display_info_vo_list
        if item_promotion_display_info_vo_list is not None:
            field_dict["itemPromotionDisplayInfoVOList"] = [
                item.to_dict() for item in item_promotion_display_info_vo_list
            ]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "PromotionDisplay", "name")

        item_promotion_display_info_vo_list = d.pop("itemPromotionDisplayInfoVOList", None)
        if item_promotion_display_info_vo_list is not None:
            item_promotion_display_info_vo_list = (
                [
                    PromotionInfo.from_dict(item)
                    if type(item) is dict
                    else as_model(PromotionInfo, item, "PromotionDisplay", "itemPromotionDisplayInfoVOList")
                    for item in item_promotion_display_info_vo_list
                ]
                if type(item_promotion_display_info_vo_list) is list
                else as_model_list(
                    PromotionInfo,
                    item_promotion_display_info_vo_list,
                    "PromotionDisplay",
                    "itemPromotionDisplayInfoVOList",
                )
            )

        if cls is PromotionDisplay:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.name = name
            instance_.item_promotion_display_info_vo_list = item_promotion_display_info_vo_list
            instance_.additional_properties = d
            return instance_
        promotion_display = cls(
            name,
            item_promotion_display_info_vo_list,
        )
        promotion_display.additional_properties = d
        return promotion_display

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


from ..models.promotion_info import PromotionInfo  # noqa: E402
