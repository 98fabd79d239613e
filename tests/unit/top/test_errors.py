"""TOP `error_response` → tbapi errors (by code and sub-code), and what the retry engine does with them."""

from __future__ import annotations

import logging
from typing import Any

import pytest

import tbapi
from tbapi import (
    InvalidRequestError,
)
from tbapi._exceptions import MAX_SERVER_WAIT_S
from tbapi.top._errors import ban_seconds, top_error

from .conftest import SECRET, FakeGateway, error_body, top_client


def call_limit(seconds: int) -> dict[str, Any]:
    """The gateway's answer to a call over the app's per-method limit: a ban of `seconds`."""
    return error_body(
        7,
        "App Call Limited",
        "accesscontrol.limited-by-api-access-count",
        f"This ban will last for {seconds} more seconds",
    )


def daily_quota(seconds: int) -> dict[str, Any]:
    """The gateway's answer once the app's daily quota is spent."""
    return error_body(
        7,
        "App Call Limited",
        "accesscontrol.limited-by-app-access-count",
        f"This ban will last for {seconds} more seconds",
    )


ERROR_TABLE = [
    *[(code, None, tbapi.ServerError) for code in (1, 10)],
    *[(code, None, tbapi.RateLimitError) for code in (4, 5, 6, 8)],
    (7, "accesscontrol.limited-by-api-access-count", tbapi.RateLimitError),
    (11, "isv.permission-api-package-limit", tbapi.PermissionDeniedError),
    *[(code, None, tbapi.PermissionDeniedError) for code in (12, 13)],
    *[(code, None, tbapi.AuthenticationError) for code in (24, 25, 26, 28, 29, 53)],
    (27, "invalid-sessionkey", tbapi.AuthenticationError),
    *[(code, None, tbapi.InvalidRequestError) for code in (30, 31, 21, 22, 23, 32, 33, 47)],
    (40, "isv.missing-parameter:fields", tbapi.InvalidRequestError),
    (41, "isv.invalid-parameter:cid", tbapi.InvalidRequestError),
    (15, "isp.top-remote-service-unavailable", tbapi.ServerError),
    (15, "isv.item-not-exist", tbapi.InvalidRequestError),
    (50, "isp.service-error", tbapi.ServerError),
    (530, "isp.top-remote-connection-timeout-tmall", tbapi.ServerError),
    (50, "isv.missing-parameter:q-or-cid-or-props", tbapi.InvalidRequestError),
    (15, None, tbapi.InvalidRequestError),
]


@pytest.mark.parametrize(("code", "sub_code", "cls"), ERROR_TABLE)
def test_error_class_follows_the_reference_table(code: int, sub_code: str | None, cls: type[tbapi.APIError]) -> None:
    error = top_error(error_body(code, sub_code=sub_code)["error_response"], method="taobao.x.get")
    assert type(error) is cls


def test_error_keeps_code_msg_sub_code_sub_msg_request_id_and_body() -> None:
    body = error_body(41, "Invalid arguments:cid", "isv.invalid-parameter:cid", "类目不存在")
    error = top_error(body["error_response"], method="taobao.itemprops.get", http_status=200, body=body)
    assert (error.code, error.sub_code, error.sub_message, error.request_id) == (
        41,
        "isv.invalid-parameter:cid",
        "类目不存在",
        "req-1",
    )
    assert error.body == body
    assert error.http_status == 200
    assert "taobao.itemprops.get: Invalid arguments:cid" in str(error)


def test_ban_seconds_become_retry_after() -> None:
    body = call_limit(71)
    error = top_error(body["error_response"], method="taobao.x.get")
    assert isinstance(error, tbapi.RateLimitError)
    assert error.retry_after == 71
    assert not error.quota_exhausted


def test_daily_app_quota_is_told_apart() -> None:
    body = daily_quota(40341)
    error = top_error(body["error_response"], method="taobao.x.get")
    assert isinstance(error, tbapi.RateLimitError)
    assert error.quota_exhausted
    assert error.retry_after == 40341


@pytest.mark.parametrize(
    ("sub_msg", "seconds"),
    [
        ("This ban will last for 1 more seconds", 1),
        ("this ban will last for 3600 more second", 3600),
        ("限流", None),
        (None, None),
        ("This ban will last for 100000000000000000000 more seconds", MAX_SERVER_WAIT_S),  # bounded
        (f"This ban will last for {'9' * 5000} more seconds", MAX_SERVER_WAIT_S),
    ],
)
def test_ban_seconds_are_parsed_from_the_sub_msg(sub_msg: str | None, seconds: float | None) -> None:
    assert ban_seconds(sub_msg) == seconds


def test_short_ban_is_waited_out_then_retried(no_sleep: list[float]) -> None:
    ban = call_limit(3)
    gateway = FakeGateway(ban, {"products_search_response": {"total_results": 0}})
    top_client(gateway).products.search(fields="name", q="x")
    assert no_sleep == [3.0]
    assert len(gateway.requests) == 2


def test_long_ban_is_raised_with_its_retry_after_not_slept(no_sleep: list[float]) -> None:
    ban = call_limit(600)
    gateway = FakeGateway(ban)
    with pytest.raises(tbapi.RateLimitError) as caught:
        top_client(gateway).products.search(fields="name", q="x")
    assert caught.value.retry_after == 600
    assert no_sleep == []
    assert len(gateway.requests) == 1


def test_a_ban_longer_than_the_clients_max_retry_after_is_raised_not_slept(no_sleep: list[float]) -> None:
    ban = call_limit(3)
    gateway = FakeGateway(ban, {"products_search_response": {"total_results": 0}})
    with pytest.raises(tbapi.RateLimitError) as caught:
        top_client(gateway, max_retry_after=2).products.search(fields="name", q="x")
    assert (caught.value.retry_after, no_sleep, len(gateway.requests)) == (3, [], 1)


def test_daily_quota_fails_fast(no_sleep: list[float]) -> None:
    quota = daily_quota(5)
    gateway = FakeGateway(quota)
    with pytest.raises(tbapi.RateLimitError) as caught:
        top_client(gateway).products.search(fields="name", q="x")
    assert caught.value.quota_exhausted
    assert (len(gateway.requests), no_sleep) == (1, [])


@pytest.mark.parametrize("code", [1, 10])
def test_platform_errors_are_retried(no_sleep: list[float], code: int) -> None:
    gateway = FakeGateway(error_body(code), {"products_search_response": {}})
    top_client(gateway).products.search(fields="name", q="x")
    assert len(gateway.requests) == 2


@pytest.mark.parametrize(("code", "sub_code"), [(25, None), (41, "isv.invalid-parameter:cid"), (11, None)])
def test_caller_errors_are_not_retried(no_sleep: list[float], code: int, sub_code: str | None) -> None:
    gateway = FakeGateway(error_body(code, sub_code=sub_code))
    with pytest.raises(tbapi.APIError):
        top_client(gateway).products.search(fields="name", q="x")
    assert len(gateway.requests) == 1


def test_isp_error_of_a_write_method_is_not_retried(no_sleep: list[float]) -> None:
    gateway = FakeGateway(error_body(15, sub_code="isp.top-remote-unknown-error"))
    with pytest.raises(tbapi.ServerError):
        top_client(gateway).call("taobao.item.add", {"num": 1})
    assert len(gateway.requests) == 1


def test_isp_error_of_a_read_method_through_call_is_retried(no_sleep: list[float]) -> None:
    gateway = FakeGateway(error_body(15, sub_code="isp.top-remote-unknown-error"), {"item_seller_get_response": {}})
    assert top_client(gateway).call("taobao.item.seller.get", {"num_iid": 1}) == {}
    assert len(gateway.requests) == 2


def test_error_body_with_raw_control_characters_is_repaired_and_mapped() -> None:
    raw = (
        b'{"error_response": {"code": 41, "msg": "Invalid arguments", "sub_msg": "line\none\ttab", "request_id": "r"}}'
    )
    with pytest.raises(tbapi.InvalidRequestError) as caught:
        top_client(FakeGateway(raw)).products.search(fields="name", q="x")
    assert caught.value.sub_message == "line\none\ttab"


def test_success_body_with_raw_control_characters_is_repaired() -> None:
    raw = b'{"products_search_response": {"total_results": 1, "products": {"product": [{"name": "a\tb\nc"}]}}}'
    page = top_client(FakeGateway(raw)).products.search(fields="name", q="x")
    assert page.products[0].name == "a\tb\nc"


def test_body_that_is_no_envelope_is_a_response_error() -> None:
    with pytest.raises(tbapi.ResponseError):
        top_client(FakeGateway({"unexpected": 1})).products.search(fields="name", q="x")


def test_call_answer_without_its_response_key_is_a_response_error() -> None:
    with pytest.raises(tbapi.ResponseError, match="x_get_response"):
        top_client(FakeGateway({"a": 1, "b": 2})).call("taobao.x.get")


def test_secret_and_session_never_appear_in_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    body = error_body(27, "Invalid session", "invalid-sessionkey", f"bad {SECRET} and session-secret-value")
    caplog.set_level(logging.DEBUG, logger="tbapi")
    with pytest.raises(tbapi.AuthenticationError) as caught:
        top_client(FakeGateway(body), session="session-secret-value").products.search(fields="name", q="x")
    text = str(caught.value) + repr(caught.value) + (caught.value.sub_message or "") + caplog.text
    assert SECRET not in text
    assert "session-secret-value" not in text


def test_a_session_echoed_in_the_sub_code_and_request_id_is_redacted() -> None:
    session = "session-echo-value-9"
    body = {"error_response": {"code": 27, "msg": "x", "sub_code": session, "request_id": session}}
    with pytest.raises(tbapi.AuthenticationError) as caught:
        top_client(FakeGateway(body), session=session).products.search(fields="name", q="x")
    assert caught.value.sub_code == "[redacted]"
    assert caught.value.request_id == "[redacted]"
    assert session not in str(caught.value)


@pytest.mark.parametrize("code", [1e400, -1e400, float("nan"), "9" * 5000])
def test_a_code_beyond_any_number_is_kept_as_given_not_an_overflow(code: object) -> None:
    error = top_error({"code": code, "msg": "odd"}, method="taobao.products.search")
    assert isinstance(error, InvalidRequestError)


@pytest.mark.parametrize(
    ("code", "sub_code", "cls"),
    [
        ("41", "isv.invalid-parameter:cid", tbapi.InvalidRequestError),
        ("15", "isp.top-remote-service-unavailable", tbapi.ServerError),
    ],
)
def test_an_error_code_sent_as_a_string_is_read_as_its_number(
    code: str, sub_code: str, cls: type[tbapi.APIError]
) -> None:
    error = top_error({"code": code, "msg": "error", "sub_code": sub_code}, method="taobao.x.get")
    assert (type(error), error.code) == (cls, int(code))
