from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_model_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.item_cat import ItemCat


T = TypeVar("T", bound="ItemCatList")


@_attrs_define
class ItemCatList:
    """TOP's list wrapper `item_cats.item_cat[]`; absent when there are no results."""

    item_cat: list[ItemCat] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_cat = self.item_cat
        if item_cat is not None:
            field_dict["item_cat"] = [item.to_dict() for item in item_cat]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_cat = d.pop("item_cat", None)
        if item_cat is not None:
            item_cat = (
                [
                    ItemCat.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemCat, item, "ItemCatList", "item_cat")
                    for item in item_cat
                ]
                if type(item_cat) is list
                else as_model_list(ItemCat, item_cat, "ItemCatList", "item_cat", bare_one=True)
            )

        if cls is ItemCatList:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_cat = item_cat
            instance_.additional_properties = d
            return instance_
        item_cat_list = cls(
            item_cat,
        )
        item_cat_list.additional_properties = d
        return item_cat_list

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


from ..models.item_cat import ItemCat  # noqa: E402
