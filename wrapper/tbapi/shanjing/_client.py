"""`ShanjingClient` and `AsyncShanjingClient`: the same resources over one pool, blocking or awaitable."""

from __future__ import annotations

from typing import Any, Self

import httpx
from shanjing_client.api.auth import refresh_token as refresh_token_endpoint
from shanjing_client.client import Client as GeneratedClient

from .._base_client import (
    AsyncClosingMixin,
    ClientOptions,
    ClosingMixin,
    async_http_client,
    async_transport,
    sync_http_client,
    sync_transport,
)
from .._config import DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER, DEFAULT_TIMEOUT, SHANJING_DEFAULT_BASE_URL, from_env
from .._validation import credential
from ._core import Core, token_call
from ._envelope import AsyncEnvelopeTransport, EnvelopeTransport
from ._resources import (
    AsyncAuth,
    AsyncImages,
    AsyncItems,
    AsyncOrders,
    AsyncProducts,
    Auth,
    Images,
    Items,
    Orders,
    Products,
)
from ._tokens import BearerAuth, InMemoryTokenStore, TokenManager, TokenRecord, TokenStore

ENV_ACCESS_TOKEN = "TBAPI_SHANJING_ACCESS_TOKEN"
ENV_REFRESH_TOKEN = "TBAPI_SHANJING_REFRESH_TOKEN"
ENV_BASE_URL = "TBAPI_SHANJING_BASE_URL"


def _options(base_url: str | None, timeout: float, max_retries: int, max_retry_after: float) -> ClientOptions:
    url = from_env(base_url, ENV_BASE_URL) or SHANJING_DEFAULT_BASE_URL
    return ClientOptions(base_url=url, timeout=timeout, max_retries=max_retries, max_retry_after=max_retry_after)


def _token_manager(
    access_token: str | None, refresh_token: str | None, token_store: TokenStore | None, timeout: float
) -> TokenManager:
    access = from_env(access_token, ENV_ACCESS_TOKEN)
    refresh = from_env(refresh_token, ENV_REFRESH_TOKEN)
    access = None if access is None else credential("access_token", access)
    refresh = None if refresh is None else credential("refresh_token", refresh)
    manager = TokenManager(token_store if token_store is not None else InMemoryTokenStore(), lock_timeout=timeout)
    if access is not None:
        manager.seed(TokenRecord(access_token=access, refresh_token=refresh))
    elif refresh is not None:  # no access token yet: the first call refreshes ahead
        manager.seed(TokenRecord(access_token="", refresh_token=refresh, expires_at=0.0))
    return manager


class _ClientBase:
    _options: ClientOptions
    _tokens: TokenManager
    _core: Core

    def _make_core(self, options: ClientOptions, tokens: TokenManager, http: Any, *, owns_pool: bool) -> Core:
        self._options, self._tokens, self._http, self._owns_pool = options, tokens, http, owns_pool
        api = GeneratedClient(base_url=options.base_url)
        if isinstance(http, httpx.AsyncClient):
            api.set_async_httpx_client(http)
        else:
            api.set_httpx_client(http)
        core = Core(api=api, options=options, tokens=tokens)
        if tokens.refresher is None:
            tokens.refresher = lambda token: token_call(
                core, refresh_token_endpoint, {"refresh_token": token}, what="token refresh"
            )
        return core

    @property
    def token(self) -> TokenRecord | None:
        """The current token record from the token store (its repr hides the tokens)."""
        return self._tokens.current()

    @property
    def token_store(self) -> TokenStore:
        return self._tokens.store

    def __repr__(self) -> str:
        o = self._options
        return (
            f"{type(self).__name__}(base_url={o.base_url!r}, timeout={o.timeout!r}, "
            f"max_retries={o.max_retries!r}, token_store={self._tokens.store!r})"
        )


class ShanjingClient(_ClientBase, ClosingMixin):
    """The Shanjing Ecommerce API (Taobao/Tmall via Shanjing), blocking.

    Unset arguments come from `TBAPI_SHANJING_ACCESS_TOKEN`, `TBAPI_SHANJING_REFRESH_TOKEN` and
    `TBAPI_SHANJING_BASE_URL`. Tokens live in `token_store` (default: in memory; `FileTokenStore` shares
    them between processes) — a token already in the store wins over the arguments. With a refresh
    token, an expired or refused access token is refreshed once (single-flight) and the call replayed.
    `http_client` is an `httpx.Client` of your own (proxies, TLS) that tbapi sends through and never closes.
    `max_retries` retries safe failures with backoff; a server-requested wait (`Retry-After`) up to
    `max_retry_after` seconds is slept, a longer one raises `RateLimitError` with its `retry_after`.
    Use it as a context manager, or call `close()`. Raises `ValidationError` for bad settings.
    """

    auth: Auth
    items: Items
    images: Images
    products: Products
    orders: Orders
    _http: httpx.Client

    def __init__(
        self,
        *,
        access_token: str | None = None,
        refresh_token: str | None = None,
        base_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        token_store: TokenStore | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        options = _options(base_url, timeout, max_retries, max_retry_after)
        tokens = _token_manager(access_token, refresh_token, token_store, options.timeout)
        self._attach(
            options, tokens, BearerAuth(tokens), EnvelopeTransport(sync_transport(http_client)), owns_pool=True
        )

    def _attach(
        self,
        options: ClientOptions,
        tokens: TokenManager,
        auth: BearerAuth,
        transport: httpx.BaseTransport,
        *,
        owns_pool: bool,
    ) -> None:
        self._auth, self._transport = auth, transport  # what `with_options` clones share
        core = self._make_core(options, tokens, sync_http_client(options, auth, transport), owns_pool=owns_pool)
        self.auth, self.items, self.images = Auth(core), Items(core), Images(core)
        self.products, self.orders = Products(core), Orders(core)

    def with_options(
        self, *, timeout: float | None = None, max_retries: int | None = None, max_retry_after: float | None = None
    ) -> Self:
        """A client for some calls with another `timeout` / `max_retries`, sharing this one's pool and tokens.

        Closing it does nothing; close the original. Raises `ValidationError` for bad values.
        """
        options = self._options.replace(timeout=timeout, max_retries=max_retries, max_retry_after=max_retry_after)
        clone = object.__new__(type(self))
        clone._attach(options, self._tokens, self._auth, self._transport, owns_pool=False)
        return clone


class AsyncShanjingClient(_ClientBase, AsyncClosingMixin):
    """The Shanjing Ecommerce API, awaitable: the same calls as `ShanjingClient`, with `await`.

    Same arguments and behaviour as `ShanjingClient` (`http_client` is an `httpx.AsyncClient`); the token
    refresh is single-flight across tasks. Use `async with`, or call `aclose()`.
    """

    auth: AsyncAuth
    items: AsyncItems
    images: AsyncImages
    products: AsyncProducts
    orders: AsyncOrders
    _http: httpx.AsyncClient

    def __init__(
        self,
        *,
        access_token: str | None = None,
        refresh_token: str | None = None,
        base_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        token_store: TokenStore | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        options = _options(base_url, timeout, max_retries, max_retry_after)
        tokens = _token_manager(access_token, refresh_token, token_store, options.timeout)
        self._attach(
            options, tokens, BearerAuth(tokens), AsyncEnvelopeTransport(async_transport(http_client)), owns_pool=True
        )

    def _attach(
        self,
        options: ClientOptions,
        tokens: TokenManager,
        auth: BearerAuth,
        transport: httpx.AsyncBaseTransport,
        *,
        owns_pool: bool,
    ) -> None:
        self._auth, self._async_transport = auth, transport  # what `with_options` clones share
        core = self._make_core(options, tokens, async_http_client(options, auth, transport), owns_pool=owns_pool)
        self.auth, self.items, self.images = AsyncAuth(core), AsyncItems(core), AsyncImages(core)
        self.products, self.orders = AsyncProducts(core), AsyncOrders(core)

    def with_options(
        self, *, timeout: float | None = None, max_retries: int | None = None, max_retry_after: float | None = None
    ) -> Self:
        """An async client for some calls with another `timeout` / `max_retries`, sharing the pool and tokens."""
        options = self._options.replace(timeout=timeout, max_retries=max_retries, max_retry_after=max_retry_after)
        clone = object.__new__(type(self))
        clone._attach(options, self._tokens, self._auth, self._async_transport, owns_pool=False)
        return clone
