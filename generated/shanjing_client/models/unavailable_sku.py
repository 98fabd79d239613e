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


T = TypeVar("T", bound="UnavailableSku")


@_attrs_define
class UnavailableSku:
    """A line that cannot be bought, and why."""

    item_id: str | None = None

    sku_id: str | None = None

    reason: str | None = None

    error_code: str | None = None

    error_msg: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_id = self.item_id
        if item_id is not None:
            field_dict["item_id"] = item_id
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["sku_id"] = sku_id
        reason = self.reason
        if reason is not None:
            field_dict["reason"] = reason
        error_code = self.error_code
        if error_code is not None:
            field_dict["error_code"] = error_code
        error_msg = self.error_msg
        if error_msg is not None:
            field_dict["error_msg"] = error_msg
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id", None)
        if type(item_id) is not str and item_id is not None:
            item_id = as_str(item_id, "UnavailableSku", "item_id")

        sku_id = d.pop("sku_id", None)
        if type(sku_id) is not str and sku_id is not None:
            sku_id = as_str(sku_id, "UnavailableSku", "sku_id")

        reason = d.pop("reason", None)
        if type(reason) is not str and reason is not None:
            reason = as_str(reason, "UnavailableSku", "reason")

        error_code = d.pop("error_code", None)
        if type(error_code) is not str and error_code is not None:
            error_code = as_str(error_code, "UnavailableSku", "error_code")

        error_msg = d.pop("error_msg", None)
        if type(error_msg) is not str and error_msg is not None:
            error_msg = as_str(error_msg, "UnavailableSku", "error_msg")

        if cls is UnavailableSku:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_id = item_id
            instance_.sku_id = sku_id
            instance_.reason = reason
            instance_.error_code = error_code
            instance_.error_msg = error_msg
            instance_.additional_properties = d
            return instance_
        unavailable_sku = cls(
            item_id,
            sku_id,
            reason,
            error_code,
            error_msg,
        )
        unavailable_sku.additional_properties = d
        return unavailable_sku

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
