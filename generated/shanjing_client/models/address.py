from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.

    """

    zip_: str | Unset = UNSET
    country: str | Unset = UNSET
    """ Country, e.g. `CN`. """
    address: str | Unset = UNSET
    """ Street address. """
    phone: str | Unset = UNSET
    city: str | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    district: str | Unset = UNSET
    name: str | Unset = UNSET
    """ Receiver name. """
    state: str | Unset = UNSET
    """ State / province. """
    tax_id: str | Unset = UNSET
    """ The receiver's tax id, where the destination requires one (upstream). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        zip_ = self.zip_

        country = self.country

        address = self.address

        phone = self.phone

        city = self.city

        mobile_phone = self.mobile_phone

        district = self.district

        name = self.name

        state = self.state

        tax_id = self.tax_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if zip_ is not UNSET:
            field_dict["zip"] = zip_
        if country is not UNSET:
            field_dict["country"] = country
        if address is not UNSET:
            field_dict["address"] = address
        if phone is not UNSET:
            field_dict["phone"] = phone
        if city is not UNSET:
            field_dict["city"] = city
        if mobile_phone is not UNSET:
            field_dict["mobile_phone"] = mobile_phone
        if district is not UNSET:
            field_dict["district"] = district
        if name is not UNSET:
            field_dict["name"] = name
        if state is not UNSET:
            field_dict["state"] = state
        if tax_id is not UNSET:
            field_dict["taxId"] = tax_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        zip_ = d.pop("zip", UNSET)

        country = d.pop("country", UNSET)

        address = d.pop("address", UNSET)

        phone = d.pop("phone", UNSET)

        city = d.pop("city", UNSET)

        mobile_phone = d.pop("mobile_phone", UNSET)

        district = d.pop("district", UNSET)

        name = d.pop("name", UNSET)

        state = d.pop("state", UNSET)

        tax_id = d.pop("taxId", UNSET)

        address = cls(
            zip_,
            country,
            address,
            phone,
            city,
            mobile_phone,
            district,
            name,
            state,
            tax_id,
        )

        address.additional_properties = d
        return address

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
