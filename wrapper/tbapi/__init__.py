"""tbapi — a typed Python SDK for the Shanjing Ecommerce API and the Taobao Open Platform (TOP).

    import tbapi

    with tbapi.ShanjingClient() as client:          # token from TBAPI_SHANJING_ACCESS_TOKEN
        items = client.items.image_search(pic_url="https://img.alicdn.com/…", language="en")

    with tbapi.TopClient() as top:                  # TBAPI_TOP_APP_KEY / TBAPI_TOP_APP_SECRET
        result = top.products.search(fields=["product_id", "name"], q="优衣库")

The clients are imported lazily, so `import tbapi` stays cheap.
"""

from __future__ import annotations

import sys
import typing
from typing import TYPE_CHECKING, Any

from . import _exceptions
from ._exceptions import *  # noqa: F403  (the error tree, named once: in `_exceptions.__all__`)
from ._support.lazy import LazyExports
from ._version import __version__

if TYPE_CHECKING:
    from . import shanjing, testing, top, types
    from ._engine.raw import RawResponse
    from ._ratelimit.limiter import RateLimiter
    from ._telemetry.records import AttemptRecord, CallRecord
    from .shanjing import AsyncShanjingClient, ShanjingClient
    from .top import AsyncTopClient, TopClient

_LAZY = LazyExports(
    globals(),
    {
        "tbapi._telemetry.records": ("AttemptRecord", "CallRecord"),
        "tbapi._engine.raw": ("RawResponse",),
        "tbapi.shanjing": ("ShanjingClient", "AsyncShanjingClient"),
        "tbapi.top": ("TopClient", "AsyncTopClient"),
        "tbapi._ratelimit.limiter": ("RateLimiter",),
    },
    lambda: _publish(),
    modules={"shanjing": "tbapi.shanjing", "top": "tbapi.top", "types": "tbapi.types", "testing": "tbapi.testing"},
)


def __getattr__(name: str) -> Any:
    return _LAZY.load(name)


def __dir__() -> list[str]:
    """The exports, the lazy ones included (tab completion lists the clients, not `importlib` and `sys`)."""
    return sorted(__all__)


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

# The public modules, in order of precedence: a name `tbapi` re-exports is `tbapi.X` wherever else it appears.
_PUBLIC_MODULES = ("tbapi", "tbapi.shanjing", "tbapi.top", "tbapi.testing")


def _loaded_exports(module_name: str) -> dict[str, Any]:
    """The exported names of a public module that are loaded now (a lazy name counts once its module is)."""
    module = sys.modules.get(module_name)
    if module is None:
        return {}
    loaded = {name: module.__dict__[name] for name in getattr(module, "__all__", ()) if name in module.__dict__}
    if module_name == __name__:
        for name, (source, attribute) in _LAZY.sources.items():
            # `vars`, not `hasattr`: reading a lazy package's export would import it
            if attribute is not None and source in sys.modules and attribute in vars(sys.modules[source]):
                loaded[name] = vars(sys.modules[source])[attribute]
    return loaded


def _publish() -> None:
    """Give each exported class and function of tbapi's own code the module users import it from, so that
    tracebacks, reprs and pickles say `tbapi.ValidationError`, not `tbapi._exceptions.ValidationError`.

    Runs when tbapi or one of its public packages is imported and when a lazy export is loaded; a name
    published once is left alone. A class's own string annotations are resolved first, where they were
    written, because `typing.get_type_hints` looks them up in the module `__module__` names. The generated
    models that `tbapi.top` and `tbapi.types` re-export keep their generated module (their annotations name
    the generated package's helpers).
    """
    from types import FunctionType  # here: `tbapi.types` is the models' module

    for module_name in _PUBLIC_MODULES:
        for value in _loaded_exports(module_name).values():
            own = isinstance(value, type | FunctionType)  # not `inspect`: it would double the cost of `import tbapi`
            home = getattr(value, "__module__", "")
            if own and home.startswith("tbapi.") and home not in _PUBLIC_MODULES and "._generated" not in home:
                if isinstance(value, type) and "__annotations__" in vars(value):
                    hints = typing.get_type_hints(value, include_extras=True)
                    value.__annotations__ = {field: hints[field] for field in vars(value)["__annotations__"]}
                value.__module__ = module_name


_publish()
