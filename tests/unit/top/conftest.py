"""A fake TOP gateway behind `httpx.MockTransport`: records the wire requests, answers from a script."""

from __future__ import annotations

import email.utils
import time
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from tbapi.top import AsyncTopClient, TopClient
from tests.waits import record_wait

APP_KEY, SECRET = "12345678", "helloworld-secret"
GATEWAY = "https://gw.test/router/rest"
SEARCH_OK = {"products_search_response": {"total_results": 0, "request_id": "r0"}}


def error_body(
    code: int, msg: str = "error", sub_code: str | None = None, sub_msg: str | None = None
) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "msg": msg, "request_id": "req-1"}
    if sub_code is not None:
        error["sub_code"] = sub_code
    if sub_msg is not None:
        error["sub_msg"] = sub_msg
    return {"error_response": error}


class FakeGateway:
    """Answers each request with the next scripted answer (the last one repeats); records what was sent."""

    def __init__(self, *answers: dict[str, Any] | bytes | httpx.Response) -> None:
        self.answers = list(answers) or [SEARCH_OK]
        self.requests: list[httpx.Request] = []
        self.server_time: float | None = None  # epoch seconds for the Date header; None = now

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, httpx.Response):
            return answer
        date = email.utils.formatdate(self.server_time if self.server_time is not None else time.time(), usegmt=True)
        headers = {"Date": date, "Content-Type": "application/json"}
        if isinstance(answer, bytes):
            return httpx.Response(200, content=answer, headers=headers)
        return httpx.Response(200, json=answer, headers=headers)

    @property
    def query(self) -> dict[str, str]:
        """The query parameters of the last request."""
        return dict(parse_qsl(self.requests[-1].url.query.decode(), keep_blank_values=True))

    @property
    def form(self) -> dict[str, str]:
        """The form body of the last request."""
        return dict(parse_qsl(self.requests[-1].content.decode("utf-8"), keep_blank_values=True))

    def queries(self) -> list[dict[str, str]]:
        return [dict(parse_qsl(r.url.query.decode(), keep_blank_values=True)) for r in self.requests]


def top_client(gateway: FakeGateway, **kwargs: Any) -> TopClient:
    options: dict[str, Any] = {"app_key": APP_KEY, "app_secret": SECRET, "base_url": GATEWAY, "sleep": record_wait}
    options.update(kwargs)
    return TopClient(http_client=httpx.Client(transport=httpx.MockTransport(gateway)), **options)


def async_top_client(gateway: FakeGateway, **kwargs: Any) -> AsyncTopClient:
    options: dict[str, Any] = {"app_key": APP_KEY, "app_secret": SECRET, "base_url": GATEWAY, "sleep": record_wait}
    options.update(kwargs)
    return AsyncTopClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(gateway)), **options)


@pytest.fixture(autouse=True)
def no_top_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests never pick up a developer's real TOP credentials."""
    for name in ("TBAPI_TOP_APP_KEY", "TBAPI_TOP_APP_SECRET", "TBAPI_TOP_SESSION", "TBAPI_TOP_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
