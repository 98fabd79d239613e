from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="ItemcatsGetRequest")


@_attrs_define
class ItemcatsGetRequest:
    """Business parameters of `taobao.itemcats.get`, sent as the form body. Give `cids` or `parent_cid`."""

    cids: str | None = None
    """ Category ids, comma-separated (at most 1000). A trailing comma is accepted: the official example is
    `18957,19562,`.
     """

    parent_cid: int | None = None
    """ Parent category id; `0` returns the root categories. """

    fields: str | None = None
    """ ItemCat fields to return, comma-separated, from
    `cid,parent_cid,name,is_parent,status,sort_order,features,taosir_cat`
    (service default `cid,parent_cid,name,is_parent`), at most 20 entries (the official SDK's check).
     """

    datetime_: str | None = None
    """ Ineffective: the SDK's text calls it an unusable field (无效字段，暂无法使用); once meant to return the categories
    changed since this time (`yyyy-MM-dd HH:mm:ss`).
     """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        cids = self.cids
        if cids is not None:
            field_dict["cids"] = cids
        parent_cid = self.parent_cid
        if parent_cid is not None:
            field_dict["parent_cid"] = parent_cid
        fields = self.fields
        if fields is not None:
            field_dict["fields"] = fields
        datetime_ = self.datetime_
        if datetime_ is not None:
            field_dict["datetime"] = datetime_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cids = d.pop("cids", None)
        if type(cids) is not str and cids is not None:
            cids = as_str(cids, "ItemcatsGetRequest", "cids")

        parent_cid = d.pop("parent_cid", None)
        if type(parent_cid) is not int and parent_cid is not None:
            parent_cid = as_int(parent_cid, "ItemcatsGetRequest", "parent_cid")

        fields = d.pop("fields", None)
        if type(fields) is not str and fields is not None:
            fields = as_str(fields, "ItemcatsGetRequest", "fields")

        datetime_ = d.pop("datetime", None)
        if type(datetime_) is not str and datetime_ is not None:
            datetime_ = as_str(datetime_, "ItemcatsGetRequest", "datetime")

        if cls is ItemcatsGetRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.cids = cids
            instance_.parent_cid = parent_cid
            instance_.fields = fields
            instance_.datetime_ = datetime_
            return instance_
        itemcats_get_request = cls(
            cids,
            parent_cid,
            fields,
            datetime_,
        )
        return itemcats_get_request

    def __repr__(self) -> str:
        return model_repr(self)
