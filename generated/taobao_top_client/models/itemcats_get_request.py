from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemcatsGetRequest")


@_attrs_define
class ItemcatsGetRequest:
    """Business parameters of `taobao.itemcats.get`, sent as the form body. Give `cids` or `parent_cid`."""

    cids: str | Unset = UNSET
    """ Category ids, comma-separated (at most 1000). """
    parent_cid: int | Unset = UNSET
    """ Parent category id; `0` returns the root categories. """
    fields: str | Unset = UNSET
    """ ItemCat fields to return, comma-separated, from
    `cid,parent_cid,name,is_parent,status,sort_order,features,taosir_cat`
    (service default `cid,parent_cid,name,is_parent`), at most 20 entries (the official SDK's check).
     """

    def to_dict(self) -> dict[str, Any]:
        cids = self.cids

        parent_cid = self.parent_cid

        fields = self.fields

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cids is not UNSET:
            field_dict["cids"] = cids
        if parent_cid is not UNSET:
            field_dict["parent_cid"] = parent_cid
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cids = d.pop("cids", UNSET)

        parent_cid = d.pop("parent_cid", UNSET)

        fields = d.pop("fields", UNSET)

        itemcats_get_request = cls(
            cids,
            parent_cid,
            fields,
        )

        return itemcats_get_request
