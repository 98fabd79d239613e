from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_bool,
    as_enum,
    as_int,
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


from ..models.channel_order_type import ChannelOrderType, check_channel_order_type

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="CreateOrderRequest")


@_attrs_define
class CreateOrderRequest:
    """The JSON body of createOrder. The required list is inferred (see `x-required-source-note`)."""

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

    seller_order_number: str | None = None
    """ The caller's own shop order number (the published example sends `"-"`). """

    order_source: str | None = None
    """ Where the order comes from (the published example sends `"lazada"`). """

    warehouse_address_info: Address | None = None
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """

    channel_order_type: ChannelOrderType | None = None
    """ The upstream channel order type of createOrder. """

    support_partial_success: bool | None = None
    """ Accept the order even when some lines cannot be bought (upstream). """

    order_remark: str | None = None

    need_sys_retry: bool | None = None
    """ Let the platform retry placing the order (upstream). """

    need_supply_chain_service: bool | None = None
    """ Whether the lines' supply-chain services are ordered too (upstream). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        outer_purchase_id = self.outer_purchase_id
        field_dict["outer_purchase_id"] = outer_purchase_id
        purchase_amount = self.purchase_amount
        field_dict["purchase_amount"] = purchase_amount
        order_line_list = self.order_line_list
        field_dict["order_line_list"] = order_line_list
        receiver = self.receiver
        field_dict["receiver"] = receiver.to_dict()
        seller_order_number = self.seller_order_number
        if seller_order_number is not None:
            field_dict["seller_order_number"] = seller_order_number
        order_source = self.order_source
        if order_source is not None:
            field_dict["order_source"] = order_source
        warehouse_address_info = self.warehouse_address_info
        if warehouse_address_info is not None:
            field_dict["warehouse_address_info"] = warehouse_address_info.to_dict()
        channel_order_type = self.channel_order_type
        if channel_order_type is not None:
            field_dict["channel_order_type"] = channel_order_type
        support_partial_success = self.support_partial_success
        if support_partial_success is not None:
            field_dict["support_partial_success"] = support_partial_success
        order_remark = self.order_remark
        if order_remark is not None:
            field_dict["order_remark"] = order_remark
        need_sys_retry = self.need_sys_retry
        if need_sys_retry is not None:
            field_dict["need_sys_retry"] = need_sys_retry
        need_supply_chain_service = self.need_supply_chain_service
        if need_supply_chain_service is not None:
            field_dict["need_supply_chain_service"] = need_supply_chain_service
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outer_purchase_id = d.pop("outer_purchase_id")
        if type(outer_purchase_id) is not str:
            outer_purchase_id = as_str(outer_purchase_id, "CreateOrderRequest", "outer_purchase_id")

        purchase_amount = d.pop("purchase_amount")
        if type(purchase_amount) is not int:
            purchase_amount = as_int(purchase_amount, "CreateOrderRequest", "purchase_amount")

        order_line_list = d.pop("order_line_list")
        if type(order_line_list) is not str:
            order_line_list = as_str(order_line_list, "CreateOrderRequest", "order_line_list")

        receiver = d.pop("receiver")
        receiver = (
            Address.from_dict(receiver)
            if type(receiver) is dict
            else as_model(Address, receiver, "CreateOrderRequest", "receiver")
        )

        seller_order_number = d.pop("seller_order_number", None)
        if type(seller_order_number) is not str and seller_order_number is not None:
            seller_order_number = as_str(seller_order_number, "CreateOrderRequest", "seller_order_number")

        order_source = d.pop("order_source", None)
        if type(order_source) is not str and order_source is not None:
            order_source = as_str(order_source, "CreateOrderRequest", "order_source")

        warehouse_address_info = d.pop("warehouse_address_info", None)
        if warehouse_address_info is not None:
            warehouse_address_info = (
                Address.from_dict(warehouse_address_info)
                if type(warehouse_address_info) is dict
                else as_model(Address, warehouse_address_info, "CreateOrderRequest", "warehouse_address_info")
            )

        channel_order_type = d.pop("channel_order_type", None)
        if channel_order_type is not None:
            channel_order_type = as_enum(
                check_channel_order_type,
                channel_order_type,
                "CreateOrderRequest",
                "channel_order_type",
                "ChannelOrderType",
            )

        support_partial_success = d.pop("support_partial_success", None)
        if type(support_partial_success) is not bool and support_partial_success is not None:
            support_partial_success = as_bool(support_partial_success, "CreateOrderRequest", "support_partial_success")

        order_remark = d.pop("order_remark", None)
        if type(order_remark) is not str and order_remark is not None:
            order_remark = as_str(order_remark, "CreateOrderRequest", "order_remark")

        need_sys_retry = d.pop("need_sys_retry", None)
        if type(need_sys_retry) is not bool and need_sys_retry is not None:
            need_sys_retry = as_bool(need_sys_retry, "CreateOrderRequest", "need_sys_retry")

        need_supply_chain_service = d.pop("need_supply_chain_service", None)
        if type(need_supply_chain_service) is not bool and need_supply_chain_service is not None:
            need_supply_chain_service = as_bool(
                need_supply_chain_service, "CreateOrderRequest", "need_supply_chain_service"
            )

        if cls is CreateOrderRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.outer_purchase_id = outer_purchase_id
            instance_.purchase_amount = purchase_amount
            instance_.order_line_list = order_line_list
            instance_.receiver = receiver
            instance_.seller_order_number = seller_order_number
            instance_.order_source = order_source
            instance_.warehouse_address_info = warehouse_address_info
            instance_.channel_order_type = channel_order_type
            instance_.support_partial_success = support_partial_success
            instance_.order_remark = order_remark
            instance_.need_sys_retry = need_sys_retry
            instance_.need_supply_chain_service = need_supply_chain_service
            instance_.additional_properties = d
            return instance_
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
