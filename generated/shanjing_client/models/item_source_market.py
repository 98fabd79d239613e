from typing import Literal

ItemSourceMarket = Literal["CBU_MARKET"]

ITEM_SOURCE_MARKET_VALUES: set[ItemSourceMarket] = {
    "CBU_MARKET",
}


def check_item_source_market(value: str) -> ItemSourceMarket:
    if value in ITEM_SOURCE_MARKET_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_SOURCE_MARKET_VALUES!r}")
