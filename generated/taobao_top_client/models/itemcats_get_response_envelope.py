from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.itemcats_get_response import ItemcatsGetResponse


T = TypeVar("T", bound="ItemcatsGetResponseEnvelope")


@_attrs_define
class ItemcatsGetResponseEnvelope:
    """Success body of `taobao.itemcats.get`."""

    itemcats_get_response: ItemcatsGetResponse
    """ The requested categories. """

    def to_dict(self) -> dict[str, Any]:
        itemcats_get_response = self.itemcats_get_response.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "itemcats_get_response": itemcats_get_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itemcats_get_response = ItemcatsGetResponse.from_dict(d.pop("itemcats_get_response"))

        itemcats_get_response_envelope = cls(
            itemcats_get_response,
        )

        return itemcats_get_response_envelope


from ..models.itemcats_get_response import ItemcatsGetResponse  # noqa: E402
