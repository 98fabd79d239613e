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
    from ..models.prop_value_list import PropValueList


T = TypeVar("T", bound="ItemProp")


@_attrs_define
class ItemProp:
    """A category property. Only the fields requested in `fields` are present."""

    pid: int | None = None
    """ Property id. """

    parent_pid: int | None = None
    """ Parent property id (0 for a top-level property). """

    parent_vid: int | None = None
    """ Value of the parent property under which this child property applies. """

    name: str | None = None
    """ Property name. """

    must: bool | None = None
    """ Whether the property is required when publishing. """

    multi: bool | None = None
    """ Whether several values may be chosen. """

    is_key_prop: bool | None = None
    """ Key property (关键属性). """

    is_sale_prop: bool | None = None
    """ Sale (SKU) property (销售属性). """

    is_color_prop: bool | None = None
    """ Color property. """

    is_enum_prop: bool | None = None
    """ Enumerable property. """

    is_input_prop: bool | None = None
    """ When enumerable, whether the seller may also type a value. """

    is_item_prop: bool | None = None
    """ Item property (商品属性). """

    is_allow_alias: bool | None = None
    """ Whether values may be given an alias. """

    child_template: str | None = None
    """ Template of the child properties (when the seller types a value). """

    status: str | None = None
    """ `normal` or `deleted`. """

    sort_order: int | None = None
    """ Position among the properties. """

    prop_values: PropValueList | None = None
    """ TOP's list wrapper `prop_values.prop_value[]`; absent when there are no results. """

    features: FeatureList | None = None
    """ TOP's list wrapper `features.feature[]`. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        pid = self.pid
        if pid is not None:
            field_dict["pid"] = pid
        parent_pid = self.parent_pid
        if parent_pid is not None:
            field_dict["parent_pid"] = parent_pid
        parent_vid = self.parent_vid
        if parent_vid is not None:
            field_dict["parent_vid"] = parent_vid
        name = self.name
        if name is not None:
            field_dict["name"] = name
        must = self.must
        if must is not None:
            field_dict["must"] = must
        multi = self.multi
        if multi is not None:
            field_dict["multi"] = multi
        is_key_prop = self.is_key_prop
        if is_key_prop is not None:
            field_dict["is_key_prop"] = is_key_prop
        is_sale_prop = self.is_sale_prop
        if is_sale_prop is not None:
            field_dict["is_sale_prop"] = is_sale_prop
        is_color_prop = self.is_color_prop
        if is_color_prop is not None:
            field_dict["is_color_prop"] = is_color_prop
        is_enum_prop = self.is_enum_prop
        if is_enum_prop is not None:
            field_dict["is_enum_prop"] = is_enum_prop
        is_input_prop = self.is_input_prop
        if is_input_prop is not None:
            field_dict["is_input_prop"] = is_input_prop
        is_item_prop = self.is_item_prop
        if is_item_prop is not None:
            field_dict["is_item_prop"] = is_item_prop
        is_allow_alias = self.is_allow_alias
        if is_allow_alias is not None:
            field_dict["is_allow_alias"] = is_allow_alias
        child_template = self.child_template
        if child_template is not None:
            field_dict["child_template"] = child_template
        status = self.status
        if status is not None:
            field_dict["status"] = status
        sort_order = self.sort_order
        if sort_order is not None:
            field_dict["sort_order"] = sort_order
        prop_values = self.prop_values
        if prop_values is not None:
            field_dict["prop_values"] = prop_values.to_dict()
        features = self.features
        if features is not None:
            field_dict["features"] = features.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pid = d.pop("pid", None)
        if type(pid) is not int and pid is not None:
            pid = as_int(pid, "ItemProp", "pid")

        parent_pid = d.pop("parent_pid", None)
        if type(parent_pid) is not int and parent_pid is not None:
            parent_pid = as_int(parent_pid, "ItemProp", "parent_pid")

        parent_vid = d.pop("parent_vid", None)
        if type(parent_vid) is not int and parent_vid is not None:
            parent_vid = as_int(parent_vid, "ItemProp", "parent_vid")

        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "ItemProp", "name")

        must = d.pop("must", None)
        if type(must) is not bool and must is not None:
            must = as_bool(must, "ItemProp", "must")

        multi = d.pop("multi", None)
        if type(multi) is not bool and multi is not None:
            multi = as_bool(multi, "ItemProp", "multi")

        is_key_prop = d.pop("is_key_prop", None)
        if type(is_key_prop) is not bool and is_key_prop is not None:
            is_key_prop = as_bool(is_key_prop, "ItemProp", "is_key_prop")

        is_sale_prop = d.pop("is_sale_prop", None)
        if type(is_sale_prop) is not bool and is_sale_prop is not None:
            is_sale_prop = as_bool(is_sale_prop, "ItemProp", "is_sale_prop")

        is_color_prop = d.pop("is_color_prop", None)
        if type(is_color_prop) is not bool and is_color_prop is not None:
            is_color_prop = as_bool(is_color_prop, "ItemProp", "is_color_prop")

        is_enum_prop = d.pop("is_enum_prop", None)
        if type(is_enum_prop) is not bool and is_enum_prop is not None:
            is_enum_prop = as_bool(is_enum_prop, "ItemProp", "is_enum_prop")

        is_input_prop = d.pop("is_input_prop", None)
        if type(is_input_prop) is not bool and is_input_prop is not None:
            is_input_prop = as_bool(is_input_prop, "ItemProp", "is_input_prop")

        is_item_prop = d.pop("is_item_prop", None)
        if type(is_item_prop) is not bool and is_item_prop is not None:
            is_item_prop = as_bool(is_item_prop, "ItemProp", "is_item_prop")

        is_allow_alias = d.pop("is_allow_alias", None)
        if type(is_allow_alias) is not bool and is_allow_alias is not None:
            is_allow_alias = as_bool(is_allow_alias, "ItemProp", "is_allow_alias")

        child_template = d.pop("child_template", None)
        if type(child_template) is not str and child_template is not None:
            child_template = as_str(child_template, "ItemProp", "child_template")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "ItemProp", "status")

        sort_order = d.pop("sort_order", None)
        if type(sort_order) is not int and sort_order is not None:
            sort_order = as_int(sort_order, "ItemProp", "sort_order")

        prop_values = d.pop("prop_values", None)
        if prop_values is not None:
            prop_values = (
                PropValueList.from_dict(prop_values)
                if type(prop_values) is dict
                else as_model(PropValueList, prop_values, "ItemProp", "prop_values")
            )

        features = d.pop("features", None)
        if features is not None:
            features = (
                FeatureList.from_dict(features)
                if type(features) is dict
                else as_model(FeatureList, features, "ItemProp", "features")
            )

        if cls is ItemProp:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.pid = pid
            instance_.parent_pid = parent_pid
            instance_.parent_vid = parent_vid
            instance_.name = name
            instance_.must = must
            instance_.multi = multi
            instance_.is_key_prop = is_key_prop
            instance_.is_sale_prop = is_sale_prop
            instance_.is_color_prop = is_color_prop
            instance_.is_enum_prop = is_enum_prop
            instance_.is_input_prop = is_input_prop
            instance_.is_item_prop = is_item_prop
            instance_.is_allow_alias = is_allow_alias
            instance_.child_template = child_template
            instance_.status = status
            instance_.sort_order = sort_order
            instance_.prop_values = prop_values
            instance_.features = features
            instance_.additional_properties = d
            return instance_
        item_prop = cls(
            pid,
            parent_pid,
            parent_vid,
            name,
            must,
            multi,
            is_key_prop,
            is_sale_prop,
            is_color_prop,
            is_enum_prop,
            is_input_prop,
            is_item_prop,
            is_allow_alias,
            child_template,
            status,
            sort_order,
            prop_values,
            features,
        )
        item_prop.additional_properties = d
        return item_prop

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
from ..models.prop_value_list import PropValueList  # noqa: E402
