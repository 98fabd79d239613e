from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_enum,
    as_int,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


from ..models.supply_chain_service_category import SupplyChainServiceCategory, check_supply_chain_service_category

T = TypeVar("T", bound="SupplyChainServiceChoice")


@_attrs_define
class SupplyChainServiceChoice:
    """A supply-chain service chosen for a render item. The published example sends `optionId` as a JSON
    number (`{"optionId":354,"serviceCategory":"LOGISTICS"}`).

    """

    option_id: int
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """

    service_category: SupplyChainServiceCategory
    """ The category of a supply-chain service chosen at render time. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        option_id = self.option_id
        field_dict["optionId"] = option_id
        service_category = self.service_category
        field_dict["serviceCategory"] = service_category
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        option_id = d.pop("optionId")
        if type(option_id) is not int:
            option_id = as_int(option_id, "SupplyChainServiceChoice", "optionId")

        service_category = d.pop("serviceCategory")
        service_category = as_enum(
            check_supply_chain_service_category,
            service_category,
            "SupplyChainServiceChoice",
            "serviceCategory",
            "SupplyChainServiceCategory",
        )

        if cls is SupplyChainServiceChoice:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.option_id = option_id
            instance_.service_category = service_category
            instance_.additional_properties = d
            return instance_
        supply_chain_service_choice = cls(
            option_id,
            service_category,
        )
        supply_chain_service_choice.additional_properties = d
        return supply_chain_service_choice

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
