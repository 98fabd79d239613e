from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_cat_list import ItemCatList


T = TypeVar("T", bound="ItemcatsGetResponse")


@_attrs_define
class ItemcatsGetResponse:
    """The requested categories."""

    item_cats: ItemCatList | Unset = UNSET
    """ TOP's list wrapper `item_cats.item_cat[]`; absent when there are no results. """
    last_modified: str | Unset = UNSET
    """ Last change of the category tree, `yyyy-MM-dd HH:mm:ss` (GMT+8). """
    request_id: str | Unset = UNSET
    """ Gateway request id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_cats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item_cats, Unset):
            item_cats = self.item_cats.to_dict()

        last_modified = self.last_modified

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if item_cats is not UNSET:
            field_dict["item_cats"] = item_cats
        if last_modified is not UNSET:
            field_dict["last_modified"] = last_modified
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _item_cats = d.pop("item_cats", UNSET)
        item_cats: ItemCatList | Unset
        if isinstance(_item_cats, Unset):
            item_cats = UNSET
        else:
            item_cats = ItemCatList.from_dict(_item_cats)

        last_modified = d.pop("last_modified", UNSET)

        request_id = d.pop("request_id", UNSET)

        itemcats_get_response = cls(
            item_cats,
            last_modified,
            request_id,
        )

        itemcats_get_response.additional_properties = d
        return itemcats_get_response

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


from ..models.item_cat_list import ItemCatList  # noqa: E402
