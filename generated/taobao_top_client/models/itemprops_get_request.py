from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_bool,
    as_enum,
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


from ..models.platform_type import PlatformType, check_platform_type

T = TypeVar("T", bound="ItempropsGetRequest")


@_attrs_define
class ItempropsGetRequest:
    """Business parameters of `taobao.itemprops.get`, sent as the form body."""

    cid: int
    """ Leaf category id. """

    fields: str | None = None
    """ ItemProp fields to return, comma-separated, e.g. `pid,name,must,multi,prop_values` (the service
    default), `is_key_prop,is_sale_prop,is_color_prop,is_enum_prop,is_input_prop,is_item_prop,
    parent_pid,parent_vid,status,sort_order,child_template,is_allow_alias,features`.
     """

    pid: int | None = None
    """ Only this property. """

    parent_pid: int | None = None
    """ Only the child properties of this parent property. """

    is_key_prop: bool | None = None
    """ Only key properties (关键属性) — sent as `true` / `false`. """

    is_sale_prop: bool | None = None
    """ Only sale (SKU) properties (销售属性) — sent as `true` / `false`. """

    is_color_prop: bool | None = None
    """ Only color properties — sent as `true` / `false`. """

    is_enum_prop: bool | None = None
    """ Only enumerable properties — sent as `true` / `false`. """

    is_input_prop: bool | None = None
    """ Only properties the seller may type in — sent as `true` / `false`. """

    is_item_prop: bool | None = None
    """ Only item (non-key, non-sale) properties — sent as `true` / `false`. """

    child_path: str | None = None
    """ Path of a child property, made of the parent properties and values above it, `pid:vid;pid:vid`. """

    attr_keys: str | None = None
    """ Feature keys to return in `features`, comma-separated (at most 50, the official SDK's check). """

    type_: PlatformType | None = None
    """ Which category tree: 1 = Taobao (default when omitted), 2 = Tmall. """

    datetime_: str | None = None
    """ Ineffective: an incremental timestamp (`yyyy-MM-dd HH:mm:ss`) from the SDKs' request class; the reference
    notes it as ineffective.
     """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        cid = self.cid
        field_dict["cid"] = cid
        fields = self.fields
        if fields is not None:
            field_dict["fields"] = fields
        pid = self.pid
        if pid is not None:
            field_dict["pid"] = pid
        parent_pid = self.parent_pid
        if parent_pid is not None:
            field_dict["parent_pid"] = parent_pid
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
        child_path = self.child_path
        if child_path is not None:
            field_dict["child_path"] = child_path
        attr_keys = self.attr_keys
        if attr_keys is not None:
            field_dict["attr_keys"] = attr_keys
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_
        datetime_ = self.datetime_
        if datetime_ is not None:
            field_dict["datetime"] = datetime_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid")
        if type(cid) is not int:
            cid = as_int(cid, "ItempropsGetRequest", "cid")

        fields = d.pop("fields", None)
        if type(fields) is not str and fields is not None:
            fields = as_str(fields, "ItempropsGetRequest", "fields")

        pid = d.pop("pid", None)
        if type(pid) is not int and pid is not None:
            pid = as_int(pid, "ItempropsGetRequest", "pid")

        parent_pid = d.pop("parent_pid", None)
        if type(parent_pid) is not int and parent_pid is not None:
            parent_pid = as_int(parent_pid, "ItempropsGetRequest", "parent_pid")

        is_key_prop = d.pop("is_key_prop", None)
        if type(is_key_prop) is not bool and is_key_prop is not None:
            is_key_prop = as_bool(is_key_prop, "ItempropsGetRequest", "is_key_prop")

        is_sale_prop = d.pop("is_sale_prop", None)
        if type(is_sale_prop) is not bool and is_sale_prop is not None:
            is_sale_prop = as_bool(is_sale_prop, "ItempropsGetRequest", "is_sale_prop")

        is_color_prop = d.pop("is_color_prop", None)
        if type(is_color_prop) is not bool and is_color_prop is not None:
            is_color_prop = as_bool(is_color_prop, "ItempropsGetRequest", "is_color_prop")

        is_enum_prop = d.pop("is_enum_prop", None)
        if type(is_enum_prop) is not bool and is_enum_prop is not None:
            is_enum_prop = as_bool(is_enum_prop, "ItempropsGetRequest", "is_enum_prop")

        is_input_prop = d.pop("is_input_prop", None)
        if type(is_input_prop) is not bool and is_input_prop is not None:
            is_input_prop = as_bool(is_input_prop, "ItempropsGetRequest", "is_input_prop")

        is_item_prop = d.pop("is_item_prop", None)
        if type(is_item_prop) is not bool and is_item_prop is not None:
            is_item_prop = as_bool(is_item_prop, "ItempropsGetRequest", "is_item_prop")

        child_path = d.pop("child_path", None)
        if type(child_path) is not str and child_path is not None:
            child_path = as_str(child_path, "ItempropsGetRequest", "child_path")

        attr_keys = d.pop("attr_keys", None)
        if type(attr_keys) is not str and attr_keys is not None:
            attr_keys = as_str(attr_keys, "ItempropsGetRequest", "attr_keys")

        type_ = d.pop("type", None)
        if type_ is not None:
            type_ = as_enum(check_platform_type, type_, "ItempropsGetRequest", "type", "PlatformType")

        datetime_ = d.pop("datetime", None)
        if type(datetime_) is not str and datetime_ is not None:
            datetime_ = as_str(datetime_, "ItempropsGetRequest", "datetime")

        if cls is ItempropsGetRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.cid = cid
            instance_.fields = fields
            instance_.pid = pid
            instance_.parent_pid = parent_pid
            instance_.is_key_prop = is_key_prop
            instance_.is_sale_prop = is_sale_prop
            instance_.is_color_prop = is_color_prop
            instance_.is_enum_prop = is_enum_prop
            instance_.is_input_prop = is_input_prop
            instance_.is_item_prop = is_item_prop
            instance_.child_path = child_path
            instance_.attr_keys = attr_keys
            instance_.type_ = type_
            instance_.datetime_ = datetime_
            return instance_
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
            datetime_,
        )
        return itemprops_get_request

    def __repr__(self) -> str:
        return model_repr(self)
