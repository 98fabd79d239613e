"""The order the tests place: a receiver in Hangzhou and one line of the spec examples' item, written once."""

from __future__ import annotations

from typing import Any

RECEIVER: dict[str, Any] = {
    "name": "张伟",
    "mobile_phone": "13800138000",
    "country": "CN",
    "city": "杭州市",
    "address": "文一西路998号",
}
# Every field of the receiver's address, as the spec's examples give it.
FULL_RECEIVER: dict[str, Any] = {
    **RECEIVER,
    "state": "浙江省",
    "district": "余杭区",
    "address": "五常街道文一西路998号",
    "zip": "311121",
}
LINE: dict[str, Any] = {
    "itemId": "7202402671453",
    "skuId": "7202402671454",
    "orderLineNo": "1",
    "quantity": 2,
    "price": 3990,
}
RENDER_ITEM: dict[str, Any] = {"itemId": "7202402671453", "skuId": "7202402671454", "quantity": 1}
