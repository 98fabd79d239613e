from typing import Literal

VerticalMarket = Literal[3, 4, 8]

VERTICAL_MARKET_VALUES: set[VerticalMarket] = {
    3,
    4,
    8,
}


def check_vertical_market(value: int) -> VerticalMarket:
    if value in VERTICAL_MARKET_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERTICAL_MARKET_VALUES!r}")
