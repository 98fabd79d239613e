from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    """One element of createOrder's `order_line_list` JSON string. The published example:
    `{"itemId":600068435000185140,"orderLineNo":"1","quantity":"3","price":23,"currency":"USD","title":"测试商品1","orderRem
    ark":"子单维度备注","skuId":4683815098027}`
    — ids and `price` as JSON numbers, `orderLineNo` and `quantity` as strings. `itemId` is the 撞库 `mpId`,
    `skuId` the 撞库 `mpSkuId`.

    """

    item_id: int
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """

    order_line_no: str
    """ The caller's line number within the order, e.g. `"1"`. """

    quantity: str
    """ A quantity as a decimal string, as the published examples send it (`"1"`, `"3"`). """

    sku_id: int
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """

    product_id: int | None = None
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """

    price: int | None = None
    """ Unit price as an integer (fen upstream; the published example shows `23` with `USD`). """

    currency: str | None = None
    """ Currency of `price`, e.g. `USD` (the published example) or `CNY`. """

    title: str | None = None

    order_remark: str | None = None
    """ A remark on this line (子单维度备注). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_id = self.item_id
        field_dict["itemId"] = item_id
        order_line_no = self.order_line_no
        field_dict["orderLineNo"] = order_line_no
        quantity = self.quantity
        field_dict["quantity"] = quantity
        sku_id = self.sku_id
        field_dict["skuId"] = sku_id
        product_id = self.product_id
        if product_id is not None:
            field_dict["productId"] = product_id
        price = self.price
        if price is not None:
            field_dict["price"] = price
        currency = self.currency
        if currency is not None:
            field_dict["currency"] = currency
        title = self.title
        if title is not None:
            field_dict["title"] = title
        order_remark = self.order_remark
        if order_remark is not None:
            field_dict["orderRemark"] = order_remark
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("itemId")
        if type(item_id) is not int:
            item_id = as_int(item_id, "OrderLine", "itemId")

        order_line_no = d.pop("orderLineNo")
        if type(order_line_no) is not str:
            order_line_no = as_str(order_line_no, "OrderLine", "orderLineNo")

        quantity = d.pop("quantity")
        if type(quantity) is not str:
            quantity = as_str(quantity, "OrderLine", "quantity")

        sku_id = d.pop("skuId")
        if type(sku_id) is not int:
            sku_id = as_int(sku_id, "OrderLine", "skuId")

        product_id = d.pop("productId", None)
        if type(product_id) is not int and product_id is not None:
            product_id = as_int(product_id, "OrderLine", "productId")

        price = d.pop("price", None)
        if type(price) is not int and price is not None:
            price = as_int(price, "OrderLine", "price")

        currency = d.pop("currency", None)
        if type(currency) is not str and currency is not None:
            currency = as_str(currency, "OrderLine", "currency")

        title = d.pop("title", None)
        if type(title) is not str and title is not None:
            title = as_str(title, "OrderLine", "title")

        order_remark = d.pop("orderRemark", None)
        if type(order_remark) is not str and order_remark is not None:
            order_remark = as_str(order_remark, "OrderLine", "orderRemark")

        if cls is OrderLine:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_id = item_id
            instance_.order_line_no = order_line_no
            instance_.quantity = quantity
            instance_.sku_id = sku_id
            instance_.product_id = product_id
            instance_.price = price
            instance_.currency = currency
            instance_.title = title
            instance_.order_remark = order_remark
            instance_.additional_properties = d
            return instance_
        order_line = cls(
            item_id,
            order_line_no,
            quantity,
            sku_id,
            product_id,
            price,
            currency,
            title,
            order_remark,
        )
        order_line.additional_properties = d
        return order_line

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
