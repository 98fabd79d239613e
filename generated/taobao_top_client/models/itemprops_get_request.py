from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.platform_type import PlatformType, check_platform_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItempropsGetRequest")


@_attrs_define
class ItempropsGetRequest:
    """Business parameters of `taobao.itemprops.get`, sent as the form body."""

    cid: int
    """ Leaf category id. """
    fields: str | Unset = UNSET
    """ ItemProp fields to return, comma-separated, e.g. `pid,name,must,multi,prop_values` (the service
    default), `is_key_prop,is_sale_prop,is_color_prop,is_enum_prop,is_input_prop,is_item_prop,
    parent_pid,parent_vid,status,sort_order,child_template,is_allow_alias,features`.
     """
    pid: int | Unset = UNSET
    """ Only this property. """
    parent_pid: int | Unset = UNSET
    """ Only the child properties of this parent property. """
    is_key_prop: bool | Unset = UNSET
    """ Only key properties (关键属性) — sent as `true` / `false`. """
    is_sale_prop: bool | Unset = UNSET
    """ Only sale (SKU) properties (销售属性) — sent as `true` / `false`. """
    is_color_prop: bool | Unset = UNSET
    """ Only color properties — sent as `true` / `false`. """
    is_enum_prop: bool | Unset = UNSET
    """ Only enumerable properties — sent as `true` / `false`. """
    is_input_prop: bool | Unset = UNSET
    """ Only properties the seller may type in — sent as `true` / `false`. """
    is_item_prop: bool | Unset = UNSET
    """ Only item (non-key, non-sale) properties — sent as `true` / `false`. """
    child_path: str | Unset = UNSET
    """ Path of a child property, made of the parent properties and values above it, `pid:vid;pid:vid`. """
    attr_keys: str | Unset = UNSET
    """ Feature keys to return in `features`, comma-separated (at most 50, the official SDK's check). """
    type_: PlatformType | Unset = UNSET
    """ Which category tree: 1 = Taobao (default when omitted), 2 = Tmall. """

    def to_dict(self) -> dict[str, Any]:
        cid = self.cid

        fields = self.fields

        pid = self.pid

        parent_pid = self.parent_pid

        is_key_prop = self.is_key_prop

        is_sale_prop = self.is_sale_prop

        is_color_prop = self.is_color_prop

        is_enum_prop = self.is_enum_prop

        is_input_prop = self.is_input_prop

        is_item_prop = self.is_item_prop

        child_path = self.child_path

        attr_keys = self.attr_keys

        type_: int | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cid": cid,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if pid is not UNSET:
            field_dict["pid"] = pid
        if parent_pid is not UNSET:
            field_dict["parent_pid"] = parent_pid
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
        if child_path is not UNSET:
            field_dict["child_path"] = child_path
        if attr_keys is not UNSET:
            field_dict["attr_keys"] = attr_keys
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid")

        fields = d.pop("fields", UNSET)

        pid = d.pop("pid", UNSET)

        parent_pid = d.pop("parent_pid", UNSET)

        is_key_prop = d.pop("is_key_prop", UNSET)

        is_sale_prop = d.pop("is_sale_prop", UNSET)

        is_color_prop = d.pop("is_color_prop", UNSET)

        is_enum_prop = d.pop("is_enum_prop", UNSET)

        is_input_prop = d.pop("is_input_prop", UNSET)

        is_item_prop = d.pop("is_item_prop", UNSET)

        child_path = d.pop("child_path", UNSET)

        attr_keys = d.pop("attr_keys", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: PlatformType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_platform_type(_type_)

        itemprops_get_request = cls(
            cid,
            fields,
            pid,
            parent_pid,
            is_key_prop,
            is_sale_prop,
            is_color_prop,
            is_enum_prop,
            is_input_prop,
            is_item_prop,
            child_path,
            attr_keys,
            type_,
        )

        return itemprops_get_request
