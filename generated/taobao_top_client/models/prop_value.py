from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_bool,
    as_int,
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.feature_list import FeatureList


T = TypeVar("T", bound="PropValue")


@_attrs_define
class PropValue:
    """A value of a category property. Only the fields requested in `fields` are present."""

    cid: int | None = None
    """ Category id. """

    pid: int | None = None
    """ Property id. """

    prop_name: str | None = None
    """ Property name. """

    vid: int | None = None
    """ Value id (negative for custom values). """

    name: str | None = None
    """ Value name. """

    name_alias: str | None = None
    """ Value alias. """

    is_parent: bool | None = None
    """ Whether the value has child properties. """

    status: str | None = None
    """ `normal` or `deleted`. """

    sort_order: int | None = None
    """ Position among the values. """

    features: FeatureList | None = None
    """ TOP's list wrapper `features.feature[]`. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        cid = self.cid
        if cid is not None:
            field_dict["cid"] = cid
        pid = self.pid
        if pid is not None:
            field_dict["pid"] = pid
        prop_name = self.prop_name
        if prop_name is not None:
            field_dict["prop_name"] = prop_name
        vid = self.vid
        if vid is not None:
            field_dict["vid"] = vid
        name = self.name
        if name is not None:
            field_dict["name"] = name
        name_alias = self.name_alias
        if name_alias is not None:
            field_dict["name_alias"] = name_alias
        is_parent = self.is_parent
        if is_parent is not None:
            field_dict["is_parent"] = is_parent
        status = self.status
        if status is not None:
            field_dict["status"] = status
        sort_order = self.sort_order
        if sort_order is not None:
            field_dict["sort_order"] = sort_order
        features = self.features
        if features is not None:
            field_dict["features"] = features.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid", None)
        if type(cid) is not int and cid is not None:
            cid = as_int(cid, "PropValue", "cid")

        pid = d.pop("pid", None)
        if type(pid) is not int and pid is not None:
            pid = as_int(pid, "PropValue", "pid")

        prop_name = d.pop("prop_name", None)
        if type(prop_name) is not str and prop_name is not None:
            prop_name = as_str(prop_name, "PropValue", "prop_name")

        vid = d.pop("vid", None)
        if type(vid) is not int and vid is not None:
            vid = as_int(vid, "PropValue", "vid")

        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "PropValue", "name")

        name_alias = d.pop("name_alias", None)
        if type(name_alias) is not str and name_alias is not None:
            name_alias = as_str(name_alias, "PropValue", "name_alias")

        is_parent = d.pop("is_parent", None)
        if type(is_parent) is not bool and is_parent is not None:
            is_parent = as_bool(is_parent, "PropValue", "is_parent")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "PropValue", "status")

        sort_order = d.pop("sort_order", None)
        if type(sort_order) is not int and sort_order is not None:
            sort_order = as_int(sort_order, "PropValue", "sort_order")

        features = d.pop("features", None)
        if features is not None:
            features = (
                FeatureList.from_dict(features)
                if type(features) is dict
                else as_model(FeatureList, features, "PropValue", "features")
            )

        if cls is PropValue:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.cid = cid
            instance_.pid = pid
            instance_.prop_name = prop_name
            instance_.vid = vid
            instance_.name = name
            instance_.name_alias = name_alias
            instance_.is_parent = is_parent
            instance_.status = status
            instance_.sort_order = sort_order
            instance_.features = features
            instance_.additional_properties = d
            return instance_
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


from ..models.feature_list import FeatureList  # noqa: E402
