"""aiohttp's exceptions (the default async transport) become the same tbapi errors as httpx's own."""

from __future__ import annotations

import aiohttp
import httpx
import pytest
from aiohttp.client_reqrep import ConnectionKey, RequestInfo
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

import tbapi
from tbapi._http.aiohttp_pool import MappedErrors
from tbapi._http.transport import AsyncCheckedTransport

SECRET_URL = "http://127.0.0.1:9/router/rest?session=SESSION-SECRET-0001&sign=ABC"


def _connection_key() -> ConnectionKey:
    return ConnectionKey("127.0.0.1", 9, False, True, None, None, None)


def _request_info() -> RequestInfo:
    headers = CIMultiDictProxy(CIMultiDict({"Authorization": "Bearer TOKEN-SECRET-0001"}))
    return RequestInfo(URL(SECRET_URL), "POST", headers, URL(SECRET_URL))


# (aiohttp exception, tbapi error, request_sent): what httpx's own transport gives for the same fault.
CASES = [
    (aiohttp.ConnectionTimeoutError("Connection timeout to host"), tbapi.APITimeoutError, False),
    (aiohttp.SocketTimeoutError("Timeout on reading data from socket"), tbapi.APITimeoutError, True),
    (
        aiohttp.ClientConnectorError(_connection_key(), OSError(111, "Connection refused")),
        tbapi.APIConnectionError,
        False,
    ),
    (aiohttp.ServerDisconnectedError(), tbapi.APIConnectionError, True),
    (aiohttp.ClientOSError(104, "Connection reset by peer"), tbapi.APIConnectionError, True),
    (aiohttp.ClientPayloadError("Response payload is not completed"), tbapi.APIConnectionError, True),
    (
        aiohttp.ClientResponseError(_request_info(), (), status=400, message="Bad status line"),
        tbapi.APIConnectionError,
        True,
    ),
    (aiohttp.InvalidURL(SECRET_URL), tbapi.APIConnectionError, True),
]
IDS = [type(case[0]).__name__ for case in CASES]


class Raising(httpx.AsyncBaseTransport):
    """Raises `exc` as aiohttp does, or as httpx-aiohttp's own mapping does (an httpx error caused by it)."""

    def __init__(self, exc: Exception, *, wrapped: bool) -> None:
        self._exc, self._wrapped = exc, wrapped

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._wrapped:
            raise httpx.ConnectTimeout(str(self._exc)) from self._exc  # httpx-aiohttp's catch-all class
        raise self._exc


async def _error_of(exc: Exception, *, wrapped: bool, default_stack: bool = False) -> BaseException:
    """The tbapi error of `exc` behind a user's own aiohttp client, or behind the default stack (`MappedErrors`)."""
    inner: httpx.AsyncBaseTransport = Raising(exc, wrapped=wrapped)
    transport = AsyncCheckedTransport(MappedErrors(inner) if default_stack else inner)
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(tbapi.TbapiError) as caught:
            await client.get(SECRET_URL)
    return caught.value


@pytest.mark.parametrize("default_stack", [False, True], ids=["user-client", "default"])
@pytest.mark.parametrize("wrapped", [False, True], ids=["raw", "wrapped"])
@pytest.mark.parametrize(("exc", "expected", "request_sent"), CASES, ids=IDS)
async def test_aiohttp_exception_becomes_the_tbapi_error_of_its_fault(
    exc: Exception, expected: type[Exception], request_sent: bool, wrapped: bool, default_stack: bool
) -> None:
    error = await _error_of(exc, wrapped=wrapped, default_stack=default_stack)
    assert type(error) is expected
    assert isinstance(error, tbapi.APIConnectionError)
    assert error.request_sent is request_sent


@pytest.mark.parametrize("exc", [case[0] for case in CASES], ids=IDS)
async def test_no_url_or_header_of_the_request_is_in_the_error_or_its_chain(exc: Exception) -> None:
    error = await _error_of(exc, wrapped=True, default_stack=True)
    chain = [error, error.__cause__, error.__context__]
    chain += [link.__cause__ for link in chain[1:] if link is not None]
    texts = " ".join(f"{link!s} {link!r}" for link in chain if link is not None)
    assert "SESSION-SECRET-0001" not in texts
    assert "TOKEN-SECRET-0001" not in texts


async def test_an_exception_aiohttp_had_no_part_in_is_left_alone() -> None:
    transport = AsyncCheckedTransport(Raising(KeyError("not a transport failure"), wrapped=False))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(KeyError):
            await client.get("http://127.0.0.1:9/")
