from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="ItemProperty")


@_attrs_define
class ItemProperty:
    """A property of an item or SKU (upstream `{prop_id, prop_name, value_id, value_name}`)."""

    prop_id: int | None = None

    prop_name: str | None = None

    value_id: int | None = None

    value_name: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        prop_id = self.prop_id
        if prop_id is not None:
            field_dict["propId"] = prop_id
        prop_name = self.prop_name
        if prop_name is not None:
            field_dict["propName"] = prop_name
        value_id = self.value_id
        if value_id is not None:
            field_dict["valueId"] = value_id
        value_name = self.value_name
        if value_name is not None:
            field_dict["valueName"] = value_name
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prop_id = d.pop("propId", None)
        if type(prop_id) is not int and prop_id is not None:
            prop_id = as_int(prop_id, "ItemProperty", "propId")

        prop_name = d.pop("propName", None)
        if type(prop_name) is not str and prop_name is not None:
            prop_name = as_str(prop_name, "ItemProperty", "propName")

        value_id = d.pop("valueId", None)
        if type(value_id) is not int and value_id is not None:
            value_id = as_int(value_id, "ItemProperty", "valueId")

        value_name = d.pop("valueName", None)
        if type(value_name) is not str and value_name is not None:
            value_name = as_str(value_name, "ItemProperty", "valueName")

        if cls is ItemProperty:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.prop_id = prop_id
            instance_.prop_name = prop_name
            instance_.value_id = value_id
            instance_.value_name = value_name
            instance_.additional_properties = d
            return instance_
        item_property = cls(
            prop_id,
            prop_name,
            value_id,
            value_name,
        )
        item_property.additional_properties = d
        return item_property

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
