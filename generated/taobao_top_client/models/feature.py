from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Feature")


@_attrs_define
class Feature:
    """A key/value feature of a category, property or value. E.g. on a category `attr_key=freeze`,
    `attr_value=0,5`: 0 = editing forbidden, 5 = publishing forbidden.

    """

    attr_key: str | Unset = UNSET
    attr_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attr_key = self.attr_key

        attr_value = self.attr_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attr_key is not UNSET:
            field_dict["attr_key"] = attr_key
        if attr_value is not UNSET:
            field_dict["attr_value"] = attr_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attr_key = d.pop("attr_key", UNSET)

        attr_value = d.pop("attr_value", UNSET)

        feature = cls(
            attr_key,
            attr_value,
        )

        feature.additional_properties = d
        return feature

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
