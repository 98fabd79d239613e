from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature_list import FeatureList


T = TypeVar("T", bound="PropValue")


@_attrs_define
class PropValue:
    """A value of a category property. Only the fields requested in `fields` are present."""

    cid: int | Unset = UNSET
    """ Category id. """
    pid: int | Unset = UNSET
    """ Property id. """
    prop_name: str | Unset = UNSET
    """ Property name. """
    vid: int | Unset = UNSET
    """ Value id (negative for custom values). """
    name: str | Unset = UNSET
    """ Value name. """
    name_alias: str | Unset = UNSET
    """ Value alias. """
    is_parent: bool | Unset = UNSET
    """ Whether the value has child properties. """
    status: str | Unset = UNSET
    """ `normal` or `deleted`. """
    sort_order: int | Unset = UNSET
    """ Position among the values. """
    features: FeatureList | Unset = UNSET
    """ TOP's list wrapper `features.feature[]`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cid = self.cid

        pid = self.pid

        prop_name = self.prop_name

        vid = self.vid

        name = self.name

        name_alias = self.name_alias

        is_parent = self.is_parent

        status = self.status

        sort_order = self.sort_order

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cid is not UNSET:
            field_dict["cid"] = cid
        if pid is not UNSET:
            field_dict["pid"] = pid
        if prop_name is not UNSET:
            field_dict["prop_name"] = prop_name
        if vid is not UNSET:
            field_dict["vid"] = vid
        if name is not UNSET:
            field_dict["name"] = name
        if name_alias is not UNSET:
            field_dict["name_alias"] = name_alias
        if is_parent is not UNSET:
            field_dict["is_parent"] = is_parent
        if status is not UNSET:
            field_dict["status"] = status
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order
        if features is not UNSET:
            field_dict["features"] = features

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid", UNSET)

        pid = d.pop("pid", UNSET)

        prop_name = d.pop("prop_name", UNSET)

        vid = d.pop("vid", UNSET)

        name = d.pop("name", UNSET)

        name_alias = d.pop("name_alias", UNSET)

        is_parent = d.pop("is_parent", UNSET)

        status = d.pop("status", UNSET)

        sort_order = d.pop("sort_order", UNSET)

        _features = d.pop("features", UNSET)
        features: FeatureList | Unset
        if isinstance(_features, Unset):
            features = UNSET
        else:
            features = FeatureList.from_dict(_features)

        prop_value = cls(
            cid,
            pid,
            prop_name,
            vid,
            name,
            name_alias,
            is_parent,
            status,
            sort_order,
            features,
        )

        prop_value.additional_properties = d
        return prop_value

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
