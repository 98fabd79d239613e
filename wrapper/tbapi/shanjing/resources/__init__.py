"""The Shanjing resources, each method written once as a flow; its sync, async and raw twins come from it.

`client.auth`, `client.items`, `client.images`, `client.products`, `client.orders` are one class each,
generic in the client's mode (`_engine/twins.py`): `Items[Sync]` on `ShanjingClient`, `Items[Async]` on
`AsyncShanjingClient`, `Items[RawSync]` / `Items[RawAsync]` behind their `with_raw_response`. Each public
method is declared once, next to its flow: `search = twin(_search)`, `iter_search = iterator(_iter_search)`.
`Shanjing` here is the list of resources every one of those four holds. Each operation's
parameters are declared once, keyword-only after the first, in its flow; an `iter_*` flow forwards them to
its page flow.
"""

from __future__ import annotations

from ..._base_client import ResourceAttribute
from ..._engine.twins import M, Moded
from .._core import Core
from .auth import Auth
from .base import Page, ShanjingResource
from .images import Images
from .items import Items
from .orders import Orders
from .products import Products

__all__ = ["Auth", "Images", "Items", "Orders", "Page", "Products", "RawResponses", "Shanjing"]


class Shanjing(Moded[M]):
    """The Shanjing resources, declared once for both clients (`Sync` / `Async`) and their `with_raw_response`
    (`RawSync` / `RawAsync`): each made on first use from the owner's `_core`, in the owner's mode."""

    _core: Core
    auth: ResourceAttribute[Auth[M]] = ResourceAttribute(Auth)
    items: ResourceAttribute[Items[M]] = ResourceAttribute(Items)
    images: ResourceAttribute[Images[M]] = ResourceAttribute(Images)
    products: ResourceAttribute[Products[M]] = ResourceAttribute(Products)
    orders: ResourceAttribute[Orders[M]] = ResourceAttribute(Orders)


class RawResponses(Shanjing[M], ShanjingResource[M]):
    """`client.with_raw_response`: each resource method returning the `tbapi.RawResponse` of its answer
    (awaitable on the async client); the iterators have no raw twin."""
