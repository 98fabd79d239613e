from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prop_value_list import PropValueList


T = TypeVar("T", bound="ItempropvaluesGetResponse")


@_attrs_define
class ItempropvaluesGetResponse:
    """The requested property values."""

    prop_values: PropValueList | Unset = UNSET
    """ TOP's list wrapper `prop_values.prop_value[]`; absent when there are no results. """
    last_modified: str | Unset = UNSET
    """ Last change of the values, `yyyy-MM-dd HH:mm:ss` (GMT+8). """
    request_id: str | Unset = UNSET
    """ Gateway request id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prop_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prop_values, Unset):
            prop_values = self.prop_values.to_dict()

        last_modified = self.last_modified

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prop_values is not UNSET:
            field_dict["prop_values"] = prop_values
        if last_modified is not UNSET:
            field_dict["last_modified"] = last_modified
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _prop_values = d.pop("prop_values", UNSET)
        prop_values: PropValueList | Unset
        if isinstance(_prop_values, Unset):
            prop_values = UNSET
        else:
            prop_values = PropValueList.from_dict(_prop_values)

        last_modified = d.pop("last_modified", UNSET)

        request_id = d.pop("request_id", UNSET)

        itempropvalues_get_response = cls(
            prop_values,
            last_modified,
            request_id,
        )

        itempropvalues_get_response.additional_properties = d
        return itempropvalues_get_response

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


from ..models.prop_value_list import PropValueList  # noqa: E402
