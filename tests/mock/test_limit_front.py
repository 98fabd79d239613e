"""The Shanjing limit front (mock/limit_front.py), in-process, with a recording fake Prism behind it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from starlette.testclient import TestClient

from mock import limit_front
from mock.top_gateway import CallLimit

ITEM = {"errorCode": None, "errorMsg": None, "data": {"tbItemId": 1}}


class FakePrism:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(200, json=ITEM)


@pytest.fixture
def prism() -> FakePrism:
    return FakePrism()


@pytest.fixture
def front(prism: FakePrism) -> Iterator[TestClient]:
    app = limit_front.create_app(
        upstream="http://prism.test", call_limit=CallLimit(2, ban_seconds=3), transport=httpx.MockTransport(prism)
    )
    with TestClient(app) as client:
        yield client


def get(front: TestClient, token: str = "token-a") -> httpx.Response:
    response: httpx.Response = front.get(
        "/rest/taobao-global/traffic/item/get", params={"item_id": "1"}, headers={"Authorization": f"Bearer {token}"}
    )
    return response


def test_calls_under_the_cap_are_forwarded_as_they_came(front: TestClient, prism: FakePrism) -> None:
    answers = [get(front).json() for _ in range(2)]
    sent = prism.requests[0]
    assert (answers, sent.url.path, sent.url.params["item_id"], sent.headers["authorization"]) == (
        [ITEM, ITEM],
        "/rest/taobao-global/traffic/item/get",
        "1",
        "Bearer token-a",
    )


def test_a_call_over_the_cap_is_a_429_with_retry_after(front: TestClient) -> None:
    get(front), get(front)
    response = get(front)
    assert (response.status_code, response.headers["retry-after"], response.json()["errorCode"]) == (
        429,
        "3",
        "TooManyRequests",
    )


def test_a_refused_call_is_not_forwarded(front: TestClient, prism: FakePrism) -> None:
    get(front), get(front), get(front)
    assert len(prism.requests) == 2


def test_each_token_has_its_own_cap(front: TestClient) -> None:
    get(front), get(front)
    assert get(front, token="token-b").status_code == 200
