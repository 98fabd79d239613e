"""Errors say where and why: the host of a failed connection, the exchange of an API error, Prism's reason."""

from __future__ import annotations

import httpx
import pytest

import tbapi

BASE_URL = "https://shanjing.test:8443"
TOKEN = "where-access-token-0001"


def _client(handler: httpx.MockTransport) -> tbapi.ShanjingClient:
    return tbapi.ShanjingClient(
        access_token=TOKEN, base_url=BASE_URL, max_retries=0, http_client=httpx.Client(transport=handler)
    )


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno -2] Name or service not known")


def test_a_connection_error_names_the_host_and_port() -> None:
    with _client(httpx.MockTransport(_refuse)) as client, pytest.raises(tbapi.APIConnectionError) as caught:
        client.items.get(1)
    assert "shanjing.test:8443" in str(caught.value)


def test_a_connection_error_keeps_the_request_without_its_token() -> None:
    with _client(httpx.MockTransport(_refuse)) as client, pytest.raises(tbapi.APIConnectionError) as caught:
        client.items.get(1)
    request = caught.value.request
    assert request is not None
    assert request.url.path.endswith("/traffic/item/get")
    assert TOKEN not in repr(request.headers)


def test_an_http_error_keeps_its_request_and_response() -> None:
    answer = httpx.Response(503, json={"title": "busy"}, headers={"x-request-id": "rid-503"})
    with _client(httpx.MockTransport(lambda r: answer)) as client, pytest.raises(tbapi.ServerError) as caught:
        client.items.get(1)
    error = caught.value
    assert error.response is not None
    assert error.response.status_code == 503
    assert error.response.json() == {"title": "busy"}
    assert error.request is not None
    assert error.request.headers["authorization"] == "[redacted]"


def test_an_http_200_error_envelope_keeps_its_response() -> None:
    answer = httpx.Response(200, json={"errorCode": "InvalidParameter", "errorMsg": "bad", "data": None})
    with _client(httpx.MockTransport(lambda r: answer)) as client, pytest.raises(tbapi.InvalidRequestError) as caught:
        client.items.get(1)
    assert caught.value.response is not None
    assert caught.value.response.json()["errorCode"] == "InvalidParameter"


def test_a_mock_422_shows_the_violations_prism_found() -> None:
    violations = '[{"location":["request","query","item_id"],"code":"type","message":"Request query parameter item_id must be integer"}]'
    canned = {"title": "Invalid request", "detail": "the query parameter 'keyword' is required."}
    answer = httpx.Response(422, json=canned, headers={"sl-violations": violations})
    with _client(httpx.MockTransport(lambda r: answer)) as client, pytest.raises(tbapi.InvalidRequestError) as caught:
        client.items.get(1)
    assert "item_id must be integer" in str(caught.value)
    assert "keyword" not in str(caught.value)


def test_a_top_error_response_keeps_its_request_without_the_secret_and_its_response() -> None:
    body = {"error_response": {"code": 25, "msg": "Invalid signature", "request_id": "top-rid-25"}}
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json=body))
    top = tbapi.TopClient(
        app_key="12345678",
        app_secret="where-secret-0001",
        session="where-session-0001",
        base_url="https://gw.test/router/rest",
        http_client=httpx.Client(transport=transport),
    )
    with top, pytest.raises(tbapi.AuthenticationError) as caught:
        top.products.search(fields="product_id", q="x")
    error = caught.value
    assert error.response is not None
    assert error.response.json() == body
    assert error.request is not None
    assert error.request.url.params["method"] == "taobao.products.search"
    assert "where-session-0001" not in str(error.request.url)
