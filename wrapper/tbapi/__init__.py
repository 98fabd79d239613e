"""tbapi — a typed Python SDK for the Shanjing Ecommerce API and the Taobao Open Platform (TOP).

    import tbapi

    with tbapi.ShanjingClient() as client:          # token from TBAPI_SHANJING_ACCESS_TOKEN
        items = client.items.image_search(pic_url="https://img.alicdn.com/…", language="en")

    with tbapi.TopClient() as top:                  # TBAPI_TOP_APP_KEY / TBAPI_TOP_APP_SECRET
        result = top.products.search(fields=["product_id", "name"], q="优衣库")

The clients are imported lazily, so `import tbapi` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _exceptions
from ._exceptions import *  # noqa: F403  (the error tree, named once: in `_exceptions.__all__`)
from ._version import __version__

if TYPE_CHECKING:
    from . import shanjing, testing, top, types
    from ._engine.raw import RawResponse
    from ._ratelimit.limiter import RateLimiter
    from ._telemetry.records import AttemptRecord, CallRecord
    from .shanjing import AsyncShanjingClient, ShanjingClient
    from .top import AsyncTopClient, TopClient

_LAZY = {
    "AttemptRecord": ("tbapi._telemetry.records", "AttemptRecord"),
    "CallRecord": ("tbapi._telemetry.records", "CallRecord"),
    "RawResponse": ("tbapi._engine.raw", "RawResponse"),
    "ShanjingClient": ("tbapi.shanjing", "ShanjingClient"),
    "AsyncShanjingClient": ("tbapi.shanjing", "AsyncShanjingClient"),
    "TopClient": ("tbapi.top", "TopClient"),
    "AsyncTopClient": ("tbapi.top", "AsyncTopClient"),
    "RateLimiter": ("tbapi._ratelimit.limiter", "RateLimiter"),
    "shanjing": ("tbapi.shanjing", None),
    "top": ("tbapi.top", None),
    "types": ("tbapi.types", None),
    "testing": ("tbapi.testing", None),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'tbapi' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


__all__ = [
    "AsyncShanjingClient",
    "AsyncTopClient",
    "AttemptRecord",
    "CallRecord",
    "RateLimiter",
    "RawResponse",
    "ShanjingClient",
    "TopClient",
    "__version__",
    "shanjing",
    "testing",
    "top",
    "types",
]
__all__ += _exceptions.__all__
