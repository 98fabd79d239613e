from typing import Literal

SupplyChainServiceCategory = Literal["ADVANCED_QUALITY_INSPECTION", "LOGISTICS", "QUALITY_INSPECTION"]

SUPPLY_CHAIN_SERVICE_CATEGORY_VALUES: set[SupplyChainServiceCategory] = {
    "ADVANCED_QUALITY_INSPECTION",
    "LOGISTICS",
    "QUALITY_INSPECTION",
}


def check_supply_chain_service_category(value: str) -> SupplyChainServiceCategory:
    if value in SUPPLY_CHAIN_SERVICE_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUPPLY_CHAIN_SERVICE_CATEGORY_VALUES!r}")
