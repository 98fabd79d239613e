from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemProperty")


@_attrs_define
class ItemProperty:
    """A property of an item or SKU (upstream `{prop_id, prop_name, value_id, value_name}`)."""

    prop_id: int | Unset = UNSET
    prop_name: str | Unset = UNSET
    value_id: int | Unset = UNSET
    value_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prop_id = self.prop_id

        prop_name = self.prop_name

        value_id = self.value_id

        value_name = self.value_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prop_id is not UNSET:
            field_dict["propId"] = prop_id
        if prop_name is not UNSET:
            field_dict["propName"] = prop_name
        if value_id is not UNSET:
            field_dict["valueId"] = value_id
        if value_name is not UNSET:
            field_dict["valueName"] = value_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prop_id = d.pop("propId", UNSET)

        prop_name = d.pop("propName", UNSET)

        value_id = d.pop("valueId", UNSET)

        value_name = d.pop("valueName", UNSET)

        item_property = cls(
            prop_id,
            prop_name,
            value_id,
            value_name,
        )

        item_property.additional_properties = d
        return item_property

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
