from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
    price: int | Unset = UNSET
    """ Unit price in fen. """
    currency: str | Unset = UNSET
    """ Currency of `price`, e.g. `CNY`. """
    title: str | Unset = UNSET
    order_remark: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        order_line_no = self.order_line_no

        quantity = self.quantity

        sku_id = self.sku_id

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
        item_id = d.pop("itemId")

        order_line_no = d.pop("orderLineNo")

        quantity = d.pop("quantity")

        sku_id = d.pop("skuId")

        price = d.pop("price", UNSET)

        currency = d.pop("currency", UNSET)

        title = d.pop("title", UNSET)

        order_remark = d.pop("orderRemark", UNSET)

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
