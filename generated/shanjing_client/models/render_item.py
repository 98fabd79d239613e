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

    item_id: int
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """

    quantity: str
    """ A quantity as a decimal string, as the published examples send it (`"1"`, `"3"`). """

    sku_id: int
    """ An id as a JSON number or as a string of decimal digits: the published examples use both (render and
    create item lines carry numbers, some above 2^53; cancel carries strings; 撞库 answers `mpId` as a
    string), and they are the same value. Numbers above 2^53 must be kept exact.
     """

    choose_supplychain_services: list[SupplyChainServiceChoice] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        item_id = self.item_id
        field_dict["itemId"] = item_id
        quantity = self.quantity
        field_dict["quantity"] = quantity
        sku_id = self.sku_id
        field_dict["skuId"] = sku_id
        choose_supplychain_services = self.choose_supplychain_services
        if choose_supplychain_services is not None:
            field_dict["chooseSupplychainServices"] = [item.to_dict() for item in choose_supplychain_services]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("itemId")
        if type(item_id) is not int:
            item_id = as_int(item_id, "RenderItem", "itemId")

        quantity = d.pop("quantity")
        if type(quantity) is not str:
            quantity = as_str(quantity, "RenderItem", "quantity")

        sku_id = d.pop("skuId")
        if type(sku_id) is not int:
            sku_id = as_int(sku_id, "RenderItem", "skuId")

        choose_supplychain_services = d.pop("chooseSupplychainServices", None)
        if choose_supplychain_services is not None:
            choose_supplychain_services = (
                [
                    SupplyChainServiceChoice.from_dict(item)
                    if type(item) is dict
                    else as_model(SupplyChainServiceChoice, item, "RenderItem", "chooseSupplychainServices")
                    for item in choose_supplychain_services
                ]
                if type(choose_supplychain_services) is list
                else as_model_list(
                    SupplyChainServiceChoice, choose_supplychain_services, "RenderItem", "chooseSupplychainServices"
                )
            )

        if cls is RenderItem:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.item_id = item_id
            instance_.quantity = quantity
            instance_.sku_id = sku_id
            instance_.choose_supplychain_services = choose_supplychain_services
            instance_.additional_properties = d
            return instance_
        render_item = cls(
            item_id,
            quantity,
            sku_id,
            choose_supplychain_services,
        )
        render_item.additional_properties = d
        return render_item

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


from ..models.supply_chain_service_choice import SupplyChainServiceChoice  # noqa: E402
