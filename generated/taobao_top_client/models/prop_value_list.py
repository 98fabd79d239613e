from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_model_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.prop_value import PropValue


T = TypeVar("T", bound="PropValueList")


@_attrs_define
class PropValueList:
    """TOP's list wrapper `prop_values.prop_value[]`; absent when there are no results."""

    prop_value: list[PropValue] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        prop_value = self.prop_value
        if prop_value is not None:
            field_dict["prop_value"] = [item.to_dict() for item in prop_value]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prop_value = d.pop("prop_value", None)
        if prop_value is not None:
            prop_value = (
                [
                    PropValue.from_dict(item)
                    if type(item) is dict
                    else as_model(PropValue, item, "PropValueList", "prop_value")
                    for item in prop_value
                ]
                if type(prop_value) is list
                else as_model_list(PropValue, prop_value, "PropValueList", "prop_value", bare_one=True)
            )

        if cls is PropValueList:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.prop_value = prop_value
            instance_.additional_properties = d
            return instance_
        prop_value_list = cls(
            prop_value,
        )
        prop_value_list.additional_properties = d
        return prop_value_list

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


from ..models.prop_value import PropValue  # noqa: E402
