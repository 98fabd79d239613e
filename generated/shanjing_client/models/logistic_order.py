from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LogisticOrder")


@_attrs_define
class LogisticOrder:
    """A parcel of a sub-order."""

    logistic_company_name: str | Unset = UNSET
    logistic_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logistic_company_name = self.logistic_company_name

        logistic_number = self.logistic_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if logistic_company_name is not UNSET:
            field_dict["logistic_company_name"] = logistic_company_name
        if logistic_number is not UNSET:
            field_dict["logistic_number"] = logistic_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        logistic_company_name = d.pop("logistic_company_name", UNSET)

        logistic_number = d.pop("logistic_number", UNSET)

        logistic_order = cls(
            logistic_company_name,
            logistic_number,
        )

        logistic_order.additional_properties = d
        return logistic_order

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
