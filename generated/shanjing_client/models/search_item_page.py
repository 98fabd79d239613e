from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_item import SearchItem


T = TypeVar("T", bound="SearchItemPage")


@_attrs_define
class SearchItemPage:
    """One page of keyword-search results. No total count: a page with fewer items than `page_size` is the
    last one.

    """

    page_no: int | Unset = UNSET
    page_size: int | Unset = UNSET
    data: list[SearchItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page_no = self.page_no

        page_size = self.page_size

        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page_no is not UNSET:
            field_dict["page_no"] = page_no
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        page_no = d.pop("page_no", UNSET)

        page_size = d.pop("page_size", UNSET)

        _data = d.pop("data", UNSET)
        data: list[SearchItem] | Unset = UNSET
        if _data is not UNSET:
            data = []
            if isinstance(_data, Mapping):  # a one-element list sent as its element
                _data = [_data]
            for data_item_data in _data:
                data_item = SearchItem.from_dict(data_item_data)

                data.append(data_item)

        search_item_page = cls(
            page_no,
            page_size,
            data,
        )

        search_item_page.additional_properties = d
        return search_item_page

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
