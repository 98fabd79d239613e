"""`timeout=`: a number of seconds or an `httpx.Timeout` (connect / read / write / pool), per client, per
`with_options` copy and per call; it reaches the request each call sends, and the real pools keep to it."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import tbapi

TOKEN = "access-token-0001"
ITEM = {"errorCode": None, "data": {"tbItemId": 7, "title": "item 7"}}
TOP_KEYS: dict[str, Any] = {"app_key": "12345678", "app_secret": "helloworld"}
PARTS = httpx.Timeout(3.0, connect=1.5, read=4.0, write=2.0, pool=0.5)
AS_SENT = {"connect": 1.5, "read": 4.0, "write": 2.0, "pool": 0.5}


class Recording:
    """An httpx transport answering every request, keeping the timeout each one was sent with."""

    def __init__(self) -> None:
        self.timeouts: list[dict[str, float]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.timeouts.append(dict(request.extensions["timeout"]))
        if request.url.path.endswith("/router/rest"):
            return httpx.Response(200, json={"time_get_response": {"time": "2026-01-01 00:00:00"}})
        return httpx.Response(200, json=ITEM)


@pytest.fixture
def sent() -> Recording:
    return Recording()


def shanjing(sent: Recording, **options: Any) -> tbapi.ShanjingClient:
    own = httpx.Client(transport=httpx.MockTransport(sent))
    return tbapi.ShanjingClient(access_token=TOKEN, base_url="https://sj.test", http_client=own, **options)


def test_a_client_timeout_can_be_an_httpx_timeout(sent: Recording) -> None:
    with shanjing(sent, timeout=PARTS) as client:
        client.items.get(7)
        assert client.timeout == PARTS
    assert sent.timeouts == [AS_SENT]


def test_a_number_is_every_part_of_the_timeout(sent: Recording) -> None:
    with shanjing(sent, timeout=2.5) as client:
        client.items.get(7)
    assert sent.timeouts == [dict.fromkeys(AS_SENT, 2.5)]


def test_with_options_takes_an_httpx_timeout(sent: Recording) -> None:
    with shanjing(sent, timeout=9.0) as client:
        client.with_options(timeout=PARTS).items.get(7)
        client.items.get(7)
    assert sent.timeouts == [AS_SENT, dict.fromkeys(AS_SENT, 9.0)]


def test_a_per_call_timeout_is_that_calls_only(sent: Recording) -> None:
    with shanjing(sent, timeout=9.0) as client:
        client.items.get(7, timeout=PARTS)
        client.items.get(7, timeout=1.25)
        client.items.get(7)
    assert sent.timeouts == [AS_SENT, dict.fromkeys(AS_SENT, 1.25), dict.fromkeys(AS_SENT, 9.0)]


def test_a_per_call_timeout_goes_with_every_page_of_an_iterator(sent: Recording) -> None:
    with shanjing(sent) as client:
        list(client.items.iter_search("shoe", timeout=PARTS, max_items=1))
    assert sent.timeouts
    assert all(timeout == AS_SENT for timeout in sent.timeouts)


def test_the_async_top_client_takes_a_per_call_httpx_timeout(sent: Recording) -> None:
    async def main() -> None:
        own = httpx.AsyncClient(transport=httpx.MockTransport(sent))
        async with tbapi.AsyncTopClient(base_url="https://gw.test/router/rest", http_client=own, **TOP_KEYS) as top:
            await top.call("taobao.time.get", timeout=PARTS)

    asyncio.run(main())
    assert sent.timeouts == [AS_SENT]


@pytest.mark.parametrize(
    "timeout",
    [0, -1, True, "5", httpx.Timeout(None), httpx.Timeout(5.0, read=None), httpx.Timeout(5.0, pool=0)],
    ids=["zero", "negative", "bool", "text", "no-limit", "no-read-limit", "zero-pool"],
)
def test_a_timeout_that_is_not_a_limit_is_refused(timeout: object, sent: Recording) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        shanjing(sent, timeout=timeout)
    assert raised.value.param == "timeout"
    with shanjing(sent) as client, pytest.raises(tbapi.ValidationError) as per_call:
        client.items.get(7, timeout=timeout)  # type: ignore[arg-type]
    assert per_call.value.param == "timeout"
    assert not sent.timeouts


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback server that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


@pytest.mark.timeout(20)  # proves the call cannot outlast its read timeout by much
def test_the_sync_pool_keeps_to_a_per_call_read_timeout(silent_server: str) -> None:
    top = tbapi.TopClient(base_url=silent_server + "/router/rest", max_retries=0, timeout=60.0, **TOP_KEYS)
    with top, pytest.raises(tbapi.APITimeoutError):
        top.call("taobao.time.get", timeout=httpx.Timeout(60.0, read=0.2))


@pytest.mark.timeout(20)  # proves the call cannot outlast its read timeout by much
def test_the_async_pool_keeps_to_a_per_call_read_timeout(silent_server: str) -> None:
    async def main() -> None:
        async with tbapi.AsyncShanjingClient(
            access_token=TOKEN, base_url=silent_server, max_retries=0, timeout=60.0
        ) as client:
            with pytest.raises(tbapi.APITimeoutError):
                await client.items.get(7, timeout=httpx.Timeout(60.0, read=0.2))

    asyncio.run(main())
