from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.item_cat_list import ItemCatList


T = TypeVar("T", bound="ItemcatsGetResponse")


@_attrs_define
class ItemcatsGetResponse:
    """The requested categories."""

    item_cats: ItemCatList | None = None
    """ TOP's list wrapper `item_cats.item_cat[]`; absent when there are no results. """

    last_modified: str | None = None
    """ Last change of the category tree, `yyyy-MM-dd HH:mm:ss` (GMT+8). """

    request_id: str | None = None
    """ Gateway request id. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_cats = self.item_cats
        if item_cats is not None:
            field_dict["item_cats"] = item_cats.to_dict()
        last_modified = self.last_modified
        if last_modified is not None:
            field_dict["last_modified"] = last_modified
        request_id = self.request_id
        if request_id is not None:
            field_dict["request_id"] = request_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_cats = d.pop("item_cats", None)
        if item_cats is not None:
            item_cats = (
                ItemCatList.from_dict(item_cats)
                if type(item_cats) is dict
                else as_model(ItemCatList, item_cats, "ItemcatsGetResponse", "item_cats")
            )

        last_modified = d.pop("last_modified", None)
        if type(last_modified) is not str and last_modified is not None:
            last_modified = as_str(last_modified, "ItemcatsGetResponse", "last_modified")

        request_id = d.pop("request_id", None)
        if type(request_id) is not str and request_id is not None:
            request_id = as_str(request_id, "ItemcatsGetResponse", "request_id")

        if cls is ItemcatsGetResponse:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_cats = item_cats
            instance_.last_modified = last_modified
            instance_.request_id = request_id
            instance_.additional_properties = d
            return instance_
        itemcats_get_response = cls(
            item_cats,
            last_modified,
            request_id,
        )
        itemcats_get_response.additional_properties = d
        return itemcats_get_response

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


from ..models.item_cat_list import ItemCatList  # noqa: E402
