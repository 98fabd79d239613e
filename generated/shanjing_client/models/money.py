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


T = TypeVar("T", bound="Money")


@_attrs_define
class Money:
    """An amount in fen with its currency."""

    amount: int | None = None
    """ Amount in fen. """

    currency: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        amount = self.amount
        if amount is not None:
            field_dict["amount"] = amount
        currency = self.currency
        if currency is not None:
            field_dict["currency"] = currency
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount", None)
        if type(amount) is not int and amount is not None:
            amount = as_int(amount, "Money", "amount")

        currency = d.pop("currency", None)
        if type(currency) is not str and currency is not None:
            currency = as_str(currency, "Money", "currency")

        if cls is Money:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.amount = amount
            instance_.currency = currency
            instance_.additional_properties = d
            return instance_
        money = cls(
            amount,
            currency,
        )
        money.additional_properties = d
        return money

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
