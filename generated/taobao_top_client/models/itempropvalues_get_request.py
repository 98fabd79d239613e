from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.platform_type import PlatformType, check_platform_type
from ..types import UNSET, Unset

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
    pvs: str | Unset = UNSET
    """ Properties and values to return, `pid1;pid2`, `pid1:vid1;pid2:vid2` or mixed (`pid1;pid2:vid2`). """
    type_: PlatformType | Unset = UNSET
    """ Which category tree: 1 = Taobao (default when omitted), 2 = Tmall. """
    attr_keys: str | Unset = UNSET
    """ Feature keys to return, comma-separated (at most 20, the official SDK's check). """

    def to_dict(self) -> dict[str, Any]:
        cid = self.cid

        fields = self.fields

        pvs = self.pvs

        type_: int | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        attr_keys = self.attr_keys

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cid": cid,
                "fields": fields,
            }
        )
        if pvs is not UNSET:
            field_dict["pvs"] = pvs
        if type_ is not UNSET:
            field_dict["type"] = type_
        if attr_keys is not UNSET:
            field_dict["attr_keys"] = attr_keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cid = d.pop("cid")

        fields = d.pop("fields")

        pvs = d.pop("pvs", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: PlatformType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_platform_type(_type_)

        attr_keys = d.pop("attr_keys", UNSET)

        itempropvalues_get_request = cls(
            cid,
            fields,
            pvs,
            type_,
            attr_keys,
        )

        return itempropvalues_get_request
