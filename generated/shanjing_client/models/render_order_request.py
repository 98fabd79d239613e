from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
    need_supplychain_service: bool | Unset = UNSET
    """ Whether supply-chain services (`chooseSupplychainServices`) are requested. """
    warehouse_address: Address | Unset = UNSET
    """ A postal address (receiver or warehouse). No field is documented as required; upstream needs at least
    name, a phone, country, state/city and address for a receiver. No length limits are published.
     """
    tax_id: str | Unset = UNSET
    """ The buyer's tax id, where the destination requires one (upstream render parameter). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        render_item_list = self.render_item_list

        receiver_address = self.receiver_address.to_dict()

        need_supplychain_service = self.need_supplychain_service

        warehouse_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.warehouse_address, Unset):
            warehouse_address = self.warehouse_address.to_dict()

        tax_id = self.tax_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "render_item_List": render_item_list,
                "receiver_address": receiver_address,
            }
        )
        if need_supplychain_service is not UNSET:
            field_dict["need_supplychain_service"] = need_supplychain_service
        if warehouse_address is not UNSET:
            field_dict["warehouse_address"] = warehouse_address
        if tax_id is not UNSET:
            field_dict["tax_id"] = tax_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        render_item_list = d.pop("render_item_List")

        receiver_address = Address.from_dict(d.pop("receiver_address"))

        need_supplychain_service = d.pop("need_supplychain_service", UNSET)

        _warehouse_address = d.pop("warehouse_address", UNSET)
        warehouse_address: Address | Unset
        if isinstance(_warehouse_address, Unset):
            warehouse_address = UNSET
        else:
            warehouse_address = Address.from_dict(_warehouse_address)

        tax_id = d.pop("tax_id", UNSET)

        render_order_request = cls(
            render_item_list,
            receiver_address,
            need_supplychain_service,
            warehouse_address,
            tax_id,
        )

        render_order_request.additional_properties = d
        return render_order_request

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
