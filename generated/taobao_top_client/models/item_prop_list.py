from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_prop import ItemProp


T = TypeVar("T", bound="ItemPropList")


@_attrs_define
class ItemPropList:
    """TOP's list wrapper `item_props.item_prop[]`; absent when there are no results."""

    item_prop: list[ItemProp] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_prop: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.item_prop, Unset):
            item_prop = []
            for item_prop_item_data in self.item_prop:
                item_prop_item = item_prop_item_data.to_dict()
                item_prop.append(item_prop_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if item_prop is not UNSET:
            field_dict["item_prop"] = item_prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _item_prop = d.pop("item_prop", UNSET)
        item_prop: list[ItemProp] | Unset = UNSET
        if _item_prop is not UNSET:
            item_prop = []
            if isinstance(_item_prop, Mapping):  # a one-element list sent as its element
                _item_prop = [_item_prop]
            for item_prop_item_data in _item_prop:
                item_prop_item = ItemProp.from_dict(item_prop_item_data)

                item_prop.append(item_prop_item)

        item_prop_list = cls(
            item_prop,
        )

        item_prop_list.additional_properties = d
        return item_prop_list

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


from ..models.item_prop import ItemProp  # noqa: E402
