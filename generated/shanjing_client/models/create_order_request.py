from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_order_type import ChannelOrderType, check_channel_order_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="CreateOrderRequest")


@_attrs_define
class CreateOrderRequest:
    """The JSON body of createOrder. The required list is inferred from the upstream API."""

    outer_purchase_id: str
    """ The caller's own order id — the idempotency key. """
    purchase_amount: int
    """ The total to pay, in fen (upstream). """
    order_line_list: str
    """ A JSON-encoded array of OrderLine (a string, not an array), ids and price as JSON numbers as published. """
    receiver: Address
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """
    seller_order_number: str | Unset = UNSET
    """ The caller's own shop order number (the published example sends `"-"`). """
    order_source: str | Unset = UNSET
    """ Where the order comes from (the published example sends `"lazada"`). """
    warehouse_address_info: Address | Unset = UNSET
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """
    channel_order_type: ChannelOrderType | Unset = UNSET
    """ The upstream channel order type of createOrder. """
    support_partial_success: bool | Unset = UNSET
    """ Accept the order even when some lines cannot be bought (upstream). """
    order_remark: str | Unset = UNSET
    need_sys_retry: bool | Unset = UNSET
    """ Let the platform retry placing the order (upstream). """
    need_supply_chain_service: bool | Unset = UNSET
    """ Whether the lines' supply-chain services are ordered too (upstream). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outer_purchase_id = self.outer_purchase_id

        purchase_amount = self.purchase_amount

        order_line_list = self.order_line_list

        receiver = self.receiver.to_dict()

        seller_order_number = self.seller_order_number

        order_source = self.order_source

        warehouse_address_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.warehouse_address_info, Unset):
            warehouse_address_info = self.warehouse_address_info.to_dict()

        channel_order_type: str | Unset = UNSET
        if not isinstance(self.channel_order_type, Unset):
            channel_order_type = self.channel_order_type

        support_partial_success = self.support_partial_success

        order_remark = self.order_remark

        need_sys_retry = self.need_sys_retry

        need_supply_chain_service = self.need_supply_chain_service

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outer_purchase_id": outer_purchase_id,
                "purchase_amount": purchase_amount,
                "order_line_list": order_line_list,
                "receiver": receiver,
            }
        )
        if seller_order_number is not UNSET:
            field_dict["seller_order_number"] = seller_order_number
        if order_source is not UNSET:
            field_dict["order_source"] = order_source
        if warehouse_address_info is not UNSET:
            field_dict["warehouse_address_info"] = warehouse_address_info
        if channel_order_type is not UNSET:
            field_dict["channel_order_type"] = channel_order_type
        if support_partial_success is not UNSET:
            field_dict["support_partial_success"] = support_partial_success
        if order_remark is not UNSET:
            field_dict["order_remark"] = order_remark
        if need_sys_retry is not UNSET:
            field_dict["need_sys_retry"] = need_sys_retry
        if need_supply_chain_service is not UNSET:
            field_dict["need_supply_chain_service"] = need_supply_chain_service

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outer_purchase_id = d.pop("outer_purchase_id")

        purchase_amount = d.pop("purchase_amount")

        order_line_list = d.pop("order_line_list")

        receiver = Address.from_dict(d.pop("receiver"))

        seller_order_number = d.pop("seller_order_number", UNSET)

        order_source = d.pop("order_source", UNSET)

        _warehouse_address_info = d.pop("warehouse_address_info", UNSET)
        warehouse_address_info: Address | Unset
        if isinstance(_warehouse_address_info, Unset):
            warehouse_address_info = UNSET
        else:
            warehouse_address_info = Address.from_dict(_warehouse_address_info)

        _channel_order_type = d.pop("channel_order_type", UNSET)
        channel_order_type: ChannelOrderType | Unset
        if isinstance(_channel_order_type, Unset):
            channel_order_type = UNSET
        else:
            channel_order_type = check_channel_order_type(_channel_order_type)

        support_partial_success = d.pop("support_partial_success", UNSET)

        order_remark = d.pop("order_remark", UNSET)

        need_sys_retry = d.pop("need_sys_retry", UNSET)

        need_supply_chain_service = d.pop("need_supply_chain_service", UNSET)

        create_order_request = cls(
            outer_purchase_id,
            purchase_amount,
            order_line_list,
            receiver,
            seller_order_number,
            order_source,
            warehouse_address_info,
            channel_order_type,
            support_partial_success,
            order_remark,
            need_sys_retry,
            need_supply_chain_service,
        )

        create_order_request.additional_properties = d
        return create_order_request

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
