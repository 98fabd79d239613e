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
    from ..models.itempropvalues_get_response import ItempropvaluesGetResponse


T = TypeVar("T", bound="ItempropvaluesGetResponseEnvelope")


@_attrs_define
class ItempropvaluesGetResponseEnvelope:
    """Success body of `taobao.itempropvalues.get`."""

    itempropvalues_get_response: ItempropvaluesGetResponse
    """ The requested property values. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        itempropvalues_get_response = self.itempropvalues_get_response
        field_dict["itempropvalues_get_response"] = itempropvalues_get_response.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itempropvalues_get_response = d.pop("itempropvalues_get_response")
        itempropvalues_get_response = (
            ItempropvaluesGetResponse.from_dict(itempropvalues_get_response)
            if type(itempropvalues_get_response) is dict
            else as_model(
                ItempropvaluesGetResponse,
                itempropvalues_get_response,
                "ItempropvaluesGetResponseEnvelope",
                "itempropvalues_get_response",
            )
        )

        if cls is ItempropvaluesGetResponseEnvelope:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.itempropvalues_get_response = itempropvalues_get_response
            return instance_
        itempropvalues_get_response_envelope = cls(
            itempropvalues_get_response,
        )
        return itempropvalues_get_response_envelope

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.itempropvalues_get_response import ItempropvaluesGetResponse  # noqa: E402
