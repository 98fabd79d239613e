from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bad_request_detail import BadRequestDetail


T = TypeVar("T", bound="BadRequestBody")


@_attrs_define
class BadRequestBody:
    """The body of an HTTP 400 (a request body that could not be parsed); open, shape inferred."""

    error: BadRequestDetail | Unset = UNSET
    """ What could not be parsed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _error = d.pop("error", UNSET)
        error: BadRequestDetail | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BadRequestDetail.from_dict(_error)

        bad_request_body = cls(
            error,
        )

        bad_request_body.additional_properties = d
        return bad_request_body

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
