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


T = TypeVar("T", bound="LogisticOrder")


@_attrs_define
class LogisticOrder:
    """A parcel of a sub-order."""

    logistic_company_name: str | None = None

    logistic_number: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        logistic_company_name = self.logistic_company_name
        if logistic_company_name is not None:
            field_dict["logistic_company_name"] = logistic_company_name
        logistic_number = self.logistic_number
        if logistic_number is not None:
            field_dict["logistic_number"] = logistic_number
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        logistic_company_name = d.pop("logistic_company_name", None)
        if type(logistic_company_name) is not str and logistic_company_name is not None:
            logistic_company_name = as_str(logistic_company_name, "LogisticOrder", "logistic_company_name")

        logistic_number = d.pop("logistic_number", None)
        if type(logistic_number) is not str and logistic_number is not None:
            logistic_number = as_str(logistic_number, "LogisticOrder", "logistic_number")

        if cls is LogisticOrder:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.logistic_company_name = logistic_company_name
            instance_.logistic_number = logistic_number
            instance_.additional_properties = d
            return instance_
        logistic_order = cls(
            logistic_company_name,
            logistic_number,
        )
        logistic_order.additional_properties = d
        return logistic_order

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
