"""`client.products`: 撞库, the orderable ids (`mpId`, `mpSkuId`) of an item (one or many)."""

from __future__ import annotations

import dataclasses
from typing import Unpack

from tbapi._generated.shanjing_client.api.products import get_product
from tbapi._generated.shanjing_client.models.item_source_market import ITEM_SOURCE_MARKET_VALUES, ItemSourceMarket
from tbapi._generated.shanjing_client.models.product import Product

from ..._engine.call_options import PerCall, PerCallFields
from ..._engine.flow import Flow
from ..._engine.twins import M, iterator, twin
from ..._support.validation import int_id
from .. import _args as checks
from .._bulk import Fetch, Many, many
from .._core import Core, request
from .._envelope import unwrap_data
from .base import ShanjingResource


@dataclasses.dataclass(frozen=True, kw_only=True)
class _MarketOption:
    item_source_market: ItemSourceMarket | None = None


# What `products.get_many` takes, in this order (a dataclass lists its bases' fields last base first).
@dataclasses.dataclass(frozen=True)
class _GetMany(PerCallFields, _MarketOption, Many):
    pass


class Products(ShanjingResource[M]):
    """`client.products`: 撞库, the orderable ids of an item."""

    def _get(
        self, item_id: int | str, *, item_source_market: ItemSourceMarket | None = None, **per_call: Unpack[PerCall]
    ) -> Flow[Product]:
        """撞库: the orderable record of a Taobao (or, with `CBU_MARKET`, 1688) item — its `mpId` and each
        SKU's `mpSkuId`, needed by `orders.render` and `orders.create`.

        Raises `ValidationError` for a bad `item_id` or market, else the errors of `items.get`.
        """
        return (yield from _record(self._core, int_id("item_id", item_id), _market(item_source_market)))

    get = twin(_get)

    @many(_GetMany)
    def _get_many(self, given: _GetMany) -> Fetch[Product]:
        """撞库 for many items, `concurrency` calls in flight: a `BulkResult` per distinct id (`.item` is the
        `Product`), in the order they complete. Raises `ValidationError` before anything is sent; each
        id's own error is its result's `.error`, as in `items.get_many`."""
        market = _market(given.item_source_market)
        return lambda core, item_id: _record(core, item_id, market)

    get_many = iterator(_get_many)


def _record(core: Core, item_id: int, market: ItemSourceMarket | None) -> Flow[Product]:
    what = "products.get"
    kwargs = {"item_id": item_id, "item_source_market": market}
    response = yield from request(core, get_product, kwargs, what=what)
    return unwrap_data(response, Product, what)


def _market(item_source_market: ItemSourceMarket | None) -> ItemSourceMarket | None:
    return checks.enum("item_source_market", item_source_market, ITEM_SOURCE_MARKET_VALUES)
