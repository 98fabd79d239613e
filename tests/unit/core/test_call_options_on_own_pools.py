"""Per-call options and `default_headers=` reach the wire through the clients' own pools too: the sync pool per
thread, aiohttp, and the event loop a sync client's `get_many` runs its calls on."""

from __future__ import annotations

import asyncio

import pytest

import tbapi
from tests.loopback import ApiServer
from tests.unit.core.four_clients import TOKEN, TOP_KEYS


@pytest.mark.timeout(30)
def test_get_many_on_its_event_loop_carries_the_extras(api: ApiServer) -> None:
    with tbapi.ShanjingClient(access_token=TOKEN, base_url=api.url, default_headers={"X-Team": "pricing"}) as client:
        results = list(client.items.get_many([1, 2, 3], extra_headers={"X-Trace": "t-1"}, extra_query={"k": "v"}))
    assert sorted(result.item_id for result in results) == [1, 2, 3]
    assert len(api.seen) == 3
    assert all(seen.headers["x-trace"] == "t-1" and seen.headers["x-team"] == "pricing" for seen in api.seen)
    assert all(seen.query["k"] == "v" for seen in api.seen)


@pytest.mark.timeout(30)
def test_the_async_top_client_sends_its_extras_through_aiohttp(api: ApiServer) -> None:
    async def main() -> None:
        async with tbapi.AsyncTopClient(base_url=api.top_url, default_headers={"X-Team": "pricing"}, **TOP_KEYS) as top:
            await top.call("taobao.time.get", extra_headers={"X-Trace": "t-2"}, extra_query={"k": "v"})

    asyncio.run(main())
    (seen,) = api.seen
    assert (seen.headers["x-trace"], seen.headers["x-team"], seen.query["k"]) == ("t-2", "pricing", "v")


@pytest.mark.timeout(30)
def test_the_sync_pool_sends_the_extras(api: ApiServer) -> None:
    with tbapi.TopClient(base_url=api.top_url, **TOP_KEYS) as top:
        top.call("taobao.time.get", extra_body={"k": "v"}, extra_headers={"X-Trace": "t-3"})
    (seen,) = api.seen
    assert seen.headers["x-trace"] == "t-3"
    assert b"k=v" in seen.body
