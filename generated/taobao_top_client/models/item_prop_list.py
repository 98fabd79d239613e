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
    from ..models.item_prop import ItemProp


T = TypeVar("T", bound="ItemPropList")


@_attrs_define
class ItemPropList:
    """TOP's list wrapper `item_props.item_prop[]`; absent when there are no results."""

    item_prop: list[ItemProp] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_prop = self.item_prop
        if item_prop is not None:
            field_dict["item_prop"] = [item.to_dict() for item in item_prop]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_prop = d.pop("item_prop", None)
        if item_prop is not None:
            item_prop = (
                [
                    ItemProp.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemProp, item, "ItemPropList", "item_prop")
                    for item in item_prop
                ]
                if type(item_prop) is list
                else as_model_list(ItemProp, item_prop, "ItemPropList", "item_prop", bare_one=True)
            )

        if cls is ItemPropList:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_prop = item_prop
            instance_.additional_properties = d
            return instance_
        item_prop_list = cls(
            item_prop,
        )
        item_prop_list.additional_properties = d
        return item_prop_list

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


from ..models.item_prop import ItemProp  # noqa: E402
