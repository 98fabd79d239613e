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


T = TypeVar("T", bound="BadRequestDetail")


@_attrs_define
class BadRequestDetail:
    """What could not be parsed."""

    code: str | None = None

    message: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        code = self.code
        if code is not None:
            field_dict["code"] = code
        message = self.message
        if message is not None:
            field_dict["message"] = message
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", None)
        if type(code) is not str and code is not None:
            code = as_str(code, "BadRequestDetail", "code")

        message = d.pop("message", None)
        if type(message) is not str and message is not None:
            message = as_str(message, "BadRequestDetail", "message")

        if cls is BadRequestDetail:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.code = code
            instance_.message = message
            instance_.additional_properties = d
            return instance_
        bad_request_detail = cls(
            code,
            message,
        )
        bad_request_detail.additional_properties = d
        return bad_request_detail

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
