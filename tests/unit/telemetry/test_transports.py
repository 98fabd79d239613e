"""The request spans on the real transports, against a loopback server: the async clients' default (aiohttp),
httpx's own async pool, and the sync clients' pool — and a sync `get_many` on its event loop thread."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest

import tbapi
from tests.reliability.fault_server import FaultServer, ResetBeforeResponse, json_answer, running

from .conftest import Telemetry, attributes

ITEM = {"errorCode": None, "data": {"tbItemId": 7, "title": "shirt"}}
ANSWER = json_answer(ITEM, headers={"x-request-id": "loop-1"})


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with running(lifetime_s=120.0) as started:
        yield started


def request_span(otel: Telemetry) -> dict[str, object]:
    (call,) = otel.named("shanjing items.get")
    (request,) = otel.children(call)
    shown = attributes(request)
    shown.pop("url.full")
    return shown


def expected(server: FaultServer, **more: object) -> dict[str, object]:
    return {
        "http.request.method": "GET",
        "server.address": "127.0.0.1",
        "server.port": server.port,
        **more,
    }


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
async def test_an_async_request_is_a_client_span_on_either_transport(
    server: FaultServer, otel: Telemetry, transport: str
) -> None:
    plan = server.plan([ANSWER])
    async with (
        httpx.AsyncClient() if transport == "httpx" else contextlib.nullcontext() as http,
        tbapi.AsyncShanjingClient(access_token="tok-1234", base_url=plan.url, http_client=http) as client,
    ):
        await client.items.get(7)

    assert request_span(otel) == expected(server, **{"http.response.status_code": 200, "tbapi.request_id": "loop-1"})


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
async def test_a_reset_connection_is_a_failed_client_span_on_either_transport(
    server: FaultServer, otel: Telemetry, transport: str
) -> None:
    plan = server.plan([ResetBeforeResponse()])
    async with (
        httpx.AsyncClient() if transport == "httpx" else contextlib.nullcontext() as http,
        tbapi.AsyncShanjingClient(
            access_token="tok-1234", base_url=plan.url, http_client=http, max_retries=0
        ) as client,
    ):
        with pytest.raises(tbapi.APIConnectionError):
            await client.items.get(7)

    assert request_span(otel) == expected(server, **{"error.type": "APIConnectionError"})


def test_a_sync_request_is_a_client_span_on_the_client_s_own_pool(server: FaultServer, otel: Telemetry) -> None:
    plan = server.plan([ANSWER])
    with tbapi.ShanjingClient(access_token="tok-1234", base_url=plan.url) as client:
        client.items.get(7)

    assert request_span(otel) == expected(server, **{"http.response.status_code": 200, "tbapi.request_id": "loop-1"})


def test_a_sync_run_on_its_event_loop_thread_puts_each_call_under_the_run(server: FaultServer, otel: Telemetry) -> None:
    plan = server.plan([ANSWER])
    with tbapi.ShanjingClient(access_token="tok-1234", base_url=plan.url) as client:
        results = list(client.items.get_many([1, 2, 3], concurrency=3))

    (run,) = otel.named("shanjing items.get_many")
    calls = otel.children(run)
    requests = [request for call in calls for request in otel.children(call)]
    assert (len(results), [c.name for c in calls], [r.name for r in requests]) == (
        3,
        ["shanjing items.get"] * 3,
        ["GET"] * 3,
    )


def test_a_token_refresh_in_a_sync_run_on_its_event_loop_is_a_call_under_the_item_s_call(
    server: FaultServer, otel: Telemetry
) -> None:
    refused = json_answer({"errorCode": "IllegalAccessToken", "errorMsg": "Illegal access token", "data": None})
    fresh = json_answer({"access_token": "tok-5678", "refresh_token": "ref-5678", "expires_in": 3600})
    routes = {
        "/rest/taobao-global/traffic/item/get": [refused, ANSWER],
        "/rest/taobao-global/auth/token/refresh": [fresh],
    }
    plan = server.plan(routes)
    with tbapi.ShanjingClient(access_token="tok-1234", refresh_token="ref-1234", base_url=plan.url) as client:
        (result,) = client.items.get_many([7], concurrency=1)

    (call,) = otel.named("shanjing items.get")
    (refresh,) = otel.named("shanjing auth.refresh_token")
    assert (result.ok, refresh.parent is not None and refresh.parent.span_id == call.context.span_id) == (True, True)
