"""The async clients' default transport: httpx's API over aiohttp's connection pool (`httpx-aiohttp`).

httpcore's async pool slows down as calls queue in it; aiohttp's connector does not. `httpx_aiohttp` turns
aiohttp's exceptions into httpx's, but not into the ones httpx's own transport raises for the same fault
(a reset before the answer comes out as `ConnectTimeout`, which would mean "never sent" and make a
non-idempotent call look safe to send again). `httpx_error_for` maps each aiohttp exception — raised as
it is, or as the cause of httpx-aiohttp's mapping — to the httpx exception httpcore raises for that fault,
so `tbapi._http.transport.connection_error` gives both transports the same tbapi errors. Its message is built
from the fault alone: aiohttp's texts can hold the request URL (a TOP session travels in the query). The
default transport raises only these (`MappedErrors`), so no aiohttp exception is chained to a tbapi error;
with a user's own `HttpxAiohttpClient` the classes are the same, mapped in `tbapi._http.transport`.
"""

from __future__ import annotations

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from .._exceptions import ValidationError
from .network import Network
from .streams import AsyncChunks

__all__ = ["MappedErrors", "aiohttp_transport", "httpx_error_for"]

# The first class that matches picks the httpx class: more specific aiohttp classes come first.
_HTTPX_CLASS_FOR: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),  # connecting, or waiting for a pooled connection
    (aiohttp.SocketTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),
    (aiohttp.ClientProxyConnectionError, httpx.ProxyError),
    (aiohttp.ClientHttpProxyError, httpx.ProxyError),
    (aiohttp.ClientConnectorError, httpx.ConnectError),  # refused, DNS, TLS handshake: nothing was sent
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),  # closed before (all of) the answer
    (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),  # a truncated or malformed body
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),  # a malformed status line or header
    (aiohttp.ClientOSError, httpx.ReadError),  # a reset while waiting or reading
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.ClientError, httpx.TransportError),
    (TimeoutError, httpx.ReadTimeout),
)


def _aiohttp_cause(exc: BaseException) -> BaseException | None:
    """The aiohttp exception behind `exc`: `exc` itself, or the cause httpx-aiohttp chained to its own."""
    for candidate in (exc, exc.__cause__):
        if isinstance(candidate, NotRetried):
            return candidate.fault
        if isinstance(candidate, aiohttp.ClientError):
            return candidate
    if isinstance(exc, TimeoutError) and not isinstance(exc, httpx.TimeoutException):
        return exc
    return None


def _fault_text(exc: BaseException) -> str:
    if isinstance(exc, aiohttp.ClientResponseError):
        return exc.message  # its str() adds the request URL
    if isinstance(exc, aiohttp.InvalidURL):
        return "invalid URL"  # its str() is the URL
    if isinstance(exc, aiohttp.ClientOSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def httpx_error_for(exc: BaseException) -> httpx.TransportError | None:
    """The httpx exception httpx's own transport raises for the fault behind `exc`; None if aiohttp had no part."""
    cause = _aiohttp_cause(exc)
    if cause is None:
        return None
    for aiohttp_class, httpx_class in _HTTPX_CLASS_FOR:
        if isinstance(cause, aiohttp_class):
            text = _fault_text(cause)
            return httpx_class(f"{type(cause).__name__}: {text}" if text else type(cause).__name__)
    return None


class NotRetried(aiohttp.ClientConnectionError):
    """A connection failure that aiohttp must not retry by itself: tbapi's retry policy decides."""

    def __init__(self, fault: aiohttp.ClientError) -> None:
        super().__init__(fault)
        self.fault = fault


async def _no_silent_retry(
    request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
) -> aiohttp.ClientResponse:
    """aiohttp resends a GET once when its connection fails: `max_retries` would count double, and
    `max_retries=0` would not mean one attempt. A failure raised as `NotRetried` passes its retry by."""
    try:
        return await handler(request)
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
        if isinstance(exc, aiohttp.ClientConnectorError):
            raise  # nothing was sent: aiohttp does not retry these
        raise NotRetried(exc) from exc


def aiohttp_transport(limits: httpx.Limits, network: Network) -> httpx.AsyncBaseTransport:
    """httpx-aiohttp's transport with `limits` (aiohttp keeps every idle connection up to `max_connections`), the
    network's TLS context and its proxy (aiohttp's own, for `http://` and `https://` proxies)."""
    if network.proxy is not None and not network.proxy_is_http:
        scheme = network.proxy.url.scheme
        raise ValidationError("proxy", f"the async clients' pool takes http:// and https:// proxies, not {scheme}://")

    def session() -> aiohttp.ClientSession:  # made on the first request, inside the running loop
        connector = aiohttp.TCPConnector(
            limit=limits.max_connections or 0,  # 0: no limit
            keepalive_timeout=limits.keepalive_expiry,
            ssl=network.tls,
        )
        return aiohttp.ClientSession(connector=connector, middlewares=(_no_silent_retry,))

    transport = AiohttpTransport(limits=limits, verify=network.tls, proxy=network.proxy, client=session)
    return MappedErrors(transport)


class MappedErrors(httpx.AsyncBaseTransport):
    """Raises `httpx_error_for` what `inner` (httpx-aiohttp's transport) raises, while sending and while the
    body is read, outside the handler: no aiohttp exception (whose text may hold the URL) is chained."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._inner.handle_async_request(request)
        except Exception as exc:
            failure = httpx_error_for(exc)
            if failure is None:
                raise
        else:
            response.stream = _MappedStream(response.stream)
            return response
        raise failure

    async def aclose(self) -> None:
        await self._inner.aclose()


class _MappedStream(AsyncChunks):
    """`inner`'s chunks, what it raises mapped as `MappedErrors` maps it."""

    async def __anext__(self) -> bytes:
        try:
            return await super().__anext__()
        except StopAsyncIteration:
            raise
        except Exception as exc:
            failure = httpx_error_for(exc)
            if failure is None:
                raise
        raise failure
