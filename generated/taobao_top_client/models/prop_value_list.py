from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prop_value import PropValue


T = TypeVar("T", bound="PropValueList")


@_attrs_define
class PropValueList:
    """TOP's list wrapper `prop_values.prop_value[]`; absent when there are no results."""

    prop_value: list[PropValue] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prop_value: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prop_value, Unset):
            prop_value = []
            for prop_value_item_data in self.prop_value:
                prop_value_item = prop_value_item_data.to_dict()
                prop_value.append(prop_value_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prop_value is not UNSET:
            field_dict["prop_value"] = prop_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _prop_value = d.pop("prop_value", UNSET)
        prop_value: list[PropValue] | Unset = UNSET
        if _prop_value is not UNSET:
            prop_value = []
            if isinstance(_prop_value, Mapping):  # a one-element list sent as its element
                _prop_value = [_prop_value]
            for prop_value_item_data in _prop_value:
                prop_value_item = PropValue.from_dict(prop_value_item_data)

                prop_value.append(prop_value_item)

        prop_value_list = cls(
            prop_value,
        )

        prop_value_list.additional_properties = d
        return prop_value_list

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


from ..models.prop_value import PropValue  # noqa: E402
