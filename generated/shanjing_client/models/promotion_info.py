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


T = TypeVar("T", bound="PromotionInfo")


@_attrs_define
class PromotionInfo:
    """One promotion (upstream `promotion_info_list[{activity_code, promotion_name}]`)."""

    code: str | None = None

    name: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        code = self.code
        if code is not None:
            field_dict["code"] = code
        name = self.name
        if name is not None:
            field_dict["name"] = name
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", None)
        if type(code) is not str and code is not None:
            code = as_str(code, "PromotionInfo", "code")

        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "PromotionInfo", "name")

        if cls is PromotionInfo:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.code = code
            instance_.name = name
            instance_.additional_properties = d
            return instance_
        promotion_info = cls(
            code,
            name,
        )
        promotion_info.additional_properties = d
        return promotion_info

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
