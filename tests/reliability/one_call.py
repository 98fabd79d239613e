"""One representative call of each API, on a sync or an async client: `items.get` and `products.search`.

For the cases that hold for any call of both APIs and both clients (`API_FLAVOURS`): a test plans the fault on
`route(api)`, then awaits `one_call(api, flavour, plan)` — a sync client simply runs inside the test's loop.
Any other call is written once for both flavours: `on_client(api, flavour, plan, lambda client: …)` settles
what the lambda returns (`settled`: awaited when the client is async), and `client_of` holds one client open
for several calls.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from tests.reliability.conftest import async_shanjing_client, async_top_client, shanjing_client, top_client, top_url
from tests.reliability.fault_server import Plan, Respond, json_answer
from tests.reliability.spec_examples import example

T = TypeVar("T")
SJ_ITEM = "/rest/taobao-global/traffic/item/get"
TOP_SEARCH = "taobao.products.search"
SJ_OK = json_answer(example("shanjing", "getItem"))  # the representative calls' successful answers
TOP_OK = json_answer(example("top", "productsSearch"))
ITEM_ID = 689542173310
API_FLAVOURS = [("Shanjing", "sync"), ("Shanjing", "async"), ("TOP", "sync"), ("TOP", "async")]
IDS = [f"{api}-{flavour}" for api, flavour in API_FLAVOURS]


def route(api: str) -> str:
    return SJ_ITEM if api == "Shanjing" else TOP_SEARCH


def ok_answer(api: str) -> Respond:
    return SJ_OK if api == "Shanjing" else TOP_OK


def call_name(api: str, flavour: str) -> str:
    return f"{'items.get' if api == 'Shanjing' else 'products.search'} ({flavour})"


async def settled(value: T) -> Any:
    """`value`, awaited when it is awaitable: what a call of a sync client returns, or what an async one's gives."""
    return await value if inspect.isawaitable(value) else value


async def drained(items: Iterable[T] | AsyncIterable[T], got: list[T]) -> None:
    """Every item of a sync or an async iterator appended to `got` (which keeps them when the walk raises)."""
    if isinstance(items, AsyncIterable):
        async for item in items:
            got.append(item)
    else:
        got.extend(items)


def new_client(api: str, flavour: str, plan: Plan | str, **options: Any) -> Any:
    """A suite client of `api` (sync or async) pointed at `plan` and made with `options`; not yet entered."""
    url = plan.url if isinstance(plan, Plan) else plan
    if api == "Shanjing":
        return (shanjing_client if flavour == "sync" else async_shanjing_client)(url, **options)
    return (top_client if flavour == "sync" else async_top_client)(top_url(url), **options)


@asynccontextmanager
async def client_of(api: str, flavour: str, plan: Plan | str, **options: Any) -> AsyncIterator[Any]:
    """`new_client(…)`, open for the block and closed after it, whichever its flavour."""
    client = new_client(api, flavour, plan, **options)
    if flavour == "sync":
        with client:
            yield client
    else:
        async with client:
            yield client


async def on_client(api: str, flavour: str, plan: Plan | str, call: Callable[[Any], Any], **options: Any) -> Any:
    """`call(client)` on a fresh client of `api` and `flavour`, settled; what it raises is raised."""
    async with client_of(api, flavour, plan, **options) as client:
        return await settled(call(client))


def on_sync_client(api: str, plan: Plan | str, call: Callable[[Any], T], **options: Any) -> T:
    """`call(client)` on a fresh sync client of `api`, for a sync test (no event loop)."""
    with new_client(api, "sync", plan, **options) as client:
        return call(client)


def representative(api: str) -> Callable[[Any], Any]:
    """The representative call of `api`, on a client of either flavour: `items.get` of an item, or a search."""
    if api == "Shanjing":
        return lambda client: client.items.get(ITEM_ID)
    return lambda client: client.products.search(fields=["product_id", "name"], q="优衣库")


async def one_call(api: str, flavour: str, plan: Plan | str, **options: Any) -> Any:
    """The call's result; what it raises is raised."""
    return await on_client(api, flavour, plan, representative(api), **options)
