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


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem (the gateway's or the mock's answer to a bad request)."""

    title: str

    status: int

    type_: str | None = None
    """ A URI identifying the problem type. """

    detail: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        title = self.title
        field_dict["title"] = title
        status = self.status
        field_dict["status"] = status
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_
        detail = self.detail
        if detail is not None:
            field_dict["detail"] = detail
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")
        if type(title) is not str:
            title = as_str(title, "Problem", "title")

        status = d.pop("status")
        if type(status) is not int:
            status = as_int(status, "Problem", "status")

        type_ = d.pop("type", None)
        if type(type_) is not str and type_ is not None:
            type_ = as_str(type_, "Problem", "type")

        detail = d.pop("detail", None)
        if type(detail) is not str and detail is not None:
            detail = as_str(detail, "Problem", "detail")

        if cls is Problem:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.title = title
            instance_.status = status
            instance_.type_ = type_
            instance_.detail = detail
            instance_.additional_properties = d
            return instance_
        problem = cls(
            title,
            status,
            type_,
            detail,
        )
        problem.additional_properties = d
        return problem

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
