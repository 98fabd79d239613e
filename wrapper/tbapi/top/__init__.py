"""The Taobao Open Platform (TOP) half of tbapi.

from tbapi.top import TopClient, sign

with TopClient() as top:
    page = top.products.search(fields=["product_id", "name"], q="优衣库")
    cats = top.itemcats.get(parent_cid=0)
    seller = top.call("taobao.user.seller.get", {"fields": "nick"}, session="…")

sign({"method": "taobao.item.seller.get", …}, "helloworld", "md5")   # the signature, upper-case hex
TopClient(clock=TopClock(now=my_clock))   # where timestamps come from (tests, a corrected host clock)
"""

from tbapi import _publish
from tbapi._generated.taobao_top_client.models import ItemCat, ItemProp, Product, PropValue

from ._client import AsyncTopClient, TopClient
from ._signing import SignMethod, sign
from ._types import ProductsSearchResult
from ._wire import TopClock

__all__ = [
    "AsyncTopClient",
    "ItemCat",
    "ItemProp",
    "Product",
    "ProductsSearchResult",
    "PropValue",
    "SignMethod",
    "TopClient",
    "TopClock",
    "sign",
]

_publish()  # these names show as `tbapi.top.X` (those tbapi re-exports as `tbapi.X`)
