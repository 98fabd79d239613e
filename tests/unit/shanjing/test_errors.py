"""Error mapping: HTTP-200 error bodies, `success: false`, HTTP statuses, bodies of the wrong shape."""

from __future__ import annotations

import httpx
import pytest

import tbapi
from tbapi.shanjing._envelope import error_class_for, error_from_body

from .conftest import FakeShanjing, fail, ok

GET = "/rest/taobao-global/traffic/item/get"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("IllegalAccessToken", tbapi.AuthenticationError),
        ("InvalidAccessToken", tbapi.AuthenticationError),
        ("IncompleteSignature", tbapi.AuthenticationError),
        ("ApiCallLimit", tbapi.RateLimitError),
        ("AppCallLimitedByDay", tbapi.RateLimitError),
        ("RequestFrequencyTooHigh", tbapi.RateLimitError),
        ("InsufficientPermission", tbapi.PermissionDeniedError),
        ("NoAuthority", tbapi.PermissionDeniedError),
        ("AccessDenied", tbapi.PermissionDeniedError),
        ("InvalidParameter", tbapi.InvalidRequestError),
        ("MissingParameter", tbapi.InvalidRequestError),
        ("DUPLICATE_OUTER_PURCHASE_ID", tbapi.InvalidRequestError),
        ("ITEM_NOT_FOUND", tbapi.InvalidRequestError),
        ("SystemError", tbapi.ServerError),
        ("ServiceUnavailable", tbapi.ServerError),
        ("SKU_OUT_OF_STOCK", tbapi.APIError),
    ],
)
def test_error_code_table(code: str, expected: type[tbapi.APIError]) -> None:
    assert error_class_for(code) is expected


def test_a_daily_limit_is_a_quota_that_is_never_retried() -> None:
    error = error_from_body({"errorCode": "AppCallLimitedByDay"}, http_status=200)
    assert isinstance(error, tbapi.RateLimitError)
    assert error.quota_exhausted


def test_a_success_body_is_no_error() -> None:
    assert error_from_body({"errorCode": "", "errorMsg": None, "data": {}}, http_status=200) is None
    assert error_from_body({"success": True, "errorCode": None}, http_status=200) is None


def test_http_200_error_body_raises_with_code_message_and_request_id(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(
        GET,
        lambda r: httpx.Response(
            200,
            json={"errorCode": "InvalidParameter", "errorMsg": "The parameter is invalid: item_id", "data": None},
            headers={"x-request-id": "req-123"},
        ),
    )

    with pytest.raises(tbapi.InvalidRequestError) as caught:
        client.items.get(1)

    error = caught.value
    assert (error.code, error.request_id, error.http_status) == ("InvalidParameter", "req-123", 200)
    assert "The parameter is invalid: item_id" in str(error)
    assert error.body == {
        "errorCode": "InvalidParameter",
        "errorMsg": "The parameter is invalid: item_id",
        "data": None,
    }


def test_success_false_without_a_code_raises_api_error(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/product/get", httpx.Response(200, json={"success": False, "errorCode": None, "data": None}))

    with pytest.raises(tbapi.APIError, match="success is false"):
        client.products.get(1)


def test_request_id_from_the_body_is_kept(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, fail("SystemError", requestId="body-req-9"))

    with pytest.raises(tbapi.ServerError) as caught:
        client.items.get(1)
    assert caught.value.request_id == "body-req-9"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, tbapi.AuthenticationError),
        (403, tbapi.PermissionDeniedError),
        (404, tbapi.InvalidRequestError),
        (422, tbapi.InvalidRequestError),
        (429, tbapi.RateLimitError),
        (500, tbapi.ServerError),
        (503, tbapi.ServerError),
    ],
)
def test_http_statuses_are_mapped(
    fake: FakeShanjing, client: tbapi.ShanjingClient, status: int, expected: type[tbapi.APIError]
) -> None:
    fake.route(GET, httpx.Response(status, json={"title": "nope"}))

    with pytest.raises(expected) as caught:
        client.items.get(1)
    assert caught.value.http_status == status


def test_a_body_that_is_not_json_raises_response_error_with_the_trimmed_body(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(GET, httpx.Response(200, text="<html>" + "x" * 2000 + "</html>"))

    with pytest.raises(tbapi.ResponseError) as caught:
        client.items.get(1)

    assert caught.value.raw_body is not None
    assert caught.value.raw_body.startswith("<html>")
    assert len(caught.value.raw_body) < 600


def test_a_json_array_body_raises_response_error(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, httpx.Response(200, json=[1, 2]))

    with pytest.raises(tbapi.ResponseError, match="not a JSON object"):
        client.items.get(1)


def test_data_of_the_wrong_shape_raises_response_error(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, ok("not an item"))

    with pytest.raises(tbapi.ResponseError, match=r"GetItemResponse\.data: expected an object \(ItemDetail\)"):
        client.items.get(1)


def test_missing_data_raises_response_error(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, httpx.Response(200, json={"errorCode": None}))

    with pytest.raises(tbapi.ResponseError):
        client.items.get(1)


def test_a_nested_wrong_shape_raises_response_error(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/item/imgsearch", ok(["not an object"]))

    with pytest.raises(tbapi.ResponseError, match="documented shape"):
        client.items.image_search(image_id="1")


def test_server_errors_of_an_idempotent_call_are_retried(
    fake: FakeShanjing, client: tbapi.ShanjingClient, no_sleep: list[float]
) -> None:
    answers = iter([httpx.Response(502), fail("SystemError"), ok({"tbItemId": 5})])
    fake.route(GET, lambda r: next(answers))

    assert client.items.get(5).tb_item_id == 5
    assert len(fake.calls(GET)) == 3
    assert len(no_sleep) == 2


def test_an_invalid_request_is_not_retried(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, fail("InvalidParameter"))

    with pytest.raises(tbapi.InvalidRequestError):
        client.items.get(1)
    assert len(fake.calls(GET)) == 1


def test_error_text_never_contains_the_token(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    from .conftest import TOKEN

    fake.route(GET, fail("InvalidParameter", f"bad token {TOKEN}"))

    with pytest.raises(tbapi.InvalidRequestError) as caught:
        client.items.get(1)
    assert TOKEN not in str(caught.value)
