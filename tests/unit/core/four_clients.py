"""One call of each of the four clients to the loopback API stand-in (`tests/loopback.py`), for the network tests
that hold for every client: sync and async, Shanjing and TOP."""

from __future__ import annotations

import asyncio
from typing import Any

import tbapi
from tests.loopback import ApiServer

KINDS = ["ShanjingClient", "AsyncShanjingClient", "TopClient", "AsyncTopClient"]
TOKEN = "access-token-0001"
TOP_KEYS: dict[str, Any] = {"app_key": "12345678", "app_secret": "helloworld"}


def one_call(kind: str, server: ApiServer, **options: Any) -> Any:
    """A client of `kind` made with `options`, sending one call to `server` (an item detail, or TOP's time), then
    closed; what the call returned."""
    if kind == "ShanjingClient":
        with tbapi.ShanjingClient(access_token=TOKEN, base_url=server.shanjing_url, **options) as shanjing:
            return shanjing.items.get(7)
    if kind == "TopClient":
        with tbapi.TopClient(base_url=server.top_url, **TOP_KEYS, **options) as top:
            return top.call("taobao.time.get")
    return asyncio.run(_one_async_call(kind, server, **options))


async def _one_async_call(kind: str, server: ApiServer, **options: Any) -> Any:
    if kind == "AsyncShanjingClient":
        async with tbapi.AsyncShanjingClient(access_token=TOKEN, base_url=server.shanjing_url, **options) as shanjing:
            return await shanjing.items.get(7)
    async with tbapi.AsyncTopClient(base_url=server.top_url, **TOP_KEYS, **options) as top:
        return await top.call("taobao.time.get")


def answered(result: Any) -> bool:
    """Is `result` the stand-in's answer (item 7, or TOP's time)?"""
    if isinstance(result, dict):
        return result.get("time") == "2026-01-01 00:00:00"
    return bool(result.tb_item_id == 7)
