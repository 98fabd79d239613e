from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.itempropvalues_get_response import ItempropvaluesGetResponse


T = TypeVar("T", bound="ItempropvaluesGetResponseEnvelope")


@_attrs_define
class ItempropvaluesGetResponseEnvelope:
    """Success body of `taobao.itempropvalues.get`."""

    itempropvalues_get_response: ItempropvaluesGetResponse
    """ The requested property values. """

    def to_dict(self) -> dict[str, Any]:
        itempropvalues_get_response = self.itempropvalues_get_response.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "itempropvalues_get_response": itempropvalues_get_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itempropvalues_get_response = ItempropvaluesGetResponse.from_dict(d.pop("itempropvalues_get_response"))

        itempropvalues_get_response_envelope = cls(
            itempropvalues_get_response,
        )

        return itempropvalues_get_response_envelope


from ..models.itempropvalues_get_response import ItempropvaluesGetResponse  # noqa: E402
