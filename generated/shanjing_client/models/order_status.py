from typing import Literal

OrderStatus = Literal["BULIDING", "TRADE_CLOSED", "WAIT_BUYER_CONFIRM_GOODS", "WAIT_BUYER_P", "WAIT_SELLER_SEND_GOODS"]

ORDER_STATUS_VALUES: set[OrderStatus] = {
    "BULIDING",
    "TRADE_CLOSED",
    "WAIT_BUYER_CONFIRM_GOODS",
    "WAIT_BUYER_P",
    "WAIT_SELLER_SEND_GOODS",
}


def check_order_status(value: str) -> OrderStatus:
    if value in ORDER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDER_STATUS_VALUES!r}")
