from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature_list import FeatureList
    from ..models.prop_value_list import PropValueList


T = TypeVar("T", bound="ItemProp")


@_attrs_define
class ItemProp:
    """A category property. Only the fields requested in `fields` are present."""

    pid: int | Unset = UNSET
    """ Property id. """
    parent_pid: int | Unset = UNSET
    """ Parent property id (0 for a top-level property). """
    parent_vid: int | Unset = UNSET
    """ Value of the parent property under which this child property applies. """
    name: str | Unset = UNSET
    """ Property name. """
    must: bool | Unset = UNSET
    """ Whether the property is required when publishing. """
    multi: bool | Unset = UNSET
    """ Whether several values may be chosen. """
    is_key_prop: bool | Unset = UNSET
    """ Key property (关键属性). """
    is_sale_prop: bool | Unset = UNSET
    """ Sale (SKU) property (销售属性). """
    is_color_prop: bool | Unset = UNSET
    """ Color property. """
    is_enum_prop: bool | Unset = UNSET
    """ Enumerable property. """
    is_input_prop: bool | Unset = UNSET
    """ When enumerable, whether the seller may also type a value. """
    is_item_prop: bool | Unset = UNSET
    """ Item property (商品属性). """
    is_allow_alias: bool | Unset = UNSET
    """ Whether values may be given an alias. """
    child_template: str | Unset = UNSET
    """ Template of the child properties (when the seller types a value). """
    status: str | Unset = UNSET
    """ `normal` or `deleted`. """
    sort_order: int | Unset = UNSET
    """ Position among the properties. """
    prop_values: PropValueList | Unset = UNSET
    """ TOP's list wrapper `prop_values.prop_value[]`; absent when there are no results. """
    features: FeatureList | Unset = UNSET
    """ TOP's list wrapper `features.feature[]`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pid = self.pid

        parent_pid = self.parent_pid

        parent_vid = self.parent_vid

        name = self.name

        must = self.must

        multi = self.multi

        is_key_prop = self.is_key_prop

        is_sale_prop = self.is_sale_prop

        is_color_prop = self.is_color_prop

        is_enum_prop = self.is_enum_prop

        is_input_prop = self.is_input_prop

        is_item_prop = self.is_item_prop

        is_allow_alias = self.is_allow_alias

        child_template = self.child_template

        status = self.status

        sort_order = self.sort_order

        prop_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prop_values, Unset):
            prop_values = self.prop_values.to_dict()

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pid is not UNSET:
            field_dict["pid"] = pid
        if parent_pid is not UNSET:
            field_dict["parent_pid"] = parent_pid
        if parent_vid is not UNSET:
            field_dict["parent_vid"] = parent_vid
        if name is not UNSET:
            field_dict["name"] = name
        if must is not UNSET:
            field_dict["must"] = must
        if multi is not UNSET:
            field_dict["multi"] = multi
        if is_key_prop is not UNSET:
            field_dict["is_key_prop"] = is_key_prop
        if is_sale_prop is not UNSET:
            field_dict["is_sale_prop"] = is_sale_prop
        if is_color_prop is not UNSET:
            field_dict["is_color_prop"] = is_color_prop
        if is_enum_prop is not UNSET:
            field_dict["is_enum_prop"] = is_enum_prop
        if is_input_prop is not UNSET:
            field_dict["is_input_prop"] = is_input_prop
        if is_item_prop is not UNSET:
            field_dict["is_item_prop"] = is_item_prop
        if is_allow_alias is not UNSET:
            field_dict["is_allow_alias"] = is_allow_alias
        if child_template is not UNSET:
            field_dict["child_template"] = child_template
        if status is not UNSET:
            field_dict["status"] = status
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order
        if prop_values is not UNSET:
            field_dict["prop_values"] = prop_values
        if features is not UNSET:
            field_dict["features"] = features

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pid = d.pop("pid", UNSET)

        parent_pid = d.pop("parent_pid", UNSET)

        parent_vid = d.pop("parent_vid", UNSET)

        name = d.pop("name", UNSET)

        must = d.pop("must", UNSET)

        multi = d.pop("multi", UNSET)

        is_key_prop = d.pop("is_key_prop", UNSET)

        is_sale_prop = d.pop("is_sale_prop", UNSET)

        is_color_prop = d.pop("is_color_prop", UNSET)

        is_enum_prop = d.pop("is_enum_prop", UNSET)

        is_input_prop = d.pop("is_input_prop", UNSET)

        is_item_prop = d.pop("is_item_prop", UNSET)

        is_allow_alias = d.pop("is_allow_alias", UNSET)

        child_template = d.pop("child_template", UNSET)

        status = d.pop("status", UNSET)

        sort_order = d.pop("sort_order", UNSET)

        _prop_values = d.pop("prop_values", UNSET)
        prop_values: PropValueList | Unset
        if isinstance(_prop_values, Unset):
            prop_values = UNSET
        else:
            prop_values = PropValueList.from_dict(_prop_values)

        _features = d.pop("features", UNSET)
        features: FeatureList | Unset
        if isinstance(_features, Unset):
            features = UNSET
        else:
            features = FeatureList.from_dict(_features)

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
