from typing import Literal

ChannelOrderType = Literal["PANAMA", "PANAMA_DG"]

CHANNEL_ORDER_TYPE_VALUES: set[ChannelOrderType] = {
    "PANAMA",
    "PANAMA_DG",
}


def check_channel_order_type(value: str) -> ChannelOrderType:
    if value in CHANNEL_ORDER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANNEL_ORDER_TYPE_VALUES!r}")
