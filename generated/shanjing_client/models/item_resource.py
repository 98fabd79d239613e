from typing import Literal

ItemResource = Literal["taobao"]

ITEM_RESOURCE_VALUES: set[ItemResource] = {
    "taobao",
}


def check_item_resource(value: str) -> ItemResource:
    if value in ITEM_RESOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_RESOURCE_VALUES!r}")
