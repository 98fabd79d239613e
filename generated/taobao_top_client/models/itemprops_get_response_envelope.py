from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.itemprops_get_response import ItempropsGetResponse


T = TypeVar("T", bound="ItempropsGetResponseEnvelope")


@_attrs_define
class ItempropsGetResponseEnvelope:
    """Success body of `taobao.itemprops.get`."""

    itemprops_get_response: ItempropsGetResponse
    """ The requested properties of the category. """

    def to_dict(self) -> dict[str, Any]:
        itemprops_get_response = self.itemprops_get_response.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "itemprops_get_response": itemprops_get_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itemprops_get_response = ItempropsGetResponse.from_dict(d.pop("itemprops_get_response"))

        itemprops_get_response_envelope = cls(
            itemprops_get_response,
        )

        return itemprops_get_response_envelope


from ..models.itemprops_get_response import ItempropsGetResponse  # noqa: E402
