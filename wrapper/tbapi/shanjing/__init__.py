"""The Shanjing Ecommerce API (Taobao & Tmall through Shanjing): clients, token stores, pages.

    with tbapi.ShanjingClient(access_token=…, refresh_token=…) as client:
        for item in client.items.iter_search("纯棉短袖T恤", language="en", max_items=50):
            print(item.tb_item_id, item.title)

Return values are the generated models of `shanjing_client.models` (unwrapped from the envelope).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tbapi import _publish
from tbapi._support.lazy import LazyExports

if TYPE_CHECKING:
    from ._bulk import BulkResult
    from ._client import AsyncShanjingClient, ShanjingClient
    from ._redis_tokens import RedisTokenStore
    from ._tokens import FileTokenStore, InMemoryTokenStore, TokenRecord, TokenStore
    from .resources import Page

# Imported on first use: the fleet's run store and the CLI's bulk and fleet commands use this package's small
# modules (change lines, result lines) without the client.
_EXPORTS = LazyExports(
    globals(),
    {
        "tbapi.shanjing._bulk": ("BulkResult",),
        "tbapi.shanjing._client": ("AsyncShanjingClient", "ShanjingClient"),
        "tbapi.shanjing._redis_tokens": ("RedisTokenStore",),
        "tbapi.shanjing._tokens": ("FileTokenStore", "InMemoryTokenStore", "TokenRecord", "TokenStore"),
        "tbapi.shanjing.resources": ("Page",),
    },
    _publish,
)


def __getattr__(name: str) -> Any:
    """An export, imported when first read."""
    return _EXPORTS.load(name)


def __dir__() -> list[str]:
    """The module's names and its exports, the ones not imported yet included."""
    return sorted(set(globals()) | set(__all__))


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
