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


T = TypeVar("T", bound="ItemCat")


@_attrs_define
class ItemCat:
    """A standard item category. Only the fields requested in `fields` are present."""

    cid: int | None = None
    """ Category id. """

    parent_cid: int | None = None
    """ Parent category id (0 for a root category). """

    name: str | None = None
    """ Category name. """

    is_parent: bool | None = None
    """ Whether it has child categories (only leaf categories can be used to publish). """

    status: str | None = None
    """ `normal` or `deleted`. """

    sort_order: int | None = None
    """ Position among its siblings. """

    taosir_cat: bool | None = None
    """ Whether the category uses measurement (度量衡) properties. """

    features: FeatureList | None = None
    """ TOP's list wrapper `features.feature[]`. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        cid = self.cid
        if cid is not None:
            field_dict["cid"] = cid
        parent_cid = self.parent_cid
        if parent_cid is not None:
            field_dict["parent_cid"] = parent_cid
        name = self.name
        if name is not None:
            field_dict["name"] = name
        is_parent = self.is_parent
        if is_parent is not None:
            field_dict["is_parent"] = is_parent
        status = self.status
        if status is not None:
            field_dict["status"] = status
        sort_order = self.sort_order
        if sort_order is not None:
            field_dict["sort_order"] = sort_order
        taosir_cat = self.taosir_cat
        if taosir_cat is not None:
            field_dict["taosir_cat"] = taosir_cat
        features = self.features
        if features is not None:
            field_dict["features"] = features.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid", None)
        if type(cid) is not int and cid is not None:
            cid = as_int(cid, "ItemCat", "cid")

        parent_cid = d.pop("parent_cid", None)
        if type(parent_cid) is not int and parent_cid is not None:
            parent_cid = as_int(parent_cid, "ItemCat", "parent_cid")

        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "ItemCat", "name")

        is_parent = d.pop("is_parent", None)
        if type(is_parent) is not bool and is_parent is not None:
            is_parent = as_bool(is_parent, "ItemCat", "is_parent")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "ItemCat", "status")

        sort_order = d.pop("sort_order", None)
        if type(sort_order) is not int and sort_order is not None:
            sort_order = as_int(sort_order, "ItemCat", "sort_order")

        taosir_cat = d.pop("taosir_cat", None)
        if type(taosir_cat) is not bool and taosir_cat is not None:
            taosir_cat = as_bool(taosir_cat, "ItemCat", "taosir_cat")

        features = d.pop("features", None)
        if features is not None:
            features = (
                FeatureList.from_dict(features)
                if type(features) is dict
                else as_model(FeatureList, features, "ItemCat", "features")
            )

        if cls is ItemCat:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.cid = cid
            instance_.parent_cid = parent_cid
            instance_.name = name
            instance_.is_parent = is_parent
            instance_.status = status
            instance_.sort_order = sort_order
            instance_.taosir_cat = taosir_cat
            instance_.features = features
            instance_.additional_properties = d
            return instance_
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
