"""`ShanjingClient` and `AsyncShanjingClient`: the same resources over one pool, blocking or awaitable.

Both are `_ShanjingClient` (this API's options and tokens) with the one list of resources
(`_resources.Shanjing`, in the client's mode) on the one client base of `_base_client.py` (`SyncClient` /
`AsyncClient`); `with_options` builds a copy through `__init__`.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx

from tbapi._generated.shanjing_client.api.auth import refresh_token as refresh_token_endpoint
from tbapi._generated.shanjing_client.client import Client as GeneratedClient

from .._base_client import AsyncClient, BaseClient, ClientOptions, Shared, SyncClient, pool_options, resource
from .._engine.flow import SleepFunction
from .._engine.twins import Async, RawAsync, RawSync, Sync
from .._ratelimit.limiter import RateLimiter
from .._support.config import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_TIMEOUT,
    SHANJING_DEFAULT_BASE_URL,
    from_env,
)
from .._support.validation import credential
from .._telemetry.records import AttemptHook, CallHook
from ._core import Core, token_call
from ._envelope import check_response
from ._tokens import BearerAuth, InMemoryTokenStore, TokenManager, TokenRecord, TokenStore
from .resources import RawResponses, Shanjing

ENV_ACCESS_TOKEN = "TBAPI_SHANJING_ACCESS_TOKEN"
ENV_REFRESH_TOKEN = "TBAPI_SHANJING_REFRESH_TOKEN"
ENV_BASE_URL = "TBAPI_SHANJING_BASE_URL"

H = TypeVar("H", httpx.Client, httpx.AsyncClient)


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


class _ShanjingClient(BaseClient, Generic[H]):
    """The Shanjing Ecommerce API (Taobao/Tmall via Shanjing): its options, tokens and `repr`."""

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
        http_client: H | None = None,
        limits: httpx.Limits | None = None,
        max_concurrency: int | None = None,
        sleep: SleepFunction | None = None,
        rate_limit: float | RateLimiter | None = None,
        telemetry: bool = True,
        on_attempt: AttemptHook | None = None,
        on_call: CallHook | None = None,
        _shared: Shared | None = None,
    ) -> None:
        """Unset arguments come from `TBAPI_SHANJING_ACCESS_TOKEN`, `TBAPI_SHANJING_REFRESH_TOKEN` and
        `TBAPI_SHANJING_BASE_URL`. Tokens live in `token_store` (default: in memory; `FileTokenStore` shares
        them between processes) — a token already in the store wins over the arguments. With a refresh
        token, an expired or refused access token is refreshed once (single-flight) and the call replayed.
        `http_client` is an httpx client of your own (proxies, TLS) that tbapi sends through and never closes.
        `max_retries` retries safe failures with backoff; a server-requested wait (`Retry-After`) up to
        `max_retry_after` seconds is slept, a longer one raises `RateLimitError` with its `retry_after`.
        `sleep` replaces what waits between retries (`time.sleep` / `asyncio.sleep`): a function of the seconds
        (for the async client it may be a coroutine function). `rate_limit` (calls per second, or a
        `tbapi.RateLimiter` shared with other clients, processes or machines) paces the calls; with or without
        it, an HTTP 429 pauses every call of the client until its `Retry-After` ends. `telemetry=False` stops
        reporting through OpenTelemetry (on by default when `opentelemetry-api` is installed: README,
        "Observability"); `on_attempt` / `on_call` are functions handed a `tbapi.AttemptRecord` per request on
        the wire and a `tbapi.CallRecord` per call (for Prometheus, StatsD, logs). `_shared` is for
        `with_options` only. Raises `ValidationError` for bad settings.
        """
        url = from_env(base_url, ENV_BASE_URL) or SHANJING_DEFAULT_BASE_URL
        options = ClientOptions(
            url,
            timeout,
            max_retries,
            max_retry_after=max_retry_after,
            sleep=sleep,
            budget=rate_limit,
            api="shanjing",
            telemetry=telemetry,
            on_attempt=on_attempt,
            on_call=on_call,
        )
        shared = _shared or self._new_shared(
            http_client,
            check_response,
            pool_options(limits, max_concurrency, http_client),
            _token_manager(access_token, refresh_token, token_store, options.timeout),
        )
        tokens: TokenManager = shared.credentials
        self._start(options, shared, BearerAuth(tokens), owns_pool=_shared is None)
        api = self._generated(GeneratedClient)
        self._core = core = Core(api=api, options=options, tokens=tokens, loop=self._loop_side(api))
        if tokens.refresher is None:
            tokens.refresher = lambda token: token_call(
                core, refresh_token_endpoint, {"refresh_token": token}, what="auth.refresh_token"
            )

    @property
    def token(self) -> TokenRecord | None:
        """The current token record from the token store (its repr hides the tokens)."""
        return self._core.tokens.current()

    @property
    def token_store(self) -> TokenStore:
        return self._core.tokens.store

    def _shown(self) -> dict[str, object]:
        shown = {"base_url": self.base_url, "timeout": self.timeout, "max_retries": self.max_retries}
        return {**shown, "token_store": self.token_store}


class ShanjingClient(_ShanjingClient[httpx.Client], Shanjing[Sync], SyncClient):
    """The Shanjing Ecommerce API (Taobao/Tmall via Shanjing), blocking: use it as a context manager, or call
    `close()`."""

    with_raw_response: resource[RawResponses[RawSync]] = resource(RawResponses, RawSync)


class AsyncShanjingClient(_ShanjingClient[httpx.AsyncClient], Shanjing[Async], AsyncClient):
    """The Shanjing Ecommerce API, awaitable: the same calls with `await` (the token refresh is single-flight
    across tasks too); use `async with`, or call `aclose()`."""

    with_raw_response: resource[RawResponses[RawAsync]] = resource(RawResponses, RawAsync)
