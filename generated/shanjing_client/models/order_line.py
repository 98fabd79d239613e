from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    """One element of createOrder's `order_line_list` JSON string. The published example:
    `{"itemId":600068435000185140,"orderLineNo":"1","quantity":"3","price":23,"currency":"USD","title":"测试商品1","orderRem
    ark":"子单维度备注","skuId":4683815098027}`
    — ids and `price` as JSON numbers, `orderLineNo` and `quantity` as strings. `itemId` is the 撞库 `mpId`,
    `skuId` the 撞库 `mpSkuId`.

    """

    item_id: int | str
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """
    order_line_no: str
    """ The caller's line number within the order, e.g. `"1"`. """
    quantity: str
    """ A quantity as a decimal string, as the published examples send it (`"1"`, `"3"`). """
    sku_id: int | str
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """
    product_id: int | str | Unset = UNSET
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """
    price: int | Unset = UNSET
    """ Unit price as an integer (fen upstream; the published example shows `23` with `USD`). """
    currency: str | Unset = UNSET
    """ Currency of `price`, e.g. `USD` (the published example) or `CNY`. """
    title: str | Unset = UNSET
    order_remark: str | Unset = UNSET
    """ A remark on this line (子单维度备注). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id: int | str
        item_id = self.item_id

        order_line_no = self.order_line_no

        quantity = self.quantity

        sku_id: int | str
        sku_id = self.sku_id

        product_id: int | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        price = self.price

        currency = self.currency

        title = self.title

        order_remark = self.order_remark

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "itemId": item_id,
                "orderLineNo": order_line_no,
                "quantity": quantity,
                "skuId": sku_id,
            }
        )
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if price is not UNSET:
            field_dict["price"] = price
        if currency is not UNSET:
            field_dict["currency"] = currency
        if title is not UNSET:
            field_dict["title"] = title
        if order_remark is not UNSET:
            field_dict["orderRemark"] = order_remark

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_item_id(data: object) -> int | str:
            return cast(int | str, data)

        item_id = _parse_item_id(d.pop("itemId"))

        order_line_no = d.pop("orderLineNo")

        quantity = d.pop("quantity")

        def _parse_sku_id(data: object) -> int | str:
            return cast(int | str, data)

        sku_id = _parse_sku_id(d.pop("skuId"))

        def _parse_product_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        product_id = _parse_product_id(d.pop("productId", UNSET))

        price = d.pop("price", UNSET)

        currency = d.pop("currency", UNSET)

        title = d.pop("title", UNSET)

        order_remark = d.pop("orderRemark", UNSET)

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
