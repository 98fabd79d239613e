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


T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.

    """

    zip_: str | None = None

    country: str | None = None
    """ Country, e.g. `CN`. """

    address: str | None = None
    """ Street address. """

    phone: str | None = None

    city: str | None = None

    mobile_phone: str | None = None

    district: str | None = None

    name: str | None = None
    """ Receiver name. """

    state: str | None = None
    """ State / province. """

    tax_id: str | None = None
    """ The receiver's tax id, where the destination requires one (upstream). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        zip_ = self.zip_
        if zip_ is not None:
            field_dict["zip"] = zip_
        country = self.country
        if country is not None:
            field_dict["country"] = country
        address = self.address
        if address is not None:
            field_dict["address"] = address
        phone = self.phone
        if phone is not None:
            field_dict["phone"] = phone
        city = self.city
        if city is not None:
            field_dict["city"] = city
        mobile_phone = self.mobile_phone
        if mobile_phone is not None:
            field_dict["mobile_phone"] = mobile_phone
        district = self.district
        if district is not None:
            field_dict["district"] = district
        name = self.name
        if name is not None:
            field_dict["name"] = name
        state = self.state
        if state is not None:
            field_dict["state"] = state
        tax_id = self.tax_id
        if tax_id is not None:
            field_dict["taxId"] = tax_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        zip_ = d.pop("zip", None)
        if type(zip_) is not str and zip_ is not None:
            zip_ = as_str(zip_, "Address", "zip")

        country = d.pop("country", None)
        if type(country) is not str and country is not None:
            country = as_str(country, "Address", "country")

        address = d.pop("address", None)
        if type(address) is not str and address is not None:
            address = as_str(address, "Address", "address")

        phone = d.pop("phone", None)
        if type(phone) is not str and phone is not None:
            phone = as_str(phone, "Address", "phone")

        city = d.pop("city", None)
        if type(city) is not str and city is not None:
            city = as_str(city, "Address", "city")

        mobile_phone = d.pop("mobile_phone", None)
        if type(mobile_phone) is not str and mobile_phone is not None:
            mobile_phone = as_str(mobile_phone, "Address", "mobile_phone")

        district = d.pop("district", None)
        if type(district) is not str and district is not None:
            district = as_str(district, "Address", "district")

        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "Address", "name")

        state = d.pop("state", None)
        if type(state) is not str and state is not None:
            state = as_str(state, "Address", "state")

        tax_id = d.pop("taxId", None)
        if type(tax_id) is not str and tax_id is not None:
            tax_id = as_str(tax_id, "Address", "taxId")

        if cls is Address:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.zip_ = zip_
            instance_.country = country
            instance_.address = address
            instance_.phone = phone
            instance_.city = city
            instance_.mobile_phone = mobile_phone
            instance_.district = district
            instance_.name = name
            instance_.state = state
            instance_.tax_id = tax_id
            instance_.additional_properties = d
            return instance_
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
