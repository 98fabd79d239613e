from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.supply_chain_service_choice import SupplyChainServiceChoice


T = TypeVar("T", bound="RenderItem")


@_attrs_define
class RenderItem:
    """One element of renderOrder's `render_item_List` JSON string. The published example:
    `{"itemId":600120680003951077,"quantity":"1","skuId":4951323355633,"chooseSupplychainServices":[{"optionId":354,"ser
    viceCategory":"LOGISTICS"}]}`
    — ids as JSON numbers (some above 2^53), `quantity` a decimal string. `itemId` is the 撞库 `mpId`,
    `skuId` the 撞库 `mpSkuId`.

    """

    item_id: int | str
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """
    quantity: str
    """ A quantity as a decimal string, as the published examples send it (`"1"`, `"3"`). """
    sku_id: int | str
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """
    choose_supplychain_services: list[SupplyChainServiceChoice] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id: int | str
        item_id = self.item_id

        quantity = self.quantity

        sku_id: int | str
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

        def _parse_item_id(data: object) -> int | str:
            return cast(int | str, data)

        item_id = _parse_item_id(d.pop("itemId"))

        quantity = d.pop("quantity")

        def _parse_sku_id(data: object) -> int | str:
            return cast(int | str, data)

        sku_id = _parse_sku_id(d.pop("skuId"))

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
