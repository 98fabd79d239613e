"""A scriptable fake Shanjing service over `httpx.MockTransport`, and clients wired to it."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import tbapi
from tests.waits import record_wait

BASE_URL = "https://shanjing.test"
TOKEN = "access-token-0001"
REFRESH = "refresh-token-0001"
FRESH = "access-token-0002"
FRESH_REFRESH = "refresh-token-0002"

Handler = Callable[[httpx.Request], httpx.Response]


def ok(data: Any, **extra: Any) -> httpx.Response:
    """A success envelope."""
    return httpx.Response(200, json={"errorCode": None, "errorMsg": None, "data": data, **extra})


def fail(code: str, message: str = "failed", **extra: Any) -> httpx.Response:
    """An HTTP-200 error envelope."""
    return httpx.Response(200, json={"errorCode": code, "errorMsg": message, "data": None, **extra})


def token_answer(access: str = FRESH, refresh: str = FRESH_REFRESH, expires_in: int = 3600) -> httpx.Response:
    return httpx.Response(
        200,
        json={"access_token": access, "refresh_token": refresh, "expires_in": expires_in, "refresh_expires_in": "7200"},
    )


class FakeShanjing:
    """Routes by path to handlers; records every request (thread-safe). Unrouted paths answer 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

    def route(self, suffix: str, handler: Handler | httpx.Response) -> None:
        if isinstance(handler, httpx.Response):  # a fresh copy per request: httpx binds a response to its client
            status, headers, content = handler.status_code, handler.headers, handler.read()
            self.routes[suffix] = lambda _request: httpx.Response(status, headers=headers, content=content)
        else:
            self.routes[suffix] = handler

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._lock:
            self.requests.append(request)
        for suffix, handler in self.routes.items():
            if request.url.path.endswith(suffix):
                return handler(request)
        return httpx.Response(404, json={"title": "no route"})

    def calls(self, suffix: str) -> list[httpx.Request]:
        with self._lock:
            return [r for r in self.requests if r.url.path.endswith(suffix)]

    @staticmethod
    def body(request: httpx.Request) -> Any:
        return json.loads(request.content)


@pytest.fixture
def fake() -> FakeShanjing:
    return FakeShanjing()


@pytest.fixture(autouse=True)
def no_shanjing_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Shanjing unit test sees the developer's own `TBAPI_SHANJING_*` settings (a test sets what it needs)."""
    for name in ("TBAPI_SHANJING_ACCESS_TOKEN", "TBAPI_SHANJING_REFRESH_TOKEN", "TBAPI_SHANJING_TOKEN_FILE"):
        monkeypatch.delenv(name, raising=False)


def make_client(fake: Handler, **kwargs: Any) -> tbapi.ShanjingClient:
    kwargs.setdefault("access_token", TOKEN)
    kwargs.setdefault("base_url", BASE_URL)
    kwargs.setdefault("sleep", record_wait)
    return tbapi.ShanjingClient(http_client=httpx.Client(transport=httpx.MockTransport(fake)), **kwargs)


def make_async_client(fake: Any, **kwargs: Any) -> tbapi.AsyncShanjingClient:
    kwargs.setdefault("access_token", TOKEN)
    kwargs.setdefault("base_url", BASE_URL)
    kwargs.setdefault("sleep", record_wait)
    return tbapi.AsyncShanjingClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake)), **kwargs)


@pytest.fixture
def client(fake: FakeShanjing, no_sleep: list[float]) -> Iterator[tbapi.ShanjingClient]:
    with make_client(fake) as c:
        yield c


def bearer(request: httpx.Request) -> str:
    return str(request.headers.get("Authorization", "")).removeprefix("Bearer ")


def for_the_fresh_token(data: Any) -> Callable[[httpx.Request], httpx.Response]:
    """A route answering `data` to the refreshed token (`FRESH`) and IllegalAccessToken to any other: a call on
    an older token must refresh, then replay."""

    def answer(request: httpx.Request) -> httpx.Response:
        return ok(data) if bearer(request) == FRESH else fail("IllegalAccessToken", "Illegal access token")

    return answer


def search_item(n: int) -> dict[str, Any]:
    return {"tbItemId": n, "title": f"item {n}", "price": "9.90"}


PURCHASE_ORDER = {
    "purchase_id": 3012459876543210,
    "outer_purchase_id": "SJ-1",
    "status": "WAIT_BUYER_P",
    "purchase_amount": 7980,
    "sub_purchase_orders": [
        {"sub_purchase_order_id": 3012459876543211, "item_id": "720", "sku_id": "721", "quantity": 2},
    ],
}
