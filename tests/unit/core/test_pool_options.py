"""`limits=` and `max_concurrency=`: checked before anything is sent; at most N calls of a client on the wire."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

import tbapi

KEYS: dict[str, Any] = {"app_key": "12345678", "app_secret": "helloworld"}


def answer_body() -> httpx.Response:
    return httpx.Response(200, json={"time_get_response": {"time": "2026-01-01 00:00:00"}})


class InFlight:
    """Counts the requests inside the transport at once (the highest count is `most`)."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self._lock = threading.Lock()

    def enter(self) -> None:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def leave(self) -> None:
        with self._lock:
            self.now -= 1

    async def answer_after_a_while(self, request: httpx.Request) -> httpx.Response:
        """An async transport's answer that stays in flight for 10 ms."""
        self.enter()
        await asyncio.sleep(0.01)
        self.leave()
        return answer_body()


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"limits": 100}, "limits"),
        ({"limits": httpx.Limits(max_connections=5), "http_client": httpx.Client()}, "limits"),
        ({"max_concurrency": 0}, "max_concurrency"),
        ({"max_concurrency": True}, "max_concurrency"),
        ({"max_concurrency": 2.5}, "max_concurrency"),
    ],
    ids=["not-limits", "limits-with-own-client", "zero", "bool", "float"],
)
@pytest.mark.parametrize("make", [tbapi.TopClient, tbapi.ShanjingClient])
def test_bad_pool_options_are_a_validation_error_naming_them(
    make: Callable[..., Any], kwargs: dict[str, Any], param: str
) -> None:
    credentials = KEYS if make is tbapi.TopClient else {"access_token": "t"}
    with pytest.raises(tbapi.ValidationError) as caught:
        make(**credentials, **kwargs)
    assert caught.value.param == param


def test_limits_are_accepted_for_the_clients_own_pool() -> None:
    with tbapi.TopClient(**KEYS, limits=httpx.Limits(max_connections=3), max_concurrency=3) as top:
        assert top.max_retries == 2


async def test_async_max_concurrency_lets_at_most_n_calls_onto_the_wire() -> None:
    seen = InFlight()
    http = httpx.AsyncClient(transport=httpx.MockTransport(seen.answer_after_a_while))
    async with http, tbapi.AsyncTopClient(**KEYS, http_client=http, max_concurrency=3) as top:
        results = await asyncio.gather(*(top.call("taobao.time.get", {}) for _ in range(30)))
    assert len(results) == 30
    assert seen.most == 3


def test_sync_max_concurrency_lets_at_most_n_threads_onto_the_wire() -> None:
    seen = InFlight()
    release = threading.Event()

    def answer(request: httpx.Request) -> httpx.Response:
        seen.enter()
        release.wait(0.05)
        seen.leave()
        return answer_body()

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with http, tbapi.TopClient(**KEYS, http_client=http, max_concurrency=2) as top, ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: top.call("taobao.time.get", {}), range(16)))
    assert len(results) == 16
    assert seen.most == 2


def test_sync_a_call_that_finds_no_free_place_in_its_timeout_is_an_unsent_timeout() -> None:
    entered, release = threading.Event(), threading.Event()

    def answer(request: httpx.Request) -> httpx.Response:
        entered.set()
        release.wait(5)  # holds the one place until the other call has given up
        return answer_body()

    def hold(top: tbapi.TopClient) -> None:
        with contextlib.suppress(tbapi.APITimeoutError):  # its own answer comes after its timeout
            top.call("taobao.time.get", {})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with http, tbapi.TopClient(**KEYS, http_client=http, max_concurrency=1, timeout=0.05, max_retries=0) as top:
        holder = threading.Thread(target=hold, args=(top,))
        holder.start()
        entered.wait(5)
        try:
            with pytest.raises(tbapi.APITimeoutError, match="more calls at once than the pool serves") as caught:
                top.call("taobao.time.get", {})
        finally:
            release.set()
            holder.join()
    assert caught.value.request_sent is False


async def test_async_a_call_that_finds_no_free_place_in_its_timeout_is_an_unsent_timeout() -> None:
    entered, release = asyncio.Event(), asyncio.Event()

    async def answer(request: httpx.Request) -> httpx.Response:
        entered.set()
        await release.wait()
        return answer_body()

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    async with (
        http,
        tbapi.AsyncTopClient(**KEYS, http_client=http, max_concurrency=1, timeout=0.05, max_retries=0) as top,
    ):
        holder = asyncio.ensure_future(top.call("taobao.time.get", {}))
        await entered.wait()
        with pytest.raises(tbapi.APITimeoutError, match="more calls at once than the pool serves") as caught:
            await top.call("taobao.time.get", {})
        release.set()
        await asyncio.gather(holder, return_exceptions=True)  # its own answer comes after its timeout
    assert caught.value.request_sent is False


async def test_with_options_copies_share_the_concurrency_cap() -> None:
    seen = InFlight()
    http = httpx.AsyncClient(transport=httpx.MockTransport(seen.answer_after_a_while))
    async with http, tbapi.AsyncTopClient(**KEYS, http_client=http, max_concurrency=2) as top:
        copy = top.with_options(max_retries=0)
        await asyncio.gather(*(c.call("taobao.time.get", {}) for c in [top, copy] * 10))
    assert seen.most == 2
