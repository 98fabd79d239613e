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


T = TypeVar("T", bound="PropertyImage")


@_attrs_define
class PropertyImage:
    """The image of a property value (upstream `{properties, image_url}`)."""

    properties: str | None = None
    """ The property pair, e.g. `1627207:28320`. """

    image_url: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        properties = self.properties
        if properties is not None:
            field_dict["properties"] = properties
        image_url = self.image_url
        if image_url is not None:
            field_dict["imageUrl"] = image_url
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        properties = d.pop("properties", None)
        if type(properties) is not str and properties is not None:
            properties = as_str(properties, "PropertyImage", "properties")

        image_url = d.pop("imageUrl", None)
        if type(image_url) is not str and image_url is not None:
            image_url = as_str(image_url, "PropertyImage", "imageUrl")

        if cls is PropertyImage:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.properties = properties
            instance_.image_url = image_url
            instance_.additional_properties = d
            return instance_
        property_image = cls(
            properties,
            image_url,
        )
        property_image.additional_properties = d
        return property_image

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
