"""Every end-to-end test runs under a secrets watch: the DEBUG logs of `tbapi` and `httpx`, and
every request that leaves through the real transports (httpx's and aiohttp's), are searched for the credentials in play.

- an app secret never leaves the process: not in any URL, header or body;
- an access token travels only as `Authorization: Bearer …`;
- a refresh token travels only in the refresh call; a TOP session only as the `session` parameter;
- no credential appears in any log line.
The credentials are this suite's literal test values plus every secret the clients registered for
redaction (`tbapi._logs`), so a token the mock hands out during a refresh is watched too.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from httpx_aiohttp import AiohttpTransport, HttpxAiohttpClient

from tbapi import _logs
from tests.conftest import SHANJING_TOKEN, TOP_APP_SECRET

APP_SECRETS = frozenset({TOP_APP_SECRET, "not-the-secret", "wrong"})
ACCESS_TOKENS = frozenset({SHANJING_TOKEN, "e2e-access-token-0001"})
REFRESH_TOKENS = frozenset({"e2e-refresh-token-0001"})
SESSIONS = frozenset({"a-user-session"})
REFRESH_PATH = "/rest/taobao-global/auth/token/refresh"


class WireRecorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        send_sync = httpx.HTTPTransport.handle_request
        send_async: dict[type, Callable[[Any, httpx.Request], Awaitable[httpx.Response]]] = {
            httpx.AsyncHTTPTransport: httpx.AsyncHTTPTransport.handle_async_request,
            AiohttpTransport: AiohttpTransport.handle_async_request,
        }

        # The body is read after sending: a multipart stream can be iterated again, not before it is sent.
        def recording_sync(transport: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
            response = send_sync(transport, request)
            request.read()
            self.requests.append(request)
            return response

        async def recording_async(transport: httpx.AsyncBaseTransport, request: httpx.Request) -> httpx.Response:
            response = await send_async[type(transport)](transport, request)
            await request.aread()
            self.requests.append(request)
            return response

        monkeypatch.setattr(httpx.HTTPTransport, "handle_request", recording_sync)
        monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", recording_async)
        monkeypatch.setattr(AiohttpTransport, "handle_async_request", recording_async)


def leaks(request: httpx.Request) -> list[str]:
    """What this request carries that it must not (names the rule, never the secret)."""
    url = str(request.url)
    body = request.content.decode("utf-8", errors="replace")
    auth = request.headers.get("authorization", "")
    other_headers = " ".join(f"{k}: {v}" for k, v in request.headers.items() if k.lower() != "authorization")
    everywhere = f"{url} {other_headers} {auth} {body}"
    outside_auth = f"{url} {other_headers} {body}"
    found = [f"app secret in {request.url.path}" for s in APP_SECRETS if s in everywhere]
    found += [f"access token outside Authorization in {request.url.path}" for s in ACCESS_TOKENS if s in outside_auth]
    if request.url.path != REFRESH_PATH:
        found += [f"refresh token in {request.url.path}" for s in REFRESH_TOKENS if s in everywhere]
    query = dict(parse_qsl(request.url.query.decode()))
    without_session = (
        everywhere.replace(f"session={query.get('session', '')}", "") if "session" in query else everywhere
    )
    found += [f"session outside its parameter in {request.url.path}" for s in SESSIONS if s in without_session]
    return found


@pytest.fixture(autouse=True)
def secrets_watch(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[WireRecorder]:
    wire = WireRecorder()
    wire.install(monkeypatch)
    caplog.set_level(logging.DEBUG, logger="tbapi")
    caplog.set_level(logging.DEBUG, logger="httpx")
    yield wire
    credentials = APP_SECRETS | ACCESS_TOKENS | REFRESH_TOKENS | SESSIONS

    def leaked(text: str) -> bool:  # a credential of these tests, or any secret a client registered
        return any(c in text for c in credentials) or _logs.contains_secret(text)

    in_logs = sorted({record.name for record in caplog.records if leaked(record.getMessage())})
    assert not in_logs, f"a credential appeared in the logs of {in_logs}"
    assert [leak for request in wire.requests for leak in leaks(request)] == []


AsyncHttp = Callable[..., httpx.AsyncClient | None]


@pytest.fixture(params=["aiohttp", "httpx"])
async def async_http(request: pytest.FixtureRequest) -> AsyncIterator[AsyncHttp]:
    """`async_http(headers=…)`: the `http_client=` of an async client on the transport under test.

    aiohttp is the clients' default: without headers it is None (the client's own pool); with headers (the
    mock's `Prefer`) a user's `HttpxAiohttpClient`. httpx is httpx's own pool, given as `http_client=`.
    """
    made: list[httpx.AsyncClient] = []

    def make(headers: dict[str, str] | None = None) -> httpx.AsyncClient | None:
        if request.param == "aiohttp" and not headers:
            return None
        cls = HttpxAiohttpClient if request.param == "aiohttp" else httpx.AsyncClient
        made.append(cls(headers=headers or {}, trust_env=False))
        return made[-1]

    yield make
    for client in made:
        await client.aclose()
