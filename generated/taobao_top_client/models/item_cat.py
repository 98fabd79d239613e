from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature_list import FeatureList


T = TypeVar("T", bound="ItemCat")


@_attrs_define
class ItemCat:
    """A standard item category. Only the fields requested in `fields` are present."""

    cid: int | Unset = UNSET
    """ Category id. """
    parent_cid: int | Unset = UNSET
    """ Parent category id (0 for a root category). """
    name: str | Unset = UNSET
    """ Category name. """
    is_parent: bool | Unset = UNSET
    """ Whether it has child categories (only leaf categories can be used to publish). """
    status: str | Unset = UNSET
    """ `normal` or `deleted`. """
    sort_order: int | Unset = UNSET
    """ Position among its siblings. """
    taosir_cat: bool | Unset = UNSET
    """ Whether the category uses measurement (度量衡) properties. """
    features: FeatureList | Unset = UNSET
    """ TOP's list wrapper `features.feature[]`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cid = self.cid

        parent_cid = self.parent_cid

        name = self.name

        is_parent = self.is_parent

        status = self.status

        sort_order = self.sort_order

        taosir_cat = self.taosir_cat

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cid is not UNSET:
            field_dict["cid"] = cid
        if parent_cid is not UNSET:
            field_dict["parent_cid"] = parent_cid
        if name is not UNSET:
            field_dict["name"] = name
        if is_parent is not UNSET:
            field_dict["is_parent"] = is_parent
        if status is not UNSET:
            field_dict["status"] = status
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order
        if taosir_cat is not UNSET:
            field_dict["taosir_cat"] = taosir_cat
        if features is not UNSET:
            field_dict["features"] = features

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid", UNSET)

        parent_cid = d.pop("parent_cid", UNSET)

        name = d.pop("name", UNSET)

        is_parent = d.pop("is_parent", UNSET)

        status = d.pop("status", UNSET)

        sort_order = d.pop("sort_order", UNSET)

        taosir_cat = d.pop("taosir_cat", UNSET)

        _features = d.pop("features", UNSET)
        features: FeatureList | Unset
        if isinstance(_features, Unset):
            features = UNSET
        else:
            features = FeatureList.from_dict(_features)

        item_cat = cls(
            cid,
            parent_cid,
            name,
            is_parent,
            status,
            sort_order,
            taosir_cat,
            features,
        )

        item_cat.additional_properties = d
        return item_cat

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


from ..models.feature_list import FeatureList  # noqa: E402
