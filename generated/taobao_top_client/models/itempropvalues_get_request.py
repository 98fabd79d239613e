from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_enum,
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


from ..models.platform_type import PlatformType, check_platform_type

T = TypeVar("T", bound="ItempropvaluesGetRequest")


@_attrs_define
class ItempropvaluesGetRequest:
    """Business parameters of `taobao.itempropvalues.get`, sent as the form body."""

    cid: int
    """ Leaf category id. """

    fields: str
    """ PropValue fields to return, comma-separated, from `cid,pid,prop_name,vid,name,name_alias,status,sort_order`,
    at most 20 entries (the official SDK's check).
     """

    pvs: str | None = None
    """ Properties and values to return, `pid1;pid2`, `pid1:vid1;pid2:vid2` or mixed (`pid1;pid2:vid2`). """

    type_: PlatformType | None = None
    """ Which category tree: 1 = Taobao (default when omitted), 2 = Tmall. """

    attr_keys: str | None = None
    """ Feature keys to return, comma-separated (at most 20, the official SDK's check). """

    datetime_: str | None = None
    """ Ineffective: an incremental timestamp (`yyyy-MM-dd HH:mm:ss`) from the SDKs' request class; the reference
    notes it as ineffective.
     """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        cid = self.cid
        field_dict["cid"] = cid
        fields = self.fields
        field_dict["fields"] = fields
        pvs = self.pvs
        if pvs is not None:
            field_dict["pvs"] = pvs
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_
        attr_keys = self.attr_keys
        if attr_keys is not None:
            field_dict["attr_keys"] = attr_keys
        datetime_ = self.datetime_
        if datetime_ is not None:
            field_dict["datetime"] = datetime_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid")
        if type(cid) is not int:
            cid = as_int(cid, "ItempropvaluesGetRequest", "cid")

        fields = d.pop("fields")
        if type(fields) is not str:
            fields = as_str(fields, "ItempropvaluesGetRequest", "fields")

        pvs = d.pop("pvs", None)
        if type(pvs) is not str and pvs is not None:
            pvs = as_str(pvs, "ItempropvaluesGetRequest", "pvs")

        type_ = d.pop("type", None)
        if type_ is not None:
            type_ = as_enum(check_platform_type, type_, "ItempropvaluesGetRequest", "type", "PlatformType")

        attr_keys = d.pop("attr_keys", None)
        if type(attr_keys) is not str and attr_keys is not None:
            attr_keys = as_str(attr_keys, "ItempropvaluesGetRequest", "attr_keys")

        datetime_ = d.pop("datetime", None)
        if type(datetime_) is not str and datetime_ is not None:
            datetime_ = as_str(datetime_, "ItempropvaluesGetRequest", "datetime")

        if cls is ItempropvaluesGetRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.cid = cid
            instance_.fields = fields
            instance_.pvs = pvs
            instance_.type_ = type_
            instance_.attr_keys = attr_keys
            instance_.datetime_ = datetime_
            return instance_
        itempropvalues_get_request = cls(
            cid,
            fields,
            pvs,
            type_,
            attr_keys,
            datetime_,
        )
        return itempropvalues_get_request

    def __repr__(self) -> str:
        return model_repr(self)
