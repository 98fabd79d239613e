"""`get_many` against the Prism mock: every call of the batch passes Prism's request validation."""

from __future__ import annotations

import tbapi
from mock.servers import MockUrls

TOKEN = "e2e-access-token-0001"
IDS = [689542173310 + n for n in range(6)]


def test_items_get_many_every_id_ok(mock_urls: MockUrls) -> None:
    with tbapi.ShanjingClient(base_url=mock_urls.shanjing, access_token=TOKEN, max_retries=0) as client:
        results = list(client.items.get_many(IDS, concurrency=3, language="en"))
    assert (sorted(r.item_id for r in results), [r.error for r in results]) == (IDS, [None] * 6)


async def test_async_products_get_many_every_id_ok(mock_urls: MockUrls) -> None:
    async with tbapi.AsyncShanjingClient(base_url=mock_urls.shanjing, access_token=TOKEN, max_retries=0) as client:
        results = [r async for r in client.products.get_many(IDS, concurrency=3, item_source_market="CBU_MARKET")]
    assert sorted((r.item_id, r.error) for r in results) == [(i, None) for i in IDS]
