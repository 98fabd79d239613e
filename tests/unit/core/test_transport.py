"""The checked transport turns every wire failure into a tbapi error and hands up parsed JSON."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tbapi import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    InvalidRequestError,
    PermissionDeniedError,
    RateLimitError,
    ResponseError,
    ServerError,
)
from tbapi._exceptions import MAX_SERVER_WAIT_S
from tbapi._http.transport import PARSED_JSON, AsyncCheckedTransport, CheckedTransport, decode_json, json_of


def client_answering(response: httpx.Response | Exception, **kwargs: Any) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(response, Exception):
            raise response
        return response

    return httpx.Client(transport=CheckedTransport(httpx.MockTransport(handler), **kwargs), base_url="http://t")


def test_json_body_is_parsed_once_and_handed_up() -> None:
    response = client_answering(httpx.Response(200, json={"a": 1})).get("/x")
    assert json_of(response) == {"a": 1}


def test_the_generated_parser_takes_the_parsed_body_out_of_the_response() -> None:
    # httpx's response and its stream refer to each other: a body left in it would wait for the cyclic GC.
    response = client_answering(httpx.Response(200, json={"a": 1})).get("/x")
    assert json_of(response) == {"a": 1}
    assert PARSED_JSON not in response.extensions


def test_the_response_handed_up_is_the_transports_own_not_a_copy() -> None:
    answer = httpx.Response(200, json={"a": 1})
    assert client_answering(answer).get("/x") is answer


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": 18446744073709551617}',  # 2^64 + 1
        b'{"id": -9223372036854775809}',  # -2^63 - 1
        b'[1, 123456789012345678901234567890, "2026-12-01-000000000000"]',
        b'{"sku": "12-34-56-78-90-12-34-56", "n": 1}',  # a run of digits and dashes, no huge integer
        b'{"id":18446744073709551617,"n":[1,2.5]}',  # compact, as the gateways send it
        b"[" * 300 + b"18446744073709551617" + b"]" * 300,  # deeper than orjson writes back
    ],
)
def test_integers_beyond_64_bits_stay_exact(body: bytes) -> None:
    assert repr(decode_json(body, 200)) == repr(json.loads(body))  # ints stay ints, not floats


def test_gzip_body_is_decoded_before_parsing() -> None:
    body = gzip.compress(json.dumps({"a": "压缩"}).encode())
    response = client_answering(httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})).get("/x")
    assert json_of(response) == {"a": "压缩"}


def test_raw_control_characters_inside_strings_are_repaired() -> None:
    body = b'{"name": "line one\nline\ttwo"}'
    assert json_of(client_answering(httpx.Response(200, content=body)).get("/x")) == {"name": "line one\nline\ttwo"}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b'{"truncated": ', "not JSON"),
        (b"<html>oops</html>", "not JSON"),
        (b'{"bad": "\xff\xfe"}', "not valid UTF-8"),
        (b"", "not JSON"),
    ],
)
def test_a_2xx_body_that_is_not_json_raises_response_error(body: bytes, problem: str) -> None:
    with pytest.raises(ResponseError, match=problem):
        client_answering(httpx.Response(200, content=body)).get("/x")


def test_response_error_shows_a_trimmed_raw_body() -> None:
    with pytest.raises(ResponseError) as caught:
        client_answering(httpx.Response(200, content=b"<html>" + b"x" * 5000)).get("/x")
    assert caught.value.raw_body is not None
    assert caught.value.raw_body.startswith("<html>xxx")
    assert len(caught.value.raw_body) < 600


def test_a_body_over_the_limit_raises_response_error() -> None:
    with pytest.raises(ResponseError, match="exceeds 1000 bytes"):
        client_answering(httpx.Response(200, content=b"[" + b"1," * 1000 + b"1]"), max_body_bytes=1000).get("/x")


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, InvalidRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, InvalidRequestError),
        (422, InvalidRequestError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
    ],
)
def test_http_status_maps_to_its_error_class(status: int, error_class: type[Exception]) -> None:
    with pytest.raises(error_class) as caught:
        client_answering(httpx.Response(status, text="<html>bad gateway</html>")).get("/x")
    assert getattr(caught.value, "http_status", None) == status


def test_retry_after_header_is_parsed_into_seconds() -> None:
    with pytest.raises(RateLimitError) as caught:
        client_answering(httpx.Response(429, headers={"Retry-After": "7"})).get("/x")
    assert caught.value.retry_after == 7.0


@pytest.mark.parametrize(
    ("retry_after", "seconds"),
    [
        ("1e400", MAX_SERVER_WAIT_S),
        ("inf", MAX_SERVER_WAIT_S),
        ("-inf", 0.0),
        ("nan", None),
        ("Fri, 31 Dec 9999 23:59:59 GMT", MAX_SERVER_WAIT_S),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
        ("9" * 400, MAX_SERVER_WAIT_S),
        ("soon", None),
    ],
)
def test_an_absurd_retry_after_is_bounded(retry_after: str, seconds: float | None) -> None:
    with pytest.raises(RateLimitError) as caught:
        client_answering(httpx.Response(429, headers={"Retry-After": retry_after})).get("/x")
    assert caught.value.retry_after == seconds


HUGE_NUMBERS = b'{"message":"busy","retryIn":1e400,"traceId":' + b"7" * 5000 + b"}"


@pytest.mark.parametrize(
    ("status", "error_class"), [(401, AuthenticationError), (429, RateLimitError), (503, ServerError)]
)
def test_numbers_beyond_any_float_in_an_error_body_keep_the_status_class(
    status: int, error_class: type[Exception]
) -> None:
    with pytest.raises(error_class):
        client_answering(httpx.Response(status, content=HUGE_NUMBERS)).get("/x")


def test_a_2xx_body_with_an_integer_too_long_to_read_is_a_response_error() -> None:
    with pytest.raises(ResponseError, match="too long"):
        decode_json(b'{"data":' + b"7" * 5000 + b"}", 200)


def test_problem_json_detail_is_in_the_message() -> None:
    problem = {"type": "x", "title": "Invalid request", "status": 422, "detail": "page_size must be <= 20"}
    with pytest.raises(InvalidRequestError, match="page_size must be <= 20"):
        client_answering(httpx.Response(422, json=problem)).get("/x")


@pytest.mark.parametrize(
    ("exc", "error_class", "request_sent"),
    [
        (httpx.ConnectError("refused"), APIConnectionError, False),
        (httpx.ConnectTimeout("slow connect"), APITimeoutError, False),
        (httpx.ReadTimeout("slow read"), APITimeoutError, True),
        (httpx.RemoteProtocolError("reset mid-body"), APIConnectionError, True),
        (httpx.ReadError("reset"), APIConnectionError, True),
    ],
)
def test_transport_failures_become_connection_errors(
    exc: Exception, error_class: type[APIConnectionError], request_sent: bool
) -> None:
    with pytest.raises(error_class) as caught:
        client_answering(exc).get("/x")
    assert type(caught.value) is error_class
    assert caught.value.request_sent is request_sent
    assert isinstance(caught.value.__cause__, httpx.TransportError)


class DripStream(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        import time

        for _ in range(50):
            time.sleep(0.02)
            yield b" "


def test_a_slow_drip_body_times_out_at_the_read_timeout() -> None:
    transport = CheckedTransport(httpx.MockTransport(lambda r: httpx.Response(200, stream=DripStream())))
    with httpx.Client(transport=transport, timeout=0.1) as client, pytest.raises(APITimeoutError):
        client.get("http://t/x")


async def test_async_transport_applies_the_same_checks() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text="down")

    transport = AsyncCheckedTransport(httpx.MockTransport(handler))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(ServerError):
            await client.get("http://t/x")
