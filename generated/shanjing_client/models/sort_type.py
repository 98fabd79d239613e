from typing import Literal

SortType = Literal["ASC", "DESC"]

SORT_TYPE_VALUES: set[SortType] = {
    "ASC",
    "DESC",
}


def check_sort_type(value: str) -> SortType:
    if value in SORT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SORT_TYPE_VALUES!r}")
