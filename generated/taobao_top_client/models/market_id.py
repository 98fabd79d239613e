from typing import Literal

MarketId = Literal["1", "2"]

MARKET_ID_VALUES: set[MarketId] = {
    "1",
    "2",
}


def check_market_id(value: str) -> MarketId:
    if value in MARKET_ID_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MARKET_ID_VALUES!r}")
