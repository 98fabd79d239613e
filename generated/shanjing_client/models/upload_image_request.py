from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import (
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="UploadImageRequest")


@_attrs_define
class UploadImageRequest:
    """The multipart body of uploadImage: the single field `image_base64` (no other part is sent)."""

    image_base64: str
    """ The Base64 text (no `data:` prefix) of a jpg, jpeg, png or webp image of at most 3 MB. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        image_base64 = self.image_base64
        field_dict["image_base64"] = image_base64
        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("image_base64", (None, str(self.image_base64).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_base64 = d.pop("image_base64")
        if type(image_base64) is not str:
            image_base64 = as_str(image_base64, "UploadImageRequest", "image_base64")

        if cls is UploadImageRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.image_base64 = image_base64
            return instance_
        upload_image_request = cls(
            image_base64,
        )
        return upload_image_request

    def __repr__(self) -> str:
        return model_repr(self)
