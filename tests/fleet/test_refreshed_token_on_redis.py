"""A refreshed token is never lost when Redis fails at the moment of its save (a real Redis that starts refusing
writes — out of memory — while the refresh is on the wire): the call goes on with it, and the next call once
Redis takes writes again saves it there for the fleet. Sync and async."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import redis

import tbapi
from tbapi.shanjing import RedisTokenStore, TokenRecord

STALE, REFRESH = "stale-access-token", "first-refresh-token"
ISSUED = ("issued-access-token", "issued-refresh-token")


class RefusingRedis:
    """Turns the real Redis server's writes off (maxmemory 1, no eviction: "OOM command not allowed") and on."""

    def __init__(self, url: str) -> None:
        self.admin = redis.Redis.from_url(url)

    def refuse_writes(self) -> None:
        self.admin.config_set("maxmemory-policy", "noeviction")
        self.admin.config_set("maxmemory", "1")

    def take_writes(self) -> None:
        self.admin.config_set("maxmemory", "0")


@pytest.fixture
def refusing(redis_url: str) -> Iterator[RefusingRedis]:
    server = RefusingRedis(redis_url)
    yield server
    server.take_writes()


def service(refusing: RefusingRedis) -> httpx.MockTransport:
    """STALE has expired; the refresh issues ISSUED — and Redis stops taking writes while it is answered."""

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/token/refresh"):
            refusing.refuse_writes()
            return httpx.Response(200, json={"access_token": ISSUED[0], "refresh_token": ISSUED[1], "expires_in": 3600})
        if request.headers.get("Authorization") == f"Bearer {ISSUED[0]}":
            return httpx.Response(200, json={"errorCode": None, "data": {"tbItemId": 7}})
        return httpx.Response(200, json={"errorCode": "IllegalAccessToken", "data": None})

    return httpx.MockTransport(handle)


def pair(record: TokenRecord | None) -> tuple[str, str | None] | None:
    return None if record is None else (record.access_token, record.refresh_token)


def test_a_token_redis_failed_to_save_is_used_then_saved(redis_url: str, key: str, refusing: RefusingRedis) -> None:
    store = RedisTokenStore(redis_url, key=key)
    store.save(TokenRecord(STALE, REFRESH))
    http = httpx.Client(transport=service(refusing))
    with tbapi.ShanjingClient(base_url="https://shanjing.test", token_store=store, http_client=http) as client:
        first = client.items.get(7)
        unsaved = pair(RedisTokenStore(redis_url, key=key).load())
        refusing.take_writes()
        client.items.get(7)
    assert (first.tb_item_id, unsaved, pair(RedisTokenStore(redis_url, key=key).load())) == (
        7,
        (STALE, REFRESH),
        ISSUED,
    )


async def test_a_token_redis_failed_to_save_is_used_then_saved_async(
    redis_url: str, key: str, refusing: RefusingRedis
) -> None:
    store = RedisTokenStore(redis_url, key=key)
    store.save(TokenRecord(STALE, REFRESH))
    http = httpx.AsyncClient(transport=service(refusing))
    async with tbapi.AsyncShanjingClient(
        base_url="https://shanjing.test", token_store=store, http_client=http
    ) as client:
        first = await client.items.get(7)
        unsaved = pair(RedisTokenStore(redis_url, key=key).load())
        refusing.take_writes()
        await client.items.get(7)
    assert (first.tb_item_id, unsaved, pair(RedisTokenStore(redis_url, key=key).load())) == (
        7,
        (STALE, REFRESH),
        ISSUED,
    )
