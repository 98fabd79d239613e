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
    from ..models.itemcats_get_response import ItemcatsGetResponse


T = TypeVar("T", bound="ItemcatsGetResponseEnvelope")


@_attrs_define
class ItemcatsGetResponseEnvelope:
    """Success body of `taobao.itemcats.get`."""

    itemcats_get_response: ItemcatsGetResponse
    """ The requested categories. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        itemcats_get_response = self.itemcats_get_response
        field_dict["itemcats_get_response"] = itemcats_get_response.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itemcats_get_response = d.pop("itemcats_get_response")
        itemcats_get_response = (
            ItemcatsGetResponse.from_dict(itemcats_get_response)
            if type(itemcats_get_response) is dict
            else as_model(
                ItemcatsGetResponse, itemcats_get_response, "ItemcatsGetResponseEnvelope", "itemcats_get_response"
            )
        )

        if cls is ItemcatsGetResponseEnvelope:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.itemcats_get_response = itemcats_get_response
            return instance_
        itemcats_get_response_envelope = cls(
            itemcats_get_response,
        )
        return itemcats_get_response_envelope

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.itemcats_get_response import ItemcatsGetResponse  # noqa: E402
