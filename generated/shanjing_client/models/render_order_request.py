from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_bool,
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="RenderOrderRequest")


@_attrs_define
class RenderOrderRequest:
    """The JSON body of renderOrder."""

    render_item_list: str
    """ A JSON-encoded array of RenderItem (a string, not an array), ids as JSON numbers as published. """

    receiver_address: Address
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """

    need_supplychain_service: bool | None = None
    """ Whether supply-chain services (`chooseSupplychainServices`) are requested. """

    warehouse_address: Address | None = None
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """

    tax_id: str | None = None
    """ The buyer's tax id, where the destination requires one (upstream render parameter). """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        render_item_list = self.render_item_list
        field_dict["render_item_List"] = render_item_list
        receiver_address = self.receiver_address
        field_dict["receiver_address"] = receiver_address.to_dict()
        need_supplychain_service = self.need_supplychain_service
        if need_supplychain_service is not None:
            field_dict["need_supplychain_service"] = need_supplychain_service
        warehouse_address = self.warehouse_address
        if warehouse_address is not None:
            field_dict["warehouse_address"] = warehouse_address.to_dict()
        tax_id = self.tax_id
        if tax_id is not None:
            field_dict["tax_id"] = tax_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        render_item_list = d.pop("render_item_List")
        if type(render_item_list) is not str:
            render_item_list = as_str(render_item_list, "RenderOrderRequest", "render_item_List")

        receiver_address = d.pop("receiver_address")
        receiver_address = (
            Address.from_dict(receiver_address)
            if type(receiver_address) is dict
            else as_model(Address, receiver_address, "RenderOrderRequest", "receiver_address")
        )

        need_supplychain_service = d.pop("need_supplychain_service", None)
        if type(need_supplychain_service) is not bool and need_supplychain_service is not None:
            need_supplychain_service = as_bool(
                need_supplychain_service, "RenderOrderRequest", "need_supplychain_service"
            )

        warehouse_address = d.pop("warehouse_address", None)
        if warehouse_address is not None:
            warehouse_address = (
                Address.from_dict(warehouse_address)
                if type(warehouse_address) is dict
                else as_model(Address, warehouse_address, "RenderOrderRequest", "warehouse_address")
            )

        tax_id = d.pop("tax_id", None)
        if type(tax_id) is not str and tax_id is not None:
            tax_id = as_str(tax_id, "RenderOrderRequest", "tax_id")

        if cls is RenderOrderRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.render_item_list = render_item_list
            instance_.receiver_address = receiver_address
            instance_.need_supplychain_service = need_supplychain_service
            instance_.warehouse_address = warehouse_address
            instance_.tax_id = tax_id
            instance_.additional_properties = d
            return instance_
        render_order_request = cls(
            render_item_list,
            receiver_address,
            need_supplychain_service,
            warehouse_address,
            tax_id,
        )
        render_order_request.additional_properties = d
        return render_order_request

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
