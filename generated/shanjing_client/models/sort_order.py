from typing import Literal

SortOrder = Literal["PRICE_ASC", "PRICE_DESC", "SALE_QTY_ASC", "SALE_QTY_DESC"]

SORT_ORDER_VALUES: set[SortOrder] = {
    "PRICE_ASC",
    "PRICE_DESC",
    "SALE_QTY_ASC",
    "SALE_QTY_DESC",
}


def check_sort_order(value: str) -> SortOrder:
    if value in SORT_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SORT_ORDER_VALUES!r}")
