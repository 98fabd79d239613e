from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.bad_request_detail import BadRequestDetail


T = TypeVar("T", bound="BadRequestBody")


@_attrs_define
class BadRequestBody:
    """The body of an HTTP 400 (a request body that could not be parsed); open, shape inferred."""

    error: BadRequestDetail | None = None
    """ What could not be parsed. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        error = self.error
        if error is not None:
            field_dict["error"] = error.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error", None)
        if error is not None:
            error = (
                BadRequestDetail.from_dict(error)
                if type(error) is dict
                else as_model(BadRequestDetail, error, "BadRequestBody", "error")
            )

        if cls is BadRequestBody:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.error = error
            instance_.additional_properties = d
            return instance_
        bad_request_body = cls(
            error,
        )
        bad_request_body.additional_properties = d
        return bad_request_body

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


from ..models.bad_request_detail import BadRequestDetail  # noqa: E402
