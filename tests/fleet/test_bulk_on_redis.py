"""The sync `get_many` (its calls on an event loop) under a Redis `RateLimiter`: each call takes its slot from
Redis, and a Redis that cannot be reached is each id's error, as for `items.get`."""

from __future__ import annotations

import threading

import redis

import tbapi
from tests.cli.item_server import item_server

TOKEN = "access-token-0001"
IDS = list(range(1, 9))


def fan_out_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("tbapi-fan-out")]


def test_each_call_takes_its_slot_from_the_redis_rate_limit(redis_url: str, key: str) -> None:
    limiter = tbapi.RateLimiter(1000, redis_url=redis_url, key=key)
    with (
        item_server() as server,
        tbapi.ShanjingClient(access_token=TOKEN, base_url=server.url, rate_limit=limiter) as c,
    ):
        results = list(c.items.get_many(IDS, concurrency=4))
    rate_limit_key = (
        f"tbapi:ratelimit:{key}"  # the limiter's namespace: a token store on `key` keeps its record elsewhere
    )
    assert (sum(r.ok for r in results), redis.Redis.from_url(redis_url).exists(rate_limit_key)) == (len(IDS), 1)
    assert fan_out_threads() == []


def test_an_unreachable_redis_is_each_ids_error_and_nothing_is_sent(dead_redis_url: str, key: str) -> None:
    limiter = tbapi.RateLimiter(1000, redis_url=dead_redis_url, key=key)
    with (
        item_server() as server,
        tbapi.ShanjingClient(access_token=TOKEN, base_url=server.url, rate_limit=limiter, max_retries=0) as client,
    ):
        results = list(client.items.get_many(IDS, concurrency=4))
        sent = server.total
    assert ({type(r.error) for r in results}, len(results), sent) == ({tbapi.APIConnectionError}, len(IDS), 0)
