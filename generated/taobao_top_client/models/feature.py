from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="Feature")


@_attrs_define
class Feature:
    """A key/value feature of a category, property or value. E.g. on a category `attr_key=freeze`,
    `attr_value=0,5`: 0 = editing forbidden, 5 = publishing forbidden.

    """

    attr_key: str | None = None

    attr_value: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        attr_key = self.attr_key
        if attr_key is not None:
            field_dict["attr_key"] = attr_key
        attr_value = self.attr_value
        if attr_value is not None:
            field_dict["attr_value"] = attr_value
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attr_key = d.pop("attr_key", None)
        if type(attr_key) is not str and attr_key is not None:
            attr_key = as_str(attr_key, "Feature", "attr_key")

        attr_value = d.pop("attr_value", None)
        if type(attr_value) is not str and attr_value is not None:
            attr_value = as_str(attr_value, "Feature", "attr_value")

        if cls is Feature:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.attr_key = attr_key
            instance_.attr_value = attr_value
            instance_.additional_properties = d
            return instance_
        feature = cls(
            attr_key,
            attr_value,
        )
        feature.additional_properties = d
        return feature

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
