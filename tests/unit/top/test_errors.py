"""TOP `error_response` → tbapi errors (by code and sub-code), and what the retry engine does with them."""

from __future__ import annotations

import logging

import pytest

from tbapi import (
    APIError,
    AuthenticationError,
    InvalidRequestError,
    PermissionDeniedError,
    RateLimitError,
    ResponseError,
    ServerError,
)
from tbapi.top._errors import ban_seconds, top_error

from .conftest import SECRET, FakeGateway, error_body, top_client

ERROR_TABLE = [
    (1, None, ServerError),
    (10, None, ServerError),
    (4, None, RateLimitError),
    (5, None, RateLimitError),
    (6, None, RateLimitError),
    (8, None, RateLimitError),
    (7, "accesscontrol.limited-by-api-access-count", RateLimitError),
    (11, "isv.permission-api-package-limit", PermissionDeniedError),
    (12, None, PermissionDeniedError),
    (13, None, PermissionDeniedError),
    (24, None, AuthenticationError),
    (25, None, AuthenticationError),
    (26, None, AuthenticationError),
    (27, "invalid-sessionkey", AuthenticationError),
    (28, None, AuthenticationError),
    (29, None, AuthenticationError),
    (53, None, AuthenticationError),
    (30, None, InvalidRequestError),
    (31, None, InvalidRequestError),
    (21, None, InvalidRequestError),
    (22, None, InvalidRequestError),
    (23, None, InvalidRequestError),
    (32, None, InvalidRequestError),
    (33, None, InvalidRequestError),
    (47, None, InvalidRequestError),
    (40, "isv.missing-parameter:fields", InvalidRequestError),
    (41, "isv.invalid-parameter:cid", InvalidRequestError),
    (15, "isp.top-remote-service-unavailable", ServerError),
    (15, "isv.item-not-exist", InvalidRequestError),
    (50, "isp.service-error", ServerError),
    (530, "isp.top-remote-connection-timeout-tmall", ServerError),
    (50, "isv.missing-parameter:q-or-cid-or-props", InvalidRequestError),
    (15, None, InvalidRequestError),
]


@pytest.mark.parametrize(("code", "sub_code", "cls"), ERROR_TABLE)
def test_error_class_follows_the_reference_table(code: int, sub_code: str | None, cls: type[APIError]) -> None:
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
    body = error_body(
        7, "App Call Limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 71 more seconds"
    )
    error = top_error(body["error_response"], method="taobao.x.get")
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 71
    assert not error.quota_exhausted


def test_daily_app_quota_is_told_apart() -> None:
    body = error_body(
        7, "App Call Limited", "accesscontrol.limited-by-app-access-count", "This ban will last for 40341 more seconds"
    )
    error = top_error(body["error_response"], method="taobao.x.get")
    assert isinstance(error, RateLimitError)
    assert error.quota_exhausted
    assert error.retry_after == 40341


@pytest.mark.parametrize(
    ("sub_msg", "seconds"),
    [
        ("This ban will last for 1 more seconds", 1),
        ("this ban will last for 3600 more second", 3600),
        ("限流", None),
        (None, None),
    ],
)
def test_ban_seconds_are_parsed_from_the_sub_msg(sub_msg: str | None, seconds: float | None) -> None:
    assert ban_seconds(sub_msg) == seconds


def test_short_ban_is_waited_out_then_retried(no_sleep: list[float]) -> None:
    ban = error_body(
        7, "App Call Limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 3 more seconds"
    )
    gateway = FakeGateway(ban, {"products_search_response": {"total_results": 0}})
    top_client(gateway).products.search(fields="name", q="x")
    assert no_sleep == [3.0]
    assert len(gateway.requests) == 2


def test_long_ban_is_raised_with_its_retry_after_not_slept(no_sleep: list[float]) -> None:
    ban = error_body(
        7, "App Call Limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 600 more seconds"
    )
    gateway = FakeGateway(ban)
    with pytest.raises(RateLimitError) as caught:
        top_client(gateway).products.search(fields="name", q="x")
    assert caught.value.retry_after == 600
    assert no_sleep == []
    assert len(gateway.requests) == 1


def test_a_ban_longer_than_the_clients_max_retry_after_is_raised_not_slept(no_sleep: list[float]) -> None:
    ban = error_body(
        7, "App Call Limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 3 more seconds"
    )
    gateway = FakeGateway(ban, {"products_search_response": {"total_results": 0}})
    with pytest.raises(RateLimitError) as caught:
        top_client(gateway, max_retry_after=2).products.search(fields="name", q="x")
    assert (caught.value.retry_after, no_sleep, len(gateway.requests)) == (3, [], 1)


def test_daily_quota_fails_fast(no_sleep: list[float]) -> None:
    quota = error_body(
        7, "App Call Limited", "accesscontrol.limited-by-app-access-count", "This ban will last for 5 more seconds"
    )
    gateway = FakeGateway(quota)
    with pytest.raises(RateLimitError) as caught:
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
    with pytest.raises(APIError):
        top_client(gateway).products.search(fields="name", q="x")
    assert len(gateway.requests) == 1


def test_isp_error_of_a_write_method_is_not_retried(no_sleep: list[float]) -> None:
    gateway = FakeGateway(error_body(15, sub_code="isp.top-remote-unknown-error"))
    with pytest.raises(ServerError):
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
    with pytest.raises(InvalidRequestError) as caught:
        top_client(FakeGateway(raw)).products.search(fields="name", q="x")
    assert caught.value.sub_message == "line\none\ttab"


def test_success_body_with_raw_control_characters_is_repaired() -> None:
    raw = b'{"products_search_response": {"total_results": 1, "products": {"product": [{"name": "a\tb\nc"}]}}}'
    page = top_client(FakeGateway(raw)).products.search(fields="name", q="x")
    assert page.products[0].name == "a\tb\nc"


def test_body_that_is_no_envelope_is_a_response_error() -> None:
    with pytest.raises(ResponseError):
        top_client(FakeGateway({"unexpected": 1})).products.search(fields="name", q="x")


def test_call_answer_without_its_response_key_is_a_response_error() -> None:
    with pytest.raises(ResponseError, match="x_get_response"):
        top_client(FakeGateway({"a": 1, "b": 2})).call("taobao.x.get")


def test_secret_and_session_never_appear_in_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    body = error_body(27, "Invalid session", "invalid-sessionkey", f"bad {SECRET} and session-secret-value")
    caplog.set_level(logging.DEBUG, logger="tbapi")
    with pytest.raises(AuthenticationError) as caught:
        top_client(FakeGateway(body), session="session-secret-value").products.search(fields="name", q="x")
    text = str(caught.value) + repr(caught.value) + (caught.value.sub_message or "") + caplog.text
    assert SECRET not in text
    assert "session-secret-value" not in text


def test_a_session_echoed_in_the_sub_code_and_request_id_is_redacted() -> None:
    session = "session-echo-value-9"
    body = {"error_response": {"code": 27, "msg": "x", "sub_code": session, "request_id": session}}
    with pytest.raises(AuthenticationError) as caught:
        top_client(FakeGateway(body), session=session).products.search(fields="name", q="x")
    assert (caught.value.sub_code, caught.value.request_id, session in str(caught.value)) == (
        "[redacted]",
        "[redacted]",
        False,
    )


@pytest.mark.parametrize(
    ("code", "sub_code", "cls"),
    [
        ("41", "isv.invalid-parameter:cid", InvalidRequestError),
        ("15", "isp.top-remote-service-unavailable", ServerError),
    ],
)
def test_an_error_code_sent_as_a_string_is_read_as_its_number(code: str, sub_code: str, cls: type[APIError]) -> None:
    error = top_error({"code": code, "msg": "error", "sub_code": sub_code}, method="taobao.x.get")
    assert (type(error), error.code) == (cls, int(code))
