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
    from ..models.address import Address
    from ..models.sub_purchase_order import SubPurchaseOrder


T = TypeVar("T", bound="PurchaseOrder")


@_attrs_define
class PurchaseOrder:
    """A purchase order. Amounts in fen; times in epoch milliseconds (inferred)."""

    purchase_id: int | None = None

    outer_purchase_id: str | None = None

    status: str | None = None
    """ An OrderStatus value (a plain string so that new values do not break parsing). """

    purchase_amount: int | None = None

    pay_amount: int | None = None

    created_time: int | None = None
    """ When the order was created, in epoch milliseconds (the unit is inferred from `modify_time_start`). """

    modify_time: int | None = None
    """ When the order last changed, in epoch milliseconds (the unit is inferred from `modify_time_start`). """

    receiver: Address | None = None
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """

    pay_time: str | None = None
    """ When the order was paid (upstream; a string in the upstream SDK, format unpublished). """

    pay_currency: str | None = None
    """ The currency actually paid in (upstream). """

    product_amount: int | None = None
    """ The goods' total in fen (upstream). """

    domestic_post_fee: int | None = None
    """ The China-mainland shipping fee in fen (upstream). """

    sub_user_id: int | None = None
    """ The sub-account that placed the order (upstream). """

    source_market: str | None = None
    """ The source market of the goods (upstream). """

    sub_purchase_orders: list[SubPurchaseOrder] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        purchase_id = self.purchase_id
        if purchase_id is not None:
            field_dict["purchase_id"] = purchase_id
        outer_purchase_id = self.outer_purchase_id
        if outer_purchase_id is not None:
            field_dict["outer_purchase_id"] = outer_purchase_id
        status = self.status
        if status is not None:
            field_dict["status"] = status
        purchase_amount = self.purchase_amount
        if purchase_amount is not None:
            field_dict["purchase_amount"] = purchase_amount
        pay_amount = self.pay_amount
        if pay_amount is not None:
            field_dict["pay_amount"] = pay_amount
        created_time = self.created_time
        if created_time is not None:
            field_dict["created_time"] = created_time
        modify_time = self.modify_time
        if modify_time is not None:
            field_dict["modify_time"] = modify_time
        receiver = self.receiver
        if receiver is not None:
            field_dict["receiver"] = receiver.to_dict()
        pay_time = self.pay_time
        if pay_time is not None:
            field_dict["pay_time"] = pay_time
        pay_currency = self.pay_currency
        if pay_currency is not None:
            field_dict["pay_currency"] = pay_currency
        product_amount = self.product_amount
        if product_amount is not None:
            field_dict["product_amount"] = product_amount
        domestic_post_fee = self.domestic_post_fee
        if domestic_post_fee is not None:
            field_dict["domestic_post_fee"] = domestic_post_fee
        sub_user_id = self.sub_user_id
        if sub_user_id is not None:
            field_dict["sub_user_id"] = sub_user_id
        source_market = self.source_market
        if source_market is not None:
            field_dict["source_market"] = source_market
        sub_purchase_orders = self.sub_purchase_orders
        if sub_purchase_orders is not None:
            field_dict["sub_purchase_orders"] = [item.to_dict() for item in sub_purchase_orders]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchase_id = d.pop("purchase_id", None)
        if type(purchase_id) is not int and purchase_id is not None:
            purchase_id = as_int(purchase_id, "PurchaseOrder", "purchase_id")

        outer_purchase_id = d.pop("outer_purchase_id", None)
        if type(outer_purchase_id) is not str and outer_purchase_id is not None:
            outer_purchase_id = as_str(outer_purchase_id, "PurchaseOrder", "outer_purchase_id")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "PurchaseOrder", "status")

        purchase_amount = d.pop("purchase_amount", None)
        if type(purchase_amount) is not int and purchase_amount is not None:
            purchase_amount = as_int(purchase_amount, "PurchaseOrder", "purchase_amount")

        pay_amount = d.pop("pay_amount", None)
        if type(pay_amount) is not int and pay_amount is not None:
            pay_amount = as_int(pay_amount, "PurchaseOrder", "pay_amount")

        created_time = d.pop("created_time", None)
        if type(created_time) is not int and created_time is not None:
            created_time = as_int(created_time, "PurchaseOrder", "created_time")

        modify_time = d.pop("modify_time", None)
        if type(modify_time) is not int and modify_time is not None:
            modify_time = as_int(modify_time, "PurchaseOrder", "modify_time")

        receiver = d.pop("receiver", None)
        if receiver is not None:
            receiver = (
                Address.from_dict(receiver)
                if type(receiver) is dict
                else as_model(Address, receiver, "PurchaseOrder", "receiver")
            )

        pay_time = d.pop("pay_time", None)
        if type(pay_time) is not str and pay_time is not None:
            pay_time = as_str(pay_time, "PurchaseOrder", "pay_time")

        pay_currency = d.pop("pay_currency", None)
        if type(pay_currency) is not str and pay_currency is not None:
            pay_currency = as_str(pay_currency, "PurchaseOrder", "pay_currency")

        product_amount = d.pop("product_amount", None)
        if type(product_amount) is not int and product_amount is not None:
            product_amount = as_int(product_amount, "PurchaseOrder", "product_amount")

        domestic_post_fee = d.pop("domestic_post_fee", None)
        if type(domestic_post_fee) is not int and domestic_post_fee is not None:
            domestic_post_fee = as_int(domestic_post_fee, "PurchaseOrder", "domestic_post_fee")

        sub_user_id = d.pop("sub_user_id", None)
        if type(sub_user_id) is not int and sub_user_id is not None:
            sub_user_id = as_int(sub_user_id, "PurchaseOrder", "sub_user_id")

        source_market = d.pop("source_market", None)
        if type(source_market) is not str and source_market is not None:
            source_market = as_str(source_market, "PurchaseOrder", "source_market")

        sub_purchase_orders = d.pop("sub_purchase_orders", None)
        if sub_purchase_orders is not None:
            sub_purchase_orders = (
                [
                    SubPurchaseOrder.from_dict(item)
                    if type(item) is dict
                    else as_model(SubPurchaseOrder, item, "PurchaseOrder", "sub_purchase_orders")
                    for item in sub_purchase_orders
                ]
                if type(sub_purchase_orders) is list
                else as_model_list(SubPurchaseOrder, sub_purchase_orders, "PurchaseOrder", "sub_purchase_orders")
            )

        if cls is PurchaseOrder:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.purchase_id = purchase_id
            instance_.outer_purchase_id = outer_purchase_id
            instance_.status = status
            instance_.purchase_amount = purchase_amount
            instance_.pay_amount = pay_amount
            instance_.created_time = created_time
            instance_.modify_time = modify_time
            instance_.receiver = receiver
            instance_.pay_time = pay_time
            instance_.pay_currency = pay_currency
            instance_.product_amount = product_amount
            instance_.domestic_post_fee = domestic_post_fee
            instance_.sub_user_id = sub_user_id
            instance_.source_market = source_market
            instance_.sub_purchase_orders = sub_purchase_orders
            instance_.additional_properties = d
            return instance_
        purchase_order = cls(
            purchase_id,
            outer_purchase_id,
            status,
            purchase_amount,
            pay_amount,
            created_time,
            modify_time,
            receiver,
            pay_time,
            pay_currency,
            product_amount,
            domestic_post_fee,
            sub_user_id,
            source_market,
            sub_purchase_orders,
        )
        purchase_order.additional_properties = d
        return purchase_order

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


from ..models.address import Address  # noqa: E402
from ..models.sub_purchase_order import SubPurchaseOrder  # noqa: E402
