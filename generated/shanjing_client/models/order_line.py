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

T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    """One element of createOrder's `order_line_list` JSON string. x-source inferred for the value types:
    `quantity` a decimal string as in RenderItem, `price` the unit price in fen (integer).

    """

    item_id: str
    """ The 撞库 `mpId`. """

    order_line_no: str
    """ The caller's line number within the order, e.g. `"1"`. """

    quantity: str
    """ The quantity, as a decimal string. """

    sku_id: str
    """ The 撞库 `mpSkuId`. """

    price: int | None = None
    """ Unit price in fen. """

    currency: str | None = None
    """ Currency of `price`, e.g. `CNY`. """

    title: str | None = None

    order_remark: str | None = None

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
        if type(item_id) is not str:
            item_id = as_str(item_id, "OrderLine", "itemId")

        order_line_no = d.pop("orderLineNo")
        if type(order_line_no) is not str:
            order_line_no = as_str(order_line_no, "OrderLine", "orderLineNo")

        quantity = d.pop("quantity")
        if type(quantity) is not str:
            quantity = as_str(quantity, "OrderLine", "quantity")

        sku_id = d.pop("skuId")
        if type(sku_id) is not str:
            sku_id = as_str(sku_id, "OrderLine", "skuId")

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

        order_line = cls(
            item_id,
            order_line_no,
            quantity,
            sku_id,
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
