"""Per-call options on TOP calls: an extra query or body parameter is sent and signed like the rest; one that
would set a system parameter (or send a business parameter twice) is refused before sending; extra and default
headers go with the call."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

import tbapi
from mock.top_signature import top_signature
from tests.unit.top.conftest import SECRET, FakeGateway, async_top_client, top_client

TIME_OK = {"time_get_response": {"time": "2026-01-01 00:00:00"}}
SYSTEM = ["method", "app_key", "session", "timestamp", "v", "format", "sign_method", "sign", "simplify"]


def sent_by(call: Callable[[tbapi.TopClient], object], *answers: dict[str, Any]) -> FakeGateway:
    """The gateway that answered `call` (with `answers`, else an empty success) on a client of its own."""
    gateway = FakeGateway(*answers)
    with top_client(gateway) as top:
        call(top)
    return gateway


def signature_holds(gateway: FakeGateway) -> bool:
    """Does the last request's `sign` cover every parameter sent, query and body (as the mock gateway, whose
    signing is independent of tbapi's, checks it)?"""
    sent = {**gateway.query, **gateway.form}
    return sent["sign"] == top_signature(sent, SECRET, sent["sign_method"])


def test_an_extra_query_parameter_is_sent_in_the_query_and_signed() -> None:
    gateway = sent_by(
        lambda top: top.call("taobao.time.get", extra_query={"target_app_key": "23456789", "partner_id": 7}), TIME_OK
    )
    assert gateway.query["target_app_key"] == "23456789"
    assert gateway.query["partner_id"] == "7"
    assert signature_holds(gateway)


def test_an_extra_body_parameter_is_sent_in_the_form_and_signed() -> None:
    gateway = sent_by(
        lambda top: top.products.search(fields=["product_id"], q="shoe", extra_body={"new_filter": "on", "flag": True})
    )
    assert gateway.form["new_filter"] == "on"
    assert gateway.form["flag"] == "true"
    assert gateway.form["q"] == "shoe"
    assert signature_holds(gateway)


def test_an_extra_body_parameter_replaces_a_business_parameter_of_the_same_name() -> None:
    gateway = sent_by(lambda top: top.products.search(fields=["product_id"], q="shoe", extra_body={"q": "boot"}))
    assert gateway.form["q"] == "boot"
    assert signature_holds(gateway)


def test_each_retry_is_signed_with_the_extras() -> None:
    busy = {"error_response": {"code": 7, "msg": "App Call Limited", "sub_code": "isp.call-limited"}}
    gateway = FakeGateway(busy, TIME_OK)
    with top_client(gateway, max_retries=1) as top:
        top.call("taobao.time.get", extra_query={"trace": "t-1"})
    assert len(gateway.requests) == 2
    assert all(query["trace"] == "t-1" for query in gateway.queries())
    assert signature_holds(gateway)


def test_extra_and_default_headers_go_with_the_call() -> None:
    gateway = FakeGateway(TIME_OK)
    with top_client(gateway, default_headers={"X-Team": "pricing"}) as top:
        top.call("taobao.time.get", extra_headers={"X-Trace": "t-2"})
    assert gateway.requests[0].headers["X-Team"] == "pricing"
    assert gateway.requests[0].headers["X-Trace"] == "t-2"


def test_the_async_client_signs_the_extras() -> None:
    gateway = FakeGateway(TIME_OK)

    async def main() -> None:
        async with async_top_client(gateway) as top:
            await top.call("taobao.time.get", extra_query={"a": "1"}, extra_body={"b": "2"})

    asyncio.run(main())
    assert (gateway.query["a"], gateway.form["b"]) == ("1", "2")
    assert signature_holds(gateway)


@pytest.mark.parametrize("name", SYSTEM)
@pytest.mark.parametrize("where", ["extra_query", "extra_body"])
def test_an_extra_that_would_set_a_system_parameter_is_refused_before_sending(where: str, name: str) -> None:
    gateway = FakeGateway(TIME_OK)
    with top_client(gateway) as top, pytest.raises(tbapi.ValidationError, match="system parameter") as raised:
        top.call("taobao.time.get", **{where: {name: "x"}})  # type: ignore[arg-type]
    assert raised.value.param == where
    assert not gateway.requests


def test_an_extra_query_parameter_the_body_sends_too_is_refused() -> None:
    gateway = FakeGateway()
    with top_client(gateway) as top, pytest.raises(tbapi.ValidationError) as raised:
        top.products.search(fields=["product_id"], q="shoe", extra_query={"q": "boot"})
    assert raised.value.param == "extra_query"
    assert not gateway.requests


def test_an_extra_body_value_that_is_not_a_plain_value_is_refused() -> None:
    gateway = FakeGateway(TIME_OK)
    with top_client(gateway) as top, pytest.raises(tbapi.ValidationError) as raised:
        top.call("taobao.time.get", extra_body={"ids": [1, 2]})
    assert raised.value.param == "extra_body['ids']"
    assert not gateway.requests


def test_an_authorization_header_is_refused() -> None:
    gateway = FakeGateway(TIME_OK)
    with top_client(gateway) as top, pytest.raises(tbapi.ValidationError) as raised:
        top.call("taobao.time.get", extra_headers={"Authorization": "Basic eA=="})
    assert raised.value.param == "extra_headers"
    assert not gateway.requests
