from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.logistic_order import LogisticOrder


T = TypeVar("T", bound="SubPurchaseOrder")


@_attrs_define
class SubPurchaseOrder:
    """A sub-order (one line) of a purchase order. Amounts in fen."""

    sub_purchase_order_id: int | Unset = UNSET
    status: str | Unset = UNSET
    """ An OrderStatus value (a plain string so that new values do not break parsing). """
    item_id: str | Unset = UNSET
    sku_id: str | Unset = UNSET
    title: str | Unset = UNSET
    quantity: int | Unset = UNSET
    purchase_amount: int | Unset = UNSET
    logistic_orders: list[LogisticOrder] | Unset = UNSET
    refund_status: int | Unset = UNSET
    """ The refund status of the sub-order (upstream; an integer in the upstream SDK, values unpublished). """
    international_logistic_orders: list[LogisticOrder] | Unset = UNSET
    """ The international parcels of the sub-order (upstream). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub_purchase_order_id = self.sub_purchase_order_id

        status = self.status

        item_id = self.item_id

        sku_id = self.sku_id

        title = self.title

        quantity = self.quantity

        purchase_amount = self.purchase_amount

        logistic_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.logistic_orders, Unset):
            logistic_orders = []
            for logistic_orders_item_data in self.logistic_orders:
                logistic_orders_item = logistic_orders_item_data.to_dict()
                logistic_orders.append(logistic_orders_item)

        refund_status = self.refund_status

        international_logistic_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.international_logistic_orders, Unset):
            international_logistic_orders = []
            for international_logistic_orders_item_data in self.international_logistic_orders:
                international_logistic_orders_item = international_logistic_orders_item_data.to_dict()
                international_logistic_orders.append(international_logistic_orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sub_purchase_order_id is not UNSET:
            field_dict["sub_purchase_order_id"] = sub_purchase_order_id
        if status is not UNSET:
            field_dict["status"] = status
        if item_id is not UNSET:
            field_dict["item_id"] = item_id
        if sku_id is not UNSET:
            field_dict["sku_id"] = sku_id
        if title is not UNSET:
            field_dict["title"] = title
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if purchase_amount is not UNSET:
            field_dict["purchase_amount"] = purchase_amount
        if logistic_orders is not UNSET:
            field_dict["logistic_orders"] = logistic_orders
        if refund_status is not UNSET:
            field_dict["refund_status"] = refund_status
        if international_logistic_orders is not UNSET:
            field_dict["international_logistic_orders"] = international_logistic_orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sub_purchase_order_id = d.pop("sub_purchase_order_id", UNSET)

        status = d.pop("status", UNSET)

        item_id = d.pop("item_id", UNSET)

        sku_id = d.pop("sku_id", UNSET)

        title = d.pop("title", UNSET)

        quantity = d.pop("quantity", UNSET)

        purchase_amount = d.pop("purchase_amount", UNSET)

        _logistic_orders = d.pop("logistic_orders", UNSET)
        logistic_orders: list[LogisticOrder] | Unset = UNSET
        if _logistic_orders is not UNSET:
            logistic_orders = []
            if isinstance(_logistic_orders, Mapping):  # a one-element list sent as its element
                _logistic_orders = [_logistic_orders]
            for logistic_orders_item_data in _logistic_orders:
                logistic_orders_item = LogisticOrder.from_dict(logistic_orders_item_data)

                logistic_orders.append(logistic_orders_item)

        refund_status = d.pop("refund_status", UNSET)

        _international_logistic_orders = d.pop("international_logistic_orders", UNSET)
        international_logistic_orders: list[LogisticOrder] | Unset = UNSET
        if _international_logistic_orders is not UNSET:
            international_logistic_orders = []
            if isinstance(_international_logistic_orders, Mapping):  # a one-element list sent as its element
                _international_logistic_orders = [_international_logistic_orders]
            for international_logistic_orders_item_data in _international_logistic_orders:
                international_logistic_orders_item = LogisticOrder.from_dict(international_logistic_orders_item_data)

                international_logistic_orders.append(international_logistic_orders_item)

        sub_purchase_order = cls(
            sub_purchase_order_id,
            status,
            item_id,
            sku_id,
            title,
            quantity,
            purchase_amount,
            logistic_orders,
            refund_status,
            international_logistic_orders,
        )

        sub_purchase_order.additional_properties = d
        return sub_purchase_order

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


from ..models.logistic_order import LogisticOrder  # noqa: E402
