from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_cat import ItemCat


T = TypeVar("T", bound="ItemCatList")


@_attrs_define
class ItemCatList:
    """TOP's list wrapper `item_cats.item_cat[]`; absent when there are no results."""

    item_cat: list[ItemCat] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_cat: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.item_cat, Unset):
            item_cat = []
            for item_cat_item_data in self.item_cat:
                item_cat_item = item_cat_item_data.to_dict()
                item_cat.append(item_cat_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if item_cat is not UNSET:
            field_dict["item_cat"] = item_cat

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _item_cat = d.pop("item_cat", UNSET)
        item_cat: list[ItemCat] | Unset = UNSET
        if _item_cat is not UNSET:
            item_cat = []
            if isinstance(_item_cat, Mapping):  # a one-element list sent as its element
                _item_cat = [_item_cat]
            for item_cat_item_data in _item_cat:
                item_cat_item = ItemCat.from_dict(item_cat_item_data)

                item_cat.append(item_cat_item)

        item_cat_list = cls(
            item_cat,
        )

        item_cat_list.additional_properties = d
        return item_cat_list

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


from ..models.item_cat import ItemCat  # noqa: E402
