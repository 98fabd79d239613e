"""The Shanjing Ecommerce API (Taobao & Tmall through Shanjing): clients, token stores, pages.

    with tbapi.ShanjingClient(access_token=…, refresh_token=…) as client:
        for item in client.items.iter_search("纯棉短袖T恤", language="en", max_items=50):
            print(item.tb_item_id, item.title)

Return values are the generated models of `shanjing_client.models` (unwrapped from the envelope).
"""

from tbapi import _publish

from ._bulk import BulkResult
from ._client import AsyncShanjingClient, ShanjingClient
from ._redis_tokens import RedisTokenStore
from ._tokens import FileTokenStore, InMemoryTokenStore, TokenRecord, TokenStore
from .resources import Page

__all__ = [
    "AsyncShanjingClient",
    "BulkResult",
    "FileTokenStore",
    "InMemoryTokenStore",
    "Page",
    "RedisTokenStore",
    "ShanjingClient",
    "TokenRecord",
    "TokenStore",
]

_publish()  # these names show as `tbapi.shanjing.X` (those tbapi re-exports as `tbapi.X`)
