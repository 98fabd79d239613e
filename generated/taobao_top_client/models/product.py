from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """A standard product (SPU). Only the fields requested in `fields` are present."""

    product_id: int | Unset = UNSET
    """ Product id. """
    name: str | Unset = UNSET
    """ Product name. """
    pic_url: str | Unset = UNSET
    """ Absolute URL of the main picture (`http://host/image_path`). """
    cid: int | Unset = UNSET
    """ Leaf category id. """
    props: str | Unset = UNSET
    """ Key properties, `pid:vid;pid:vid`. """
    price: str | Unset = UNSET
    """ Market price in yuan with 2 decimals, as a string (e.g. `200.07`). """
    tsc: str | Unset = UNSET
    """ Taobao standard product code (淘宝标准产品编码). """
    status: int | Unset = UNSET
    """ Current status: `0` merchant-confirmed (商家确认), `1` blocked (屏蔽), `2` unconfirmed (未确认),
    `3` staff-confirmed (小二确认), `-1` deleted (删除).
     """
    suite_items_str: str | Unset = UNSET
    """ Specs of the related products of a suite product (when searching by `suite_items_str`). """
    is_suite_effecitve: bool | Unset = UNSET
    """ Whether the suite is effective. The name's misspelling is TOP's own. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        name = self.name

        pic_url = self.pic_url

        cid = self.cid

        props = self.props

        price = self.price

        tsc = self.tsc

        status = self.status

        suite_items_str = self.suite_items_str

        is_suite_effecitve = self.is_suite_effecitve

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if name is not UNSET:
            field_dict["name"] = name
        if pic_url is not UNSET:
            field_dict["pic_url"] = pic_url
        if cid is not UNSET:
            field_dict["cid"] = cid
        if props is not UNSET:
            field_dict["props"] = props
        if price is not UNSET:
            field_dict["price"] = price
        if tsc is not UNSET:
            field_dict["tsc"] = tsc
        if status is not UNSET:
            field_dict["status"] = status
        if suite_items_str is not UNSET:
            field_dict["suite_items_str"] = suite_items_str
        if is_suite_effecitve is not UNSET:
            field_dict["is_suite_effecitve"] = is_suite_effecitve

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = d.pop("product_id", UNSET)

        name = d.pop("name", UNSET)

        pic_url = d.pop("pic_url", UNSET)

        cid = d.pop("cid", UNSET)

        props = d.pop("props", UNSET)

        price = d.pop("price", UNSET)

        tsc = d.pop("tsc", UNSET)

        status = d.pop("status", UNSET)

        suite_items_str = d.pop("suite_items_str", UNSET)

        is_suite_effecitve = d.pop("is_suite_effecitve", UNSET)

        product = cls(
            product_id,
            name,
            pic_url,
            cid,
            props,
            price,
            tsc,
            status,
            suite_items_str,
            is_suite_effecitve,
        )

        product.additional_properties = d
        return product

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
