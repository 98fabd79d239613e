"""A refreshed token is never lost — with refresh tokens that rotate, losing one locks the client out for good:
not when the call waiting on the refresh is cancelled, not when the token store fails to save it."""

from __future__ import annotations

import asyncio
import logging
import threading

import httpx
import pytest

import tbapi
from tbapi.shanjing import InMemoryTokenStore, TokenRecord

from .conftest import REFRESH, TOKEN, bearer, fail, make_async_client, make_client, ok, token_answer

ITEM = {"tbItemId": 1, "title": "shirt"}
FIRST, ISSUED = (TOKEN, REFRESH), ("access-0001", "refresh-0001")


def pair(record: TokenRecord | None) -> tuple[str, str | None] | None:
    return None if record is None else (record.access_token, record.refresh_token)


class RotatingService:
    """A Shanjing stand-in on which TOKEN has expired and refresh tokens rotate: each works once, and the service issues the next pair
    the moment it takes a refresh request — answering it `delay` seconds later (async only)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.access: str | None = None  # the caller's TOKEN has expired
        self.refresh = REFRESH
        self.refreshes = 0
        self.bearers: list[str] = []
        self._lock = threading.Lock()

    def handle(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/auth/token/refresh"):
            self.bearers.append(bearer(request))
            return ok(ITEM) if bearer(request) == self.access else fail("IllegalAccessToken", "expired")
        with self._lock:
            if request.url.params.get("refresh_token") != self.refresh:
                return httpx.Response(400, json={"error": "invalid_grant", "error_description": "refresh token used"})
            self.refreshes += 1
            self.access, self.refresh = f"access-{self.refreshes:04d}", f"refresh-{self.refreshes:04d}"
            return token_answer(self.access, self.refresh)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        answer = self.handle(request)
        if request.url.path.endswith("/auth/token/refresh"):
            await asyncio.sleep(self.delay)  # issued already; the answer is on its way
        return answer


class RefusingStore(InMemoryTokenStore):
    """An in-memory store whose next `refusals` saves fail (a full disk, a store that is down)."""

    def __init__(self, record: TokenRecord, refusals: int) -> None:
        super().__init__(record)
        self.refusals = refusals

    def save(self, record: TokenRecord) -> None:
        if self.refusals > 0:
            self.refusals -= 1
            raise tbapi.APIConnectionError("the token store is down", request_sent=False)
        super().save(record)


def expired_store(refusals: int) -> RefusingStore:
    return RefusingStore(TokenRecord(TOKEN, REFRESH), refusals)


# --- a waiter cancelled mid-refresh --------------------------------------------------------------------------


async def test_a_refresh_whose_caller_was_cancelled_still_saves_the_rotated_token() -> None:
    service = RotatingService(delay=0.3)
    async with make_async_client(service.handle_async, refresh_token=REFRESH) as client:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(client.items.get(1), 0.1)  # cancelled while the refresh's answer is on its way
        item = await client.items.get(1)
        assert (item.tb_item_id, service.refreshes, pair(client.token)) == (1, 1, ISSUED)


async def test_every_caller_cancelled_mid_refresh_leaves_the_token_saved() -> None:
    service = RotatingService(delay=0.2)
    store = InMemoryTokenStore(TokenRecord(TOKEN, REFRESH))
    async with make_async_client(service.handle_async, token_store=store) as client:
        calls = [asyncio.wait_for(client.items.get(1), 0.05) for _ in range(4)]
        results = await asyncio.gather(*calls, return_exceptions=True)
        for _ in range(100):  # the refresh goes on without its callers: bounded wait for it to land
            if pair(store.load()) != FIRST:
                break
            await asyncio.sleep(0.02)
    assert ([type(r) for r in results], pair(store.load())) == (
        [TimeoutError] * 4,
        ISSUED,
    )


# --- a store that fails to save ------------------------------------------------------------------------------


def test_a_token_the_store_failed_to_save_is_used_and_saved_again(caplog: pytest.LogCaptureFixture) -> None:
    service, store = RotatingService(), expired_store(refusals=1)
    with make_client(service.handle, token_store=store) as client:
        item = client.items.get(1)
    assert (item.tb_item_id, pair(store.load()), service.bearers) == (
        1,
        ISSUED,
        [TOKEN, "access-0001"],
    )
    assert "could not save it" in caplog.text
    assert "is now saved" in caplog.text


async def test_a_token_the_store_failed_to_save_is_used_and_saved_again_async(caplog: pytest.LogCaptureFixture) -> None:
    service, store = RotatingService(), expired_store(refusals=1)
    async with make_async_client(service.handle_async, token_store=store) as client:
        item = await client.items.get(1)
    assert (item.tb_item_id, pair(store.load()), service.bearers) == (
        1,
        ISSUED,
        [TOKEN, "access-0001"],
    )
    assert "could not save it" in caplog.text
    assert "is now saved" in caplog.text


def test_a_store_that_keeps_failing_never_costs_the_token(caplog: pytest.LogCaptureFixture) -> None:
    service, store = RotatingService(), expired_store(refusals=1000)
    caplog.set_level(logging.ERROR, logger="tbapi")
    with make_client(service.handle, token_store=store) as client:
        items = [client.items.get(1) for _ in range(3)]
        assert (len(items), service.refreshes, pair(client.token)) == (3, 1, ISSUED)
    assert (pair(store.load()), caplog.text.count("kept in memory")) == (FIRST, 1)


async def test_a_store_that_keeps_failing_never_costs_the_token_async() -> None:
    service, store = RotatingService(), expired_store(refusals=1000)
    async with make_async_client(service.handle_async, token_store=store) as client:
        items = [await client.items.get(1) for _ in range(3)]
        assert (len(items), service.refreshes, pair(client.token)) == (3, 1, ISSUED)


def test_a_token_adopted_while_the_store_fails_is_kept() -> None:
    service, store = RotatingService(), expired_store(refusals=1000)
    with make_client(service.handle, token_store=store) as client:
        client.auth.refresh()
        assert (pair(client.token), pair(store.load())) == (ISSUED, FIRST)
