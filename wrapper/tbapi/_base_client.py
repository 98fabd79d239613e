"""What every tbapi client shares: options, the connection pool, the transport stack, lifecycle.

Stack, top to bottom: the generated client (builds requests, parses models) → an `httpx.Client`
with the API's auth flow (Bearer token, or TOP wire rewrite + signature) → `CheckedTransport`
(error mapping, body limits) → the real transport (or the user's own `httpx.Client`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

import attrs
import httpx

from ._config import (
    DEFAULT_MAX_RETRY_AFTER,
    checked_base_url,
    checked_max_retries,
    checked_max_retry_after,
    checked_timeout,
)
from ._retry import RetryPolicy
from ._transport import (
    AsyncCheckedTransport,
    AsyncClientTransport,
    CheckedTransport,
    ClientTransport,
)
from ._version import __version__

V = TypeVar("V")
USER_AGENT = f"tbapi/{__version__} (+python httpx)"
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30)


@attrs.frozen
class ClientOptions:
    """The validated settings of one client; `replace` makes the per-call variants."""

    base_url: str = attrs.field(converter=checked_base_url)
    timeout: float = attrs.field(converter=checked_timeout)
    max_retries: int = attrs.field(converter=checked_max_retries)
    # The longest server-requested wait (Retry-After, TOP ban) slept before retrying; a longer one raises
    # `RateLimitError` with its `retry_after` at once.
    max_retry_after: float = attrs.field(
        default=DEFAULT_MAX_RETRY_AFTER, converter=checked_max_retry_after, kw_only=True
    )

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(max_retries=self.max_retries, max_retry_after=self.max_retry_after)

    def replace(
        self, *, timeout: float | None, max_retries: int | None, max_retry_after: float | None = None
    ) -> ClientOptions:
        return attrs.evolve(
            self,
            timeout=self.timeout if timeout is None else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            max_retry_after=self.max_retry_after if max_retry_after is None else max_retry_after,
        )


def sync_transport(http_client: httpx.Client | None) -> httpx.BaseTransport:
    inner = ClientTransport(http_client) if http_client else httpx.HTTPTransport(limits=POOL_LIMITS)
    return CheckedTransport(inner)


def async_transport(http_client: httpx.AsyncClient | None) -> httpx.AsyncBaseTransport:
    """The user's `httpx.AsyncClient`, else aiohttp's pool (httpcore's async pool slows down as calls queue)."""
    if http_client is not None:
        return AsyncCheckedTransport(AsyncClientTransport(http_client))
    from ._aiohttp import aiohttp_transport  # imported with the first async client: sync users never load aiohttp

    return AsyncCheckedTransport(aiohttp_transport(POOL_LIMITS))


def _client_kwargs(options: ClientOptions, auth: httpx.Auth | None) -> dict[str, Any]:
    return {
        "base_url": options.base_url,
        "timeout": options.timeout,
        "auth": auth,
        "headers": {"User-Agent": USER_AGENT},
        "follow_redirects": False,
    }


class UrlMemo(Generic[V]):
    """Values derived from a request path and the base URL only, remembered per base URL.

    The generated code sends every call to one of a few constant paths (`/taobao.products.search`,
    `/rest/…/item/search`), and httpx resolves each against the base URL anew: two runs of its validating URL
    parser per call (≈ 20 µs). `httpx.URL` is immutable, so what is derived from one resolution is valid for
    every later request with the same base URL and path. At most `limit` paths are kept (TOP's `call` takes
    any method name); the others are derived every time, as before.
    """

    def __init__(self, limit: int = 256) -> None:
        self._limit = limit
        self._memo: tuple[httpx.URL | None, dict[str, V]] = (None, {})

    def get(self, base: httpx.URL, path: str, derive: Callable[[str], V]) -> V:
        memo_base, values = self._memo
        if memo_base is not base:  # a new base URL (httpx's `base_url` setter): start afresh
            values = {}
            self._memo = (base, values)
        if path in values:
            return values[path]
        value = derive(path)
        if len(values) < self._limit:
            values[path] = value
        return value


class HttpClient(httpx.Client):
    """`httpx.Client`, resolving each relative request path once per base URL (see `UrlMemo`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._merged_urls: UrlMemo[httpx.URL] = UrlMemo()

    def _merge_url(self, url: httpx.URL | str) -> httpx.URL:
        if type(url) is str:
            return self._merged_urls.get(self.base_url, url, super()._merge_url)
        return super()._merge_url(url)


class AsyncHttpClient(httpx.AsyncClient):
    """`httpx.AsyncClient`, resolving each relative request path once per base URL (see `UrlMemo`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._merged_urls: UrlMemo[httpx.URL] = UrlMemo()

    def _merge_url(self, url: httpx.URL | str) -> httpx.URL:
        if type(url) is str:
            return self._merged_urls.get(self.base_url, url, super()._merge_url)
        return super()._merge_url(url)


def sync_http_client(
    options: ClientOptions,
    auth: httpx.Auth | None,
    transport: httpx.BaseTransport,
    client_class: type[HttpClient] = HttpClient,
) -> httpx.Client:
    return client_class(transport=transport, **_client_kwargs(options, auth))


def async_http_client(
    options: ClientOptions,
    auth: httpx.Auth | None,
    transport: httpx.AsyncBaseTransport,
    client_class: type[AsyncHttpClient] = AsyncHttpClient,
) -> httpx.AsyncClient:
    return client_class(transport=transport, **_client_kwargs(options, auth))


class ClosingMixin:
    """`with` / `close()` for sync clients; only the client that owns the pool closes it."""

    _http: httpx.Client
    _owns_pool: bool

    def close(self) -> None:
        """Close the connection pool (a client from `with_options`, or your own `http_client`, is left open)."""
        if self._owns_pool:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClosingMixin:
    """`async with` / `aclose()` for async clients."""

    _http: httpx.AsyncClient
    _owns_pool: bool

    async def aclose(self) -> None:
        """Close the connection pool (a client from `with_options`, or your own `http_client`, is left open)."""
        if self._owns_pool:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
