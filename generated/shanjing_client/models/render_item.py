from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.supply_chain_service_choice import SupplyChainServiceChoice


T = TypeVar("T", bound="RenderItem")


@_attrs_define
class RenderItem:
    """One element of renderOrder's `render_item_List` JSON string. `quantity` is a decimal string as in the
    doc example (`"1"`).

    """

    item_id: str
    """ The 撞库 `mpId`. """
    quantity: str
    """ The quantity, as a decimal string. """
    sku_id: str
    """ The 撞库 `mpSkuId`. """
    choose_supplychain_services: list[SupplyChainServiceChoice] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        quantity = self.quantity

        sku_id = self.sku_id

        choose_supplychain_services: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.choose_supplychain_services, Unset):
            choose_supplychain_services = []
            for choose_supplychain_services_item_data in self.choose_supplychain_services:
                choose_supplychain_services_item = choose_supplychain_services_item_data.to_dict()
                choose_supplychain_services.append(choose_supplychain_services_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "itemId": item_id,
                "quantity": quantity,
                "skuId": sku_id,
            }
        )
        if choose_supplychain_services is not UNSET:
            field_dict["chooseSupplychainServices"] = choose_supplychain_services

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("itemId")

        quantity = d.pop("quantity")

        sku_id = d.pop("skuId")

        _choose_supplychain_services = d.pop("chooseSupplychainServices", UNSET)
        choose_supplychain_services: list[SupplyChainServiceChoice] | Unset = UNSET
        if _choose_supplychain_services is not UNSET:
            choose_supplychain_services = []
            if isinstance(_choose_supplychain_services, Mapping):  # a one-element list sent as its element
                _choose_supplychain_services = [_choose_supplychain_services]
            for choose_supplychain_services_item_data in _choose_supplychain_services:
                choose_supplychain_services_item = SupplyChainServiceChoice.from_dict(
                    choose_supplychain_services_item_data
                )

                choose_supplychain_services.append(choose_supplychain_services_item)

        render_item = cls(
            item_id,
            quantity,
            sku_id,
            choose_supplychain_services,
        )

        render_item.additional_properties = d
        return render_item

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


from ..models.supply_chain_service_choice import SupplyChainServiceChoice  # noqa: E402
