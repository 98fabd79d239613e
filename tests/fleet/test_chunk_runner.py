"""`tbapi.fleet.ChunkRunner`, the piece a custom taskiq task can use: one chunk into the run store, on the real
Redis and a loopback item server."""

from __future__ import annotations

import redis.asyncio

import tbapi
from tbapi.fleet import MAX_DELIVERIES, Chunk, ChunkRunner, RunSpec, RunStore
from tests.cli.item_server import item_server

IDS = [1, 2, 3]


async def test_a_chunk_started_too_often_ends_with_an_error_line_per_id_and_no_call(
    redis_url: str, namespace: str
) -> None:
    store = RunStore(redis.asyncio.Redis.from_url(redis_url), namespace)
    await store.create("r", RunSpec.of(IDS, kind="item", chunk_size=3))
    for _ in range(MAX_DELIVERIES):  # three workers died on it before it could store anything
        await store.delivered("r", 0)
    with item_server() as server:
        async with tbapi.AsyncShanjingClient(access_token="t", base_url=server.url) as client:
            await ChunkRunner(client, store, concurrency=2).run(Chunk(run="r", number=0, ids=IDS))
    lines = [line for _, line, _ in await store.uncollected("r")]
    assert (len(lines), all(b'"type":"ChunkAbandoned"' in line for line in lines), server.total) == (3, True, 0)
    await store.close()


async def test_a_chunk_delivered_again_fetches_only_the_ids_without_a_result(redis_url: str, namespace: str) -> None:
    store = RunStore(redis.asyncio.Redis.from_url(redis_url), namespace)
    await store.create("r", RunSpec.of(IDS, kind="item", chunk_size=3))
    with item_server() as server:
        async with tbapi.AsyncShanjingClient(access_token="t", base_url=server.url) as client:
            runner = ChunkRunner(client, store, concurrency=2)
            await runner.run(Chunk(run="r", number=0, ids=IDS[:2]))
            await runner.run(Chunk(run="r", number=0, ids=IDS))
    progress = await store.progress("r")
    assert (progress and progress.done, dict(server.requests)) == (3, {1: 1, 2: 1, 3: 1})
    await store.close()
