from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.logistic_order import LogisticOrder


T = TypeVar("T", bound="SubPurchaseOrder")


@_attrs_define
class SubPurchaseOrder:
    """A sub-order (one line) of a purchase order. Amounts in fen."""

    sub_purchase_order_id: int | None = None

    status: str | None = None
    """ An OrderStatus value (a plain string so that new values do not break parsing). """

    item_id: str | None = None

    sku_id: str | None = None

    title: str | None = None

    quantity: int | None = None

    purchase_amount: int | None = None

    logistic_orders: list[LogisticOrder] | None = None

    refund_status: int | None = None
    """ The refund status of the sub-order (upstream; an integer in the upstream SDK, values unpublished). """

    international_logistic_orders: list[LogisticOrder] | None = None
    """ The international parcels of the sub-order (upstream). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        sub_purchase_order_id = self.sub_purchase_order_id
        if sub_purchase_order_id is not None:
            field_dict["sub_purchase_order_id"] = sub_purchase_order_id
        status = self.status
        if status is not None:
            field_dict["status"] = status
        item_id = self.item_id
        if item_id is not None:
            field_dict["item_id"] = item_id
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["sku_id"] = sku_id
        title = self.title
        if title is not None:
            field_dict["title"] = title
        quantity = self.quantity
        if quantity is not None:
            field_dict["quantity"] = quantity
        purchase_amount = self.purchase_amount
        if purchase_amount is not None:
            field_dict["purchase_amount"] = purchase_amount
        logistic_orders = self.logistic_orders
        if logistic_orders is not None:
            field_dict["logistic_orders"] = [item.to_dict() for item in logistic_orders]
        refund_status = self.refund_status
        if refund_status is not None:
            field_dict["refund_status"] = refund_status
        international_logistic_orders = self.international_logistic_orders
        if international_logistic_orders is not None:
            field_dict["international_logistic_orders"] = [item.to_dict() for item in international_logistic_orders]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sub_purchase_order_id = d.pop("sub_purchase_order_id", None)
        if type(sub_purchase_order_id) is not int and sub_purchase_order_id is not None:
            sub_purchase_order_id = as_int(sub_purchase_order_id, "SubPurchaseOrder", "sub_purchase_order_id")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "SubPurchaseOrder", "status")

        item_id = d.pop("item_id", None)
        if type(item_id) is not str and item_id is not None:
            item_id = as_str(item_id, "SubPurchaseOrder", "item_id")

        sku_id = d.pop("sku_id", None)
        if type(sku_id) is not str and sku_id is not None:
            sku_id = as_str(sku_id, "SubPurchaseOrder", "sku_id")

        title = d.pop("title", None)
        if type(title) is not str and title is not None:
            title = as_str(title, "SubPurchaseOrder", "title")

        quantity = d.pop("quantity", None)
        if type(quantity) is not int and quantity is not None:
            quantity = as_int(quantity, "SubPurchaseOrder", "quantity")

        purchase_amount = d.pop("purchase_amount", None)
        if type(purchase_amount) is not int and purchase_amount is not None:
            purchase_amount = as_int(purchase_amount, "SubPurchaseOrder", "purchase_amount")

        logistic_orders = d.pop("logistic_orders", None)
        if logistic_orders is not None:
            logistic_orders = (
                [
                    LogisticOrder.from_dict(item)
                    if type(item) is dict
                    else as_model(LogisticOrder, item, "SubPurchaseOrder", "logistic_orders")
                    for item in logistic_orders
                ]
                if type(logistic_orders) is list
                else as_model_list(LogisticOrder, logistic_orders, "SubPurchaseOrder", "logistic_orders")
            )

        refund_status = d.pop("refund_status", None)
        if type(refund_status) is not int and refund_status is not None:
            refund_status = as_int(refund_status, "SubPurchaseOrder", "refund_status")

        international_logistic_orders = d.pop("international_logistic_orders", None)
        if international_logistic_orders is not None:
            international_logistic_orders = (
                [
                    LogisticOrder.from_dict(item)
                    if type(item) is dict
                    else as_model(LogisticOrder, item, "SubPurchaseOrder", "international_logistic_orders")
                    for item in international_logistic_orders
                ]
                if type(international_logistic_orders) is list
                else as_model_list(
                    LogisticOrder, international_logistic_orders, "SubPurchaseOrder", "international_logistic_orders"
                )
            )

        if cls is SubPurchaseOrder:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.sub_purchase_order_id = sub_purchase_order_id
            instance_.status = status
            instance_.item_id = item_id
            instance_.sku_id = sku_id
            instance_.title = title
            instance_.quantity = quantity
            instance_.purchase_amount = purchase_amount
            instance_.logistic_orders = logistic_orders
            instance_.refund_status = refund_status
            instance_.international_logistic_orders = international_logistic_orders
            instance_.additional_properties = d
            return instance_
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


from ..models.logistic_order import LogisticOrder  # noqa: E402
