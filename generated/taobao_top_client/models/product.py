from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_bool,
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """A standard product (SPU). Only the fields requested in `fields` are present."""

    product_id: int | None = None
    """ Product id. """

    name: str | None = None
    """ Product name. """

    pic_url: str | None = None
    """ Absolute URL of the main picture (`http://host/image_path`). """

    cid: int | None = None
    """ Leaf category id. """

    props: str | None = None
    """ Key properties, `pid:vid;pid:vid`. """

    price: str | None = None
    """ Market price in yuan with 2 decimals, as a string (e.g. `200.07`). """

    tsc: str | None = None
    """ Taobao standard product code (淘宝标准产品编码). """

    status: int | None = None
    """ Current status: `0` merchant-confirmed (商家确认), `1` blocked (屏蔽), `2` unconfirmed (未确认),
    `3` staff-confirmed (小二确认), `-1` deleted (删除).
     """

    suite_items_str: str | None = None
    """ Specs of the related products of a suite product (when searching by `suite_items_str`). """

    is_suite_effective: bool | None = None
    """ Whether the suite product is effective; an ineffective one must be published again
    (标识套装产品是否有效，无效的套装产品需要重新发布, the official SDKs' text).
     """

    is_suite_effecitve: bool | None = None
    """ The seed's spelling of `is_suite_effective` (the doc's change note). Kept so that an answer under
    that key is typed too; the official SDKs name the field `is_suite_effective`.
     """

    pic_path: str | None = None
    """ The product's picture path (产品对应的图片路径); the doc's introduction names it. """

    barcode_str: str | None = None
    """ The product's barcodes (Tmall only, and only in taobao.products.search answers). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        product_id = self.product_id
        if product_id is not None:
            field_dict["product_id"] = product_id
        name = self.name
        if name is not None:
            field_dict["name"] = name
        pic_url = self.pic_url
        if pic_url is not None:
            field_dict["pic_url"] = pic_url
        cid = self.cid
        if cid is not None:
            field_dict["cid"] = cid
        props = self.props
        if props is not None:
            field_dict["props"] = props
        price = self.price
        if price is not None:
            field_dict["price"] = price
        tsc = self.tsc
        if tsc is not None:
            field_dict["tsc"] = tsc
        status = self.status
        if status is not None:
            field_dict["status"] = status
        suite_items_str = self.suite_items_str
        if suite_items_str is not None:
            field_dict["suite_items_str"] = suite_items_str
        is_suite_effective = self.is_suite_effective
        if is_suite_effective is not None:
            field_dict["is_suite_effective"] = is_suite_effective
        is_suite_effecitve = self.is_suite_effecitve
        if is_suite_effecitve is not None:
            field_dict["is_suite_effecitve"] = is_suite_effecitve
        pic_path = self.pic_path
        if pic_path is not None:
            field_dict["pic_path"] = pic_path
        barcode_str = self.barcode_str
        if barcode_str is not None:
            field_dict["barcode_str"] = barcode_str
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = d.pop("product_id", None)
        if type(product_id) is not int and product_id is not None:
            product_id = as_int(product_id, "Product", "product_id")

        name = d.pop("name", None)
        if type(name) is not str and name is not None:
            name = as_str(name, "Product", "name")

        pic_url = d.pop("pic_url", None)
        if type(pic_url) is not str and pic_url is not None:
            pic_url = as_str(pic_url, "Product", "pic_url")

        cid = d.pop("cid", None)
        if type(cid) is not int and cid is not None:
            cid = as_int(cid, "Product", "cid")

        props = d.pop("props", None)
        if type(props) is not str and props is not None:
            props = as_str(props, "Product", "props")

        price = d.pop("price", None)
        if type(price) is not str and price is not None:
            price = as_str(price, "Product", "price")

        tsc = d.pop("tsc", None)
        if type(tsc) is not str and tsc is not None:
            tsc = as_str(tsc, "Product", "tsc")

        status = d.pop("status", None)
        if type(status) is not int and status is not None:
            status = as_int(status, "Product", "status")

        suite_items_str = d.pop("suite_items_str", None)
        if type(suite_items_str) is not str and suite_items_str is not None:
            suite_items_str = as_str(suite_items_str, "Product", "suite_items_str")

        is_suite_effective = d.pop("is_suite_effective", None)
        if type(is_suite_effective) is not bool and is_suite_effective is not None:
            is_suite_effective = as_bool(is_suite_effective, "Product", "is_suite_effective")

        is_suite_effecitve = d.pop("is_suite_effecitve", None)
        if type(is_suite_effecitve) is not bool and is_suite_effecitve is not None:
            is_suite_effecitve = as_bool(is_suite_effecitve, "Product", "is_suite_effecitve")

        pic_path = d.pop("pic_path", None)
        if type(pic_path) is not str and pic_path is not None:
            pic_path = as_str(pic_path, "Product", "pic_path")

        barcode_str = d.pop("barcode_str", None)
        if type(barcode_str) is not str and barcode_str is not None:
            barcode_str = as_str(barcode_str, "Product", "barcode_str")

        if cls is Product:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.product_id = product_id
            instance_.name = name
            instance_.pic_url = pic_url
            instance_.cid = cid
            instance_.props = props
            instance_.price = price
            instance_.tsc = tsc
            instance_.status = status
            instance_.suite_items_str = suite_items_str
            instance_.is_suite_effective = is_suite_effective
            instance_.is_suite_effecitve = is_suite_effecitve
            instance_.pic_path = pic_path
            instance_.barcode_str = barcode_str
            instance_.additional_properties = d
            return instance_
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
            is_suite_effective,
            is_suite_effecitve,
            pic_path,
            barcode_str,
        )
        product.additional_properties = d
        return product

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
