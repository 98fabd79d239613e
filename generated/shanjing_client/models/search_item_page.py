from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_model_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.search_item import SearchItem


T = TypeVar("T", bound="SearchItemPage")


@_attrs_define
class SearchItemPage:
    """One page of keyword-search results. No total count: a page with fewer items than `page_size` is the
    last one.

    """

    page_no: int | None = None

    page_size: int | None = None

    data: list[SearchItem] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        page_no = self.page_no
        if page_no is not None:
            field_dict["page_no"] = page_no
        page_size = self.page_size
        if page_size is not None:
            field_dict["page_size"] = page_size
        data = self.data
        if data is not None:
            field_dict["data"] = [item.to_dict() for item in data]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        page_no = d.pop("page_no", None)
        if type(page_no) is not int and page_no is not None:
            page_no = as_int(page_no, "SearchItemPage", "page_no")

        page_size = d.pop("page_size", None)
        if type(page_size) is not int and page_size is not None:
            page_size = as_int(page_size, "SearchItemPage", "page_size")

        data = d.pop("data", None)
        if data is not None:
            data = (
                [
                    SearchItem.from_dict(item)
                    if type(item) is dict
                    else as_model(SearchItem, item, "SearchItemPage", "data")
                    for item in data
                ]
                if type(data) is list
                else as_model_list(SearchItem, data, "SearchItemPage", "data")
            )

        if cls is SearchItemPage:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.page_no = page_no
            instance_.page_size = page_size
            instance_.data = data
            instance_.additional_properties = d
            return instance_
        search_item_page = cls(
            page_no,
            page_size,
            data,
        )
        search_item_page.additional_properties = d
        return search_item_page

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


from ..models.search_item import SearchItem  # noqa: E402
