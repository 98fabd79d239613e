from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_model,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.itemprops_get_response import ItempropsGetResponse


T = TypeVar("T", bound="ItempropsGetResponseEnvelope")


@_attrs_define
class ItempropsGetResponseEnvelope:
    """Success body of `taobao.itemprops.get`."""

    itemprops_get_response: ItempropsGetResponse
    """ The requested properties of the category. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        itemprops_get_response = self.itemprops_get_response
        field_dict["itemprops_get_response"] = itemprops_get_response.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itemprops_get_response = d.pop("itemprops_get_response")
        itemprops_get_response = (
            ItempropsGetResponse.from_dict(itemprops_get_response)
            if type(itemprops_get_response) is dict
            else as_model(
                ItempropsGetResponse, itemprops_get_response, "ItempropsGetResponseEnvelope", "itemprops_get_response"
            )
        )

        if cls is ItempropsGetResponseEnvelope:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.itemprops_get_response = itemprops_get_response
            return instance_
        itemprops_get_response_envelope = cls(
            itemprops_get_response,
        )
        return itemprops_get_response_envelope

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.itemprops_get_response import ItempropsGetResponse  # noqa: E402
