"""A service that echoes the caller's token back — in the error code, message, request id and headers, on a 200
envelope or a 4xx — never gets it into any attribute, text or pickle of the error, sync or async."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import httpx
import pytest

import tbapi
from tests.unit.shanjing.conftest import TOKEN, FakeShanjing, bearer, make_async_client, make_client

ITEM = "/item/get"


def echo_in_envelope(request: httpx.Request) -> httpx.Response:
    token = bearer(request)
    headers = {"X-Request-Id": token, "X-Echo": f"token={token}"}
    body = {"errorCode": token, "errorMsg": f"bad token {token}", "data": None, "requestId": token}
    return httpx.Response(200, json=body, headers=headers)


def echo_in_status(request: httpx.Request) -> httpx.Response:
    token = bearer(request)
    headers = {"X-Request-Id": token, "X-Echo": token}
    return httpx.Response(400, json={"errorCode": token, "message": f"bad {token}"}, headers=headers)


ECHOES = [echo_in_envelope, echo_in_status]


def shown(error: tbapi.APIError) -> str:
    """Everything of the error a program could print or log."""
    attributes = (error.code, error.sub_code, error.request_id, error.reason, error.body)
    return f"{error} {error!r} {attributes!r} {list(error.headers.items())!r}"


def sync_error(fake: FakeShanjing) -> tbapi.APIError:
    with make_client(fake, max_retries=0) as client, pytest.raises(tbapi.APIError) as raised:
        client.items.get(1)
    return raised.value


async def async_error(fake: FakeShanjing) -> tbapi.APIError:
    async with make_async_client(fake, max_retries=0) as client:
        with pytest.raises(tbapi.APIError) as raised:
            await client.items.get(1)
    return raised.value


@pytest.mark.parametrize("echo", ECHOES)
def test_an_echoed_token_is_in_no_attribute_of_the_error(
    fake: FakeShanjing, echo: Callable[..., httpx.Response]
) -> None:
    fake.route(ITEM, echo)
    error = sync_error(fake)
    assert TOKEN not in shown(error)
    assert error.request_id == "[redacted]"


@pytest.mark.parametrize("echo", ECHOES)
async def test_an_echoed_token_is_in_no_attribute_of_the_async_error(
    fake: FakeShanjing, echo: Callable[..., httpx.Response]
) -> None:
    fake.route(ITEM, echo)
    error = await async_error(fake)
    assert TOKEN not in shown(error)
    assert error.request_id == "[redacted]"


def test_an_error_code_that_echoes_the_token_is_redacted(fake: FakeShanjing) -> None:
    fake.route(ITEM, echo_in_envelope)
    assert sync_error(fake).code == "[redacted]"


@pytest.mark.parametrize("echo", ECHOES)
def test_an_echoed_token_is_not_in_the_pickle_of_the_error(
    fake: FakeShanjing, echo: Callable[..., httpx.Response]
) -> None:
    fake.route(ITEM, echo)
    assert TOKEN.encode() not in pickle.dumps(sync_error(fake))


def test_the_headers_of_an_error_stay_case_insensitive_with_the_echo_redacted(fake: FakeShanjing) -> None:
    fake.route(ITEM, echo_in_status)
    headers = sync_error(fake).headers
    assert (headers["x-echo"], headers["X-ECHO"]) == ("[redacted]", "[redacted]")


def refused(_request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused")


def chain_of(error: BaseException) -> list[BaseException]:
    links: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in links:
        links.append(link)
        link = link.__cause__ or link.__context__
    return links


def held_headers(error: BaseException) -> str:
    """The headers of every request and response held by the error or any exception chained to it."""
    exchanges = [v for link in chain_of(error) for v in vars(link).values()]
    return repr([list(v.headers.multi_items()) for v in exchanges if isinstance(v, httpx.Request | httpx.Response)])


def test_the_request_a_chained_httpx_error_holds_carries_no_token(fake: FakeShanjing) -> None:
    fake.route(ITEM, refused)
    with make_client(fake, max_retries=0) as client, pytest.raises(tbapi.APIConnectionError) as raised:
        client.items.get(1)
    assert isinstance(raised.value.__cause__, httpx.ConnectError)  # the cause is kept, only its request redacted
    assert TOKEN not in held_headers(raised.value)
    assert "[redacted]" in held_headers(raised.value)


async def test_the_request_a_chained_httpx_error_holds_carries_no_token_async(fake: FakeShanjing) -> None:
    fake.route(ITEM, refused)
    async with make_async_client(fake, max_retries=0) as client:
        with pytest.raises(tbapi.APIConnectionError) as raised:
            await client.items.get(1)
    assert TOKEN not in held_headers(raised.value)
    assert "[redacted]" in held_headers(raised.value)
