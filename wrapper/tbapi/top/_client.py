"""`TopClient` / `AsyncTopClient`: the TOP resources over the generated client, signed by `TopWireAuth`.

Stack: resource method (a flow's twin, `resources/`) → checked body (generated model) → flow
(`_calls.py`) → generated `*_detailed` → `TopHttpClient` (builds the wire request) with `TopWireAuth`
(stamp + signature) → `CheckedTransport` (with `_errors.check_answer`) → the network. Both clients are
`_TopClient` (this API's settings and credentials) with the one list of resources and `call`
(`_resources.Top`, in the client's mode) on the one client base of `_base_client.py`; only the mode and
the httpx client differ.
"""

from __future__ import annotations

import dataclasses
from typing import Generic, TypeVar

import httpx

from tbapi._generated import taobao_top_client

from .._base_client import Api, AsyncClient, BaseClient, ResourceAttribute, Shared, SyncClient, called_as
from .._client_settings import Behaviour, Endpoint, PoolSettings, takes
from .._engine.twins import Async, RawAsync, RawSync, Sync
from .._exceptions import ValidationError
from .._logs import register_secret
from .._support.config import (
    TOP_DEFAULT_BASE_URL,
    from_env,
)
from .._support.validation import credential
from ._calls import Core
from ._errors import check_answer
from ._signing import SIGN_METHODS
from ._wire import AsyncTopHttpClient, TopClock, TopHttpClient, TopWireAuth
from .resources import RawResponses, Top

H = TypeVar("H", httpx.Client, httpx.AsyncClient)


def _credentials(
    app_key: str | None, app_secret: str | None, session: str | None, sign_method: str, clock: TopClock | None
) -> TopWireAuth:
    app_secret = from_env(app_secret, "TBAPI_TOP_APP_SECRET")
    session = from_env(session, "TBAPI_TOP_SESSION")
    register_secret(app_secret)  # first, so no message below can ever show it
    register_secret(session)
    app_key = from_env(app_key, "TBAPI_TOP_APP_KEY")
    if not app_key:
        raise ValidationError("app_key", "missing: pass app_key= or set TBAPI_TOP_APP_KEY")
    if not app_secret:
        raise ValidationError("app_secret", "missing: pass app_secret= or set TBAPI_TOP_APP_SECRET")
    app_key, app_secret = credential("app_key", app_key), credential("app_secret", app_secret)
    session = None if session is None else credential("session", session)
    register_secret(app_secret)
    register_secret(session)
    if sign_method not in SIGN_METHODS:
        raise ValidationError("sign_method", f"must be one of hmac-sha256, hmac, md5, got {sign_method!r}")
    if clock is not None and not isinstance(clock, TopClock):
        raise ValidationError("clock", f"must be a tbapi.top.TopClock, got {type(clock).__name__}")
    return TopWireAuth(
        app_key=app_key, app_secret=app_secret, session=session, sign_method=sign_method, clock=clock or TopClock()
    )


def _signing_itself(credentials: TopWireAuth) -> httpx.Auth:
    """The auth of a TOP client's requests: its credentials, which stamp and sign each request themselves."""
    return credentials


@dataclasses.dataclass(frozen=True, kw_only=True)
class TopCredentials:
    app_key: str | None = None
    app_secret: str | None = None
    session: str | None = None
    sign_method: str = "hmac-sha256"


@dataclasses.dataclass(frozen=True, kw_only=True)
class ClockSetting:
    clock: TopClock | None = None


# What `TopClient(…)` takes, in this order (a dataclass lists its bases' fields last base first).
@dataclasses.dataclass(frozen=True, kw_only=True)
class TopSettings(Behaviour, ClockSetting, PoolSettings[H], Endpoint, TopCredentials):
    pass


class _TopClient(BaseClient, Generic[H]):
    """The Taobao Open Platform gateway: its settings, credentials and `repr`."""

    @takes(TopSettings[H])
    def __init__(self, given: TopSettings[H], shared: Shared | None) -> None:
        """A client of the TOP gateway; each argument left unset comes from the environment or its default.

            with tbapi.TopClient() as top:   # TBAPI_TOP_APP_KEY / TBAPI_TOP_APP_SECRET / TBAPI_TOP_SESSION
                page = top.products.search(fields=["product_id", "name"], q="优衣库")

        Every call also takes `timeout=`, `extra_headers=`, and `extra_query=` / `extra_body=` parameters,
        signed like the others.

        Args:
            app_key: Your app's key [env `TBAPI_TOP_APP_KEY`]; required.
            app_secret: Your app's secret [env `TBAPI_TOP_APP_SECRET`]; required, never shown.
            session: The user session of methods that act for a seller [env `TBAPI_TOP_SESSION`]; a call's own
                `session=` wins.
            sign_method: `hmac-sha256` (default), `hmac` or `md5`.
            base_url: The gateway's URL [env `TBAPI_TOP_BASE_URL`; default `https://eco.taobao.com/router/rest`];
                plain `http://` only to this machine.
            timeout: Seconds each request may take (default 30), or an `httpx.Timeout` (connect / read / write /
                pool).
            max_retry_after: The longest server-requested wait (a ban's "This ban will last for N more seconds")
                slept before a retry (default 60 s); a longer one raises `RateLimitError` with its `retry_after`.
            max_concurrency: At most this many calls of the client on the wire at once (default: no cap); each
                of the others waits for a place at most its `timeout`, then fails with `APITimeoutError` (README,
                "Many calls at once").
            clock: Where timestamps come from, a `tbapi.top.TopClock`: its `now`, the `offset` learnt from
                code 31, whether to `auto_correct`.
            rate_limit: Calls per second, or a `tbapi.RateLimiter` shared with other clients, processes or
                machines: the calls are paced under it. With or without it, a ban pauses every call of the
                client until it ends.
            proxy: The proxy the client's own pool sends through: a URL (credentials allowed, never shown) or an
                `httpx.Proxy`. Default: the one `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` name for the gateway
                unless `NO_PROXY` lists it, as httpx reads them.

        Raises:
            tbapi.ValidationError: no app key or secret, an unknown `sign_method`, a bad `base_url`, `timeout`,
                `max_retries`, `max_retry_after`, `clock`, `sleep`, `rate_limit`, `proxy`, `verify`, `cert`,
                `default_headers`, `telemetry`, `on_attempt` or `on_call`.
        """
        url = from_env(given.base_url, "TBAPI_TOP_BASE_URL") or TOP_DEFAULT_BASE_URL
        auth: TopWireAuth = self._set_up(
            given,
            shared,
            Api("top", url, check_answer, _signing_itself),
            lambda _: _credentials(given.app_key, given.app_secret, given.session, given.sign_method, given.clock),
        )
        generated = self._generated(taobao_top_client.Client)
        self._core = Core(generated=generated, policy=self._options.retry_policy, clock=auth.clock)

    @property
    def clock(self) -> TopClock:
        """Where timestamps come from; its `offset` is the one learnt from the gateway (shared by `with_options`)."""
        return self._core.clock

    @property
    def app_key(self) -> str:
        return str(self._shared.credentials.app_key)

    @property
    def sign_method(self) -> str:
        return str(self._shared.credentials.sign_method)

    def _shown(self) -> dict[str, object]:
        shown = {"app_key": self.app_key, "base_url": self.base_url, "sign_method": self.sign_method}
        return {**shown, "timeout": self.timeout, "max_retries": self.max_retries}


@called_as
class TopClient(_TopClient[httpx.Client], Top[Sync], SyncClient):
    """A client of the Taobao Open Platform gateway, blocking: use it as a context manager, or call `close()`.

    Every call is signed, timestamped in Asia/Shanghai time, retried where safe and error-mapped.
    """

    _http_class = TopHttpClient
    with_raw_response: ResourceAttribute[RawResponses[RawSync]] = ResourceAttribute(RawResponses, RawSync)


@called_as
class AsyncTopClient(_TopClient[httpx.AsyncClient], Top[Async], AsyncClient):
    """A client of the Taobao Open Platform gateway, awaitable: the same calls with `await` (`async for` for
    `iter_search`); use `async with`, or `aclose()`."""

    _http_class = AsyncTopHttpClient
    with_raw_response: ResourceAttribute[RawResponses[RawAsync]] = ResourceAttribute(RawResponses, RawAsync)
