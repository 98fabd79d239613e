from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.sub_purchase_order import SubPurchaseOrder


T = TypeVar("T", bound="PurchaseOrder")


@_attrs_define
class PurchaseOrder:
    """A purchase order. Amounts in fen; times in epoch milliseconds (inferred)."""

    purchase_id: int | Unset = UNSET
    outer_purchase_id: str | Unset = UNSET
    status: str | Unset = UNSET
    """ An OrderStatus value (a plain string so that new values do not break parsing). """
    purchase_amount: int | Unset = UNSET
    pay_amount: int | Unset = UNSET
    created_time: int | Unset = UNSET
    """ When the order was created, in epoch milliseconds (the unit is inferred from `modify_time_start`). """
    modify_time: int | Unset = UNSET
    """ When the order last changed, in epoch milliseconds (the unit is inferred from `modify_time_start`). """
    receiver: Address | Unset = UNSET
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """
    pay_time: str | Unset = UNSET
    """ When the order was paid (upstream; a string in the upstream SDK, format unpublished). """
    pay_currency: str | Unset = UNSET
    """ The currency actually paid in (upstream). """
    product_amount: int | Unset = UNSET
    """ The goods' total in fen (upstream). """
    domestic_post_fee: int | Unset = UNSET
    """ The China-mainland shipping fee in fen (upstream). """
    sub_user_id: int | Unset = UNSET
    """ The sub-account that placed the order (upstream). """
    source_market: str | Unset = UNSET
    """ The source market of the goods (upstream). """
    sub_purchase_orders: list[SubPurchaseOrder] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchase_id = self.purchase_id

        outer_purchase_id = self.outer_purchase_id

        status = self.status

        purchase_amount = self.purchase_amount

        pay_amount = self.pay_amount

        created_time = self.created_time

        modify_time = self.modify_time

        receiver: dict[str, Any] | Unset = UNSET
        if not isinstance(self.receiver, Unset):
            receiver = self.receiver.to_dict()

        pay_time = self.pay_time

        pay_currency = self.pay_currency

        product_amount = self.product_amount

        domestic_post_fee = self.domestic_post_fee

        sub_user_id = self.sub_user_id

        source_market = self.source_market

        sub_purchase_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_purchase_orders, Unset):
            sub_purchase_orders = []
            for sub_purchase_orders_item_data in self.sub_purchase_orders:
                sub_purchase_orders_item = sub_purchase_orders_item_data.to_dict()
                sub_purchase_orders.append(sub_purchase_orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if purchase_id is not UNSET:
            field_dict["purchase_id"] = purchase_id
        if outer_purchase_id is not UNSET:
            field_dict["outer_purchase_id"] = outer_purchase_id
        if status is not UNSET:
            field_dict["status"] = status
        if purchase_amount is not UNSET:
            field_dict["purchase_amount"] = purchase_amount
        if pay_amount is not UNSET:
            field_dict["pay_amount"] = pay_amount
        if created_time is not UNSET:
            field_dict["created_time"] = created_time
        if modify_time is not UNSET:
            field_dict["modify_time"] = modify_time
        if receiver is not UNSET:
            field_dict["receiver"] = receiver
        if pay_time is not UNSET:
            field_dict["pay_time"] = pay_time
        if pay_currency is not UNSET:
            field_dict["pay_currency"] = pay_currency
        if product_amount is not UNSET:
            field_dict["product_amount"] = product_amount
        if domestic_post_fee is not UNSET:
            field_dict["domestic_post_fee"] = domestic_post_fee
        if sub_user_id is not UNSET:
            field_dict["sub_user_id"] = sub_user_id
        if source_market is not UNSET:
            field_dict["source_market"] = source_market
        if sub_purchase_orders is not UNSET:
            field_dict["sub_purchase_orders"] = sub_purchase_orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchase_id = d.pop("purchase_id", UNSET)

        outer_purchase_id = d.pop("outer_purchase_id", UNSET)

        status = d.pop("status", UNSET)

        purchase_amount = d.pop("purchase_amount", UNSET)

        pay_amount = d.pop("pay_amount", UNSET)

        created_time = d.pop("created_time", UNSET)

        modify_time = d.pop("modify_time", UNSET)

        _receiver = d.pop("receiver", UNSET)
        receiver: Address | Unset
        if isinstance(_receiver, Unset):
            receiver = UNSET
        else:
            receiver = Address.from_dict(_receiver)

        pay_time = d.pop("pay_time", UNSET)

        pay_currency = d.pop("pay_currency", UNSET)

        product_amount = d.pop("product_amount", UNSET)

        domestic_post_fee = d.pop("domestic_post_fee", UNSET)

        sub_user_id = d.pop("sub_user_id", UNSET)

        source_market = d.pop("source_market", UNSET)

        _sub_purchase_orders = d.pop("sub_purchase_orders", UNSET)
        sub_purchase_orders: list[SubPurchaseOrder] | Unset = UNSET
        if _sub_purchase_orders is not UNSET:
            sub_purchase_orders = []
            if isinstance(_sub_purchase_orders, Mapping):  # a one-element list sent as its element
                _sub_purchase_orders = [_sub_purchase_orders]
            for sub_purchase_orders_item_data in _sub_purchase_orders:
                sub_purchase_orders_item = SubPurchaseOrder.from_dict(sub_purchase_orders_item_data)

                sub_purchase_orders.append(sub_purchase_orders_item)

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
