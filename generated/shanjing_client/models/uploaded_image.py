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


T = TypeVar("T", bound="UploadedImage")


@_attrs_define
class UploadedImage:
    """The uploaded image."""

    image_id: str | None = None
    """ The image id, for imageSearch's `image_id` (a decimal string that may exceed 2^53). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        image_id = self.image_id
        if image_id is not None:
            field_dict["imageId"] = image_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_id = d.pop("imageId", None)
        if type(image_id) is not str and image_id is not None:
            image_id = as_str(image_id, "UploadedImage", "imageId")

        if cls is UploadedImage:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.image_id = image_id
            instance_.additional_properties = d
            return instance_
        uploaded_image = cls(
            image_id,
        )
        uploaded_image.additional_properties = d
        return uploaded_image

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
