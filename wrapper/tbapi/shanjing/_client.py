"""`ShanjingClient` and `AsyncShanjingClient`: the same resources over one pool, blocking or awaitable.

Both are `_ShanjingClient` (this API's options and tokens) with the one list of resources
(`_resources.Shanjing`, in the client's mode) on the one client base of `_base_client.py` (`SyncClient` /
`AsyncClient`); `with_options` builds a copy through `__init__`.
"""

from __future__ import annotations

import dataclasses
from typing import Generic, TypeVar

import httpx

from tbapi._generated.shanjing_client.client import Client as GeneratedClient

from .._base_client import Api, AsyncClient, BaseClient, ResourceAttribute, Shared, SyncClient, called_as
from .._client_settings import Behaviour, Endpoint, PoolSettings, takes
from .._engine.twins import Async, RawAsync, RawSync, Sync
from .._support.config import (
    SHANJING_DEFAULT_BASE_URL,
    from_env,
    longest_wait,
)
from .._support.validation import credential
from ._core import connected
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


@dataclasses.dataclass(frozen=True, kw_only=True)
class ShanjingCredentials:
    access_token: str | None = None
    refresh_token: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class TokenStoreSetting:
    token_store: TokenStore | None = None


# What `ShanjingClient(…)` takes, in this order (a dataclass lists its bases' fields last base first).
@dataclasses.dataclass(frozen=True, kw_only=True)
class ShanjingSettings(Behaviour, PoolSettings[H], TokenStoreSetting, Endpoint, ShanjingCredentials):
    pass


class _ShanjingClient(BaseClient, Generic[H]):
    """The Shanjing Ecommerce API (Taobao/Tmall via Shanjing): its options, tokens and `repr`."""

    @takes(ShanjingSettings[H])
    def __init__(self, given: ShanjingSettings[H], shared: Shared | None) -> None:
        """A client of the Shanjing API; each argument left unset comes from the environment or its default.

        Tokens live in `token_store`; a token already in the store wins over the arguments. With a refresh
        token, an expired or refused access token is refreshed once (single-flight) and the call replayed.
        Every call also takes `timeout=`, `extra_headers=`, `extra_query=` and `extra_body=`.

        Args:
            access_token: The Bearer token [env `TBAPI_SHANJING_ACCESS_TOKEN`]. A first one comes from an OAuth
                authorization code: `client.auth.create_token(code)`.
            refresh_token: Refreshes the access token when it expires or is refused
                [env `TBAPI_SHANJING_REFRESH_TOKEN`].
            base_url: The API's base URL [env `TBAPI_SHANJING_BASE_URL`; default
                `https://ecommerce-api.shanjing-inc.com`]; plain `http://` only to this machine.
            timeout: Seconds each request may take (default 30), or an `httpx.Timeout` (connect / read / write /
                pool); also bounds the wait for a token lock.
            max_retry_after: The longest server-requested wait (`Retry-After`) slept before a retry (default
                60 s); a longer one raises `RateLimitError` with its `retry_after` at once.
            token_store: Where the tokens live (default: in memory). `FileTokenStore` shares them between
                processes, `RedisTokenStore` between machines.
            max_concurrency: At most this many calls of the client on the wire at once (default: no cap); each
                of the others waits for a place at most its `timeout`, then fails with `APITimeoutError`.
            rate_limit: Calls per second, or a `tbapi.RateLimiter` shared with other clients, processes or
                machines: the calls are paced under it. With or without it, an HTTP 429 pauses every call of
                the client until its `Retry-After` ends.
            proxy: The proxy the client's own pool sends through: a URL (credentials allowed, never shown) or an
                `httpx.Proxy`. Default: the one `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` name for the base URL
                unless `NO_PROXY` lists it, as httpx reads them.

        Raises:
            tbapi.ValidationError: a bad setting.
        """
        url = from_env(given.base_url, ENV_BASE_URL) or SHANJING_DEFAULT_BASE_URL
        tokens: TokenManager = self._set_up(
            given,
            shared,
            Api("shanjing", url, check_response, BearerAuth),
            lambda options: _token_manager(
                given.access_token, given.refresh_token, given.token_store, longest_wait(options.timeout)
            ),
        )
        self._core = connected(self._generated(GeneratedClient), self._options, tokens, self._sibling_http())

    @property
    def token(self) -> TokenRecord | None:
        """The current token record from the token store (its repr hides the tokens)."""
        return self._core.tokens.current()

    @property
    def token_store(self) -> TokenStore:
        """Where the client's tokens live: the `token_store` it was given, else its in-memory store."""
        return self._core.tokens.store

    def _shown(self) -> dict[str, object]:
        shown = {"base_url": self.base_url, "timeout": self.timeout, "max_retries": self.max_retries}
        return {**shown, "token_store": self.token_store}


@called_as
class ShanjingClient(_ShanjingClient[httpx.Client], Shanjing[Sync], SyncClient):
    """The Shanjing Ecommerce API (Taobao/Tmall via Shanjing), blocking: use it as a context manager, or call
    `close()`."""

    with_raw_response: ResourceAttribute[RawResponses[RawSync]] = ResourceAttribute(RawResponses, RawSync)


@called_as
class AsyncShanjingClient(_ShanjingClient[httpx.AsyncClient], Shanjing[Async], AsyncClient):
    """The Shanjing Ecommerce API, awaitable: the same calls with `await` (the token refresh is single-flight
    across tasks too); use `async with`, or call `aclose()`."""

    with_raw_response: ResourceAttribute[RawResponses[RawAsync]] = ResourceAttribute(RawResponses, RawAsync)
