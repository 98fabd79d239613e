"""What every tbapi client shares: options, the connection pool, the transport stack, lifecycle.

Stack, top to bottom: a resource method (a flow, `_engine/twins.py`) → the generated client (builds requests,
parses models) → an httpx client (`HttpClient` / `AsyncHttpClient`, TOP's builds the wire request) with
the API's auth flow (Bearer token, or TOP stamp + signature) → `CheckedTransport` (status, body limits,
JSON, the API's answer check: `_http/transport.py`) → the real transport (or the user's own `httpx.Client`).

`BaseClient` is the one base of the four clients, `SyncClient` / `AsyncClient` add what differs between
blocking and awaitable use. A client is only ever made by its `__init__`: `with_options` calls
`type(self)(…)` with the changed options and `_shared=` (openai-python's `copy()`), so the copy is the
same class, sends through the same pool and uses the same credentials (Shanjing's token manager, TOP's
credentials and clock). Resources are attributes made on first use (`ResourceAttribute`), so `help()` lists them.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Generic, NoReturn, Self, TypeVar, cast, overload

import attrs
import httpx

from ._engine import call_options
from ._engine.flow import SleepFunction
from ._engine.retry import RetryPolicy
from ._engine.twins import Async, M, Mode, Moded, Sync
from ._exceptions import CLIENT_CLOSED, ClientStateError
from ._http.concurrency import ConcurrencyLimit
from ._http.inflated import ACCEPT_ENCODING
from ._http.network import Cert, Network, ProxyOption, Verify, network
from ._http.thread_pools import ThreadPools
from ._http.transport import (
    AnswerCheck,
    AsyncCheckedTransport,
    AsyncClientTransport,
    CheckedTransport,
    ClientTransport,
    arelease_stream,
    release_stream,
)
from ._logs import redact, redact_library_loggers
from ._ratelimit.limiter import RateLimit, RateLimiter, rate_limit_for
from ._support.config import (
    DEFAULT_MAX_RETRY_AFTER,
    Timeout,
    checked_base_url,
    checked_max_retries,
    checked_max_retry_after,
    checked_on_attempt,
    checked_on_call,
    checked_telemetry,
    checked_timeout,
)
from ._support.validation import headers_option, int_in_range
from ._telemetry.calls import Telemetry, telemetry_for
from ._telemetry.records import AttemptHook, CallHook
from ._version import __version__

V = TypeVar("V")
R = TypeVar("R")
G = TypeVar("G")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
USER_AGENT = f"tbapi/{__version__} (+python httpx)"
# Async: every connection a burst opened is kept for the next one (aiohttp keeps all idle ones up to the limit anyway).
ASYNC_POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=30)
# Sync: httpx's own defaults, for the pool of each sending thread (`_http/thread_pools.py`); `max_connections` is also
# how many calls of all threads may be on the wire at once.
SYNC_POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5)


def _default_headers(headers: object) -> dict[str, str]:
    return {} if headers is None else headers_option("default_headers", headers)


def _checked_sleep(sleep: SleepFunction | None) -> SleepFunction | None:
    if sleep is not None and not callable(sleep):
        from ._exceptions import ValidationError

        raise ValidationError("sleep", f"must be a function of the seconds to wait, got {sleep!r}")
    return sleep


@attrs.frozen
class ClientOptions:
    """The validated settings of one client; `replace` makes the per-call variants."""

    base_url: str = attrs.field(converter=checked_base_url)
    timeout: Timeout = attrs.field(converter=checked_timeout)
    max_retries: int = attrs.field(converter=checked_max_retries)
    # The longest server-requested wait (Retry-After, TOP ban) slept before retrying; a longer one raises
    # `RateLimitError` with its `retry_after` at once.
    max_retry_after: float = attrs.field(
        default=DEFAULT_MAX_RETRY_AFTER, converter=checked_max_retry_after, kw_only=True
    )
    # What waits between retries (None: time.sleep / asyncio.sleep); the clients' `sleep=` option.
    sleep: SleepFunction | None = attrs.field(default=None, converter=_checked_sleep, kw_only=True, eq=False)
    # The clients' `rate_limit=`: a number, a `RateLimiter`, or None (a rate limit that only pauses after a ban).
    rate_limit: RateLimit = attrs.field(factory=RateLimit.unlimited, converter=rate_limit_for, kw_only=True, eq=False)
    # Sent with every request of the client (the clients' `default_headers=`), under a call's `extra_headers`.
    default_headers: dict[str, str] = attrs.field(factory=dict, converter=_default_headers, kw_only=True)
    # Which API the client calls ("shanjing", "top"): how its telemetry names it.
    api: str = attrs.field(default="", kw_only=True)
    # The clients' `telemetry=`: report through OpenTelemetry when it is installed (README, "Observability").
    telemetry: bool = attrs.field(default=True, converter=checked_telemetry, kw_only=True)
    # The clients' `on_attempt=` / `on_call=`: functions handed a record of each request / call.
    on_attempt: AttemptHook | None = attrs.field(default=None, converter=checked_on_attempt, kw_only=True, eq=False)
    on_call: CallHook | None = attrs.field(default=None, converter=checked_on_call, kw_only=True, eq=False)

    # Derived from the fields above once (every call reads them); `with_options` makes them again.
    reporting: Telemetry | None = attrs.field(init=False, eq=False, repr=False)
    retry_policy: RetryPolicy = attrs.field(init=False, eq=False, repr=False)

    @reporting.default
    def _reporting(self) -> Telemetry | None:
        return telemetry_for(
            self.api, otel=self.telemetry, on_attempt=self.on_attempt, on_call=self.on_call, rate_limit=self.rate_limit
        )

    @retry_policy.default
    def _retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            max_retries=self.max_retries,
            max_retry_after=self.max_retry_after,
            sleep=self.sleep,
            rate_limit=self.rate_limit,
            telemetry=self.reporting,
        )


@attrs.frozen
class PoolOptions:
    """How a client's own pool is sized (`limits`), how many of its calls may be on the wire (`max_concurrency`),
    and where and how it connects (`network`: its proxy and TLS; None with the user's own `http_client`)."""

    limits: httpx.Limits | None = None  # None: the default of the client's kind (SYNC_ / ASYNC_POOL_LIMITS)
    max_concurrency: int | None = None
    network: Network | None = None


@attrs.frozen
class PoolArguments:
    """A client's `http_client=`, `limits=`, `max_concurrency=`, `proxy=`, `verify=` and `cert=` as given, in that
    order (checked into `PoolOptions` by `pool_options`)."""

    http_client: Any = None
    limits: httpx.Limits | None = None
    max_concurrency: int | None = None
    proxy: ProxyOption | None = None
    verify: Verify = True
    cert: Cert | None = None

    def own_pool_setting(self) -> str | None:
        """The name of the first setting of tbapi's own pool given otherwise than by default (None: none)."""
        if self.limits is not None:
            return "limits"
        if self.proxy is not None:
            return "proxy"
        if self.verify is not True:
            return "verify"
        return "cert" if self.cert is not None else None


def pool_options(arguments: PoolArguments, *, base_url: str) -> PoolOptions:
    """The checked `limits=` / `max_concurrency=` / `proxy=` / `verify=` / `cert=` of a client sending to `base_url`
    (`ValidationError` naming the bad one)."""
    from ._exceptions import ValidationError

    limits, max_concurrency = arguments.limits, arguments.max_concurrency
    if limits is not None and not isinstance(limits, httpx.Limits):
        raise ValidationError("limits", f"must be an httpx.Limits, got {limits!r}")
    if max_concurrency is not None:
        int_in_range("max_concurrency", max_concurrency, 1, text=False)
    if arguments.http_client is not None:
        mine = arguments.own_pool_setting()
        if mine is not None:
            raise ValidationError(mine, f"set {mine} on your own http_client instead")
        return PoolOptions(None, max_concurrency)
    net = network(base_url, proxy=arguments.proxy, verify=arguments.verify, cert=arguments.cert)
    return PoolOptions(limits, max_concurrency, net)


def sync_transport(http_client: httpx.Client | None, check: AnswerCheck, pool: PoolOptions) -> httpx.BaseTransport:
    """The user's `httpx.Client`, else a pool per thread (httpcore's shared sync pool can stall a call: see
    `_http/thread_pools.py`), with at most `max_concurrency` (default: the limits' connections) calls on the wire."""
    limits = pool.limits or SYNC_POOL_LIMITS
    if http_client is not None:
        checked = CheckedTransport(ClientTransport(http_client), check=check)
    else:
        net = _own(pool)
        checked = CheckedTransport(ThreadPools(limits, net), check=check, proxy=net.proxy_address)
    places = pool.max_concurrency or (None if http_client else limits.max_connections)
    return ConcurrencyLimit(checked, places) if places else checked


def async_transport(
    http_client: httpx.AsyncClient | None, check: AnswerCheck, pool: PoolOptions
) -> httpx.AsyncBaseTransport:
    """The user's `httpx.AsyncClient`, else aiohttp's pool (httpcore's async pool slows down as calls queue).

    A burst beyond `max_concurrency` (default: the pool's connections) waits in a `Gate` (`_http/concurrency.py`).
    """
    inner: httpx.AsyncBaseTransport
    if http_client is not None:
        inner, places = AsyncClientTransport(http_client), pool.max_concurrency
    else:
        from ._http.aiohttp_pool import (
            aiohttp_transport,  # imported with the first async client: sync users never load it
        )

        limits, net = pool.limits or ASYNC_POOL_LIMITS, _own(pool)
        inner, places = aiohttp_transport(limits, net), pool.max_concurrency or limits.max_connections
        return AsyncCheckedTransport(inner, check=check, max_in_flight=places, proxy=net.proxy_address)
    return AsyncCheckedTransport(inner, check=check, max_in_flight=places)


def _own(pool: PoolOptions) -> Network:
    """The network of a client's own pool (made by `pool_options`)."""
    if pool.network is None:
        raise TypeError("a client's own pool is made from pool_options(…) without an http_client")
    return pool.network


class _WhileOpen(httpx.AsyncBaseTransport):
    """A sync client's sibling pool (`SyncClient._sibling_http`), refusing every call once the sync client's
    own pool is closed (by the client that made it, for all its `with_options` copies)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, lender: httpx.BaseTransport) -> None:
        self._inner, self._lender = inner, lender

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if getattr(self._lender, "is_closed", False):
            raise ClientStateError(CLIENT_CLOSED)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class UrlMemo(Generic[V]):
    """Values derived from a request path and the base URL only, remembered per base URL.

    The generated code sends every call to one of a few constant paths (`/taobao.products.search`,
    `/rest/…/item/search`), and httpx resolves each against the base URL anew: two runs of its validating URL
    parser per call (≈ 20 µs). `httpx.URL` is immutable, so what is derived from one resolution is valid for
    every later request with the same base URL and path. At most `limit` paths are kept (TOP's `call` takes
    any method name); the others are derived on every call.
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


def joined_url(base: httpx.URL, url: str) -> httpx.URL:
    """`url` resolved against a client's base URL as httpx resolves it (a relative path is appended)."""
    parsed = httpx.URL(url)
    if not parsed.is_relative_url:
        return parsed
    return base.copy_with(raw_path=base.raw_path + parsed.raw_path.lstrip(b"/"))


class _Resolving:
    """Resolves each relative request path once per base URL (see `UrlMemo`), and adds the current call's
    per-call options (`_engine/call_options.py`) to each request: mixed into an httpx client."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls: UrlMemo[httpx.URL] = UrlMemo()

    def build_request(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Request:
        if type(url) is str:
            base: httpx.URL = self.base_url  # type: ignore[attr-defined]  # of the httpx client mixed with
            url = self.urls.get(base, url, lambda path: joined_url(base, path))
        options = call_options.current.get()
        if options is not None:
            kwargs = options.onto(kwargs)
        return super().build_request(method, url, **kwargs)  # type: ignore[misc, no-any-return]


class HttpClient(_Resolving, httpx.Client):
    """`httpx.Client`, resolving each relative request path once per base URL."""


class AsyncHttpClient(_Resolving, httpx.AsyncClient):
    """`httpx.AsyncClient`, resolving each relative request path once per base URL."""


@attrs.frozen
class Api:
    """What a client's API adds to the client base: its name (in telemetry), the base URL it sends to (the
    user's, else the API's), how an answer is checked and how the credentials sign each request."""

    name: str
    base_url: str
    check: AnswerCheck
    auth: Callable[[Any], httpx.Auth]


A = TypeVar("A")


def by_name(cls: type[A], given: object, **values: Any) -> A:
    """An attrs class `cls` made of `values` and of the attributes of `given` named as its other fields (a client's
    settings → its `ClientOptions`, its `PoolArguments`); each of them must be there."""
    names = [field.name for field in attrs.fields(cls) if field.init and field.name not in values]  # type: ignore[arg-type]
    return cls(**{name: getattr(given, name) for name in names}, **values)


@attrs.frozen(eq=False)
class Shared:
    """What a client and its `with_options` copies share: the transport stack (the pool) and the credentials
    (Shanjing: the `TokenManager`; TOP: the `TopWireAuth` with the app key, secret, session and clock)."""

    transport: Any  # httpx.BaseTransport for the sync clients, httpx.AsyncBaseTransport for the async ones
    credentials: Any
    check: AnswerCheck
    pool: PoolOptions | None  # how tbapi's own pool is sized and reaches the network; None on the user's `http_client`


class ResourceAttribute(Generic[R]):
    """A resource attribute (`client.items`, `client.with_raw_response`): made on first use, read-only.

    `make(core, mode)` builds it from the owner's `_core`, in the owner's mode (`_engine/twins.py`) or in `mode`
    (the raw mode of `with_raw_response`). A data descriptor with the resource's docstring, so
    `help(ShanjingClient)` lists every resource. Declared with its type, which says the mode:
    `items: ResourceAttribute[Items[M]] = ResourceAttribute(Items)`.
    """

    def __init__(self, make: Callable[[Any, Any], R], mode: type[Mode] | None = None) -> None:
        self._make = make
        self._mode = mode
        self.__doc__ = make.__doc__
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> R: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> R | Self:
        if obj is None:
            return self
        made: dict[str, Any] = obj.__dict__
        value = made.get(self._name)
        if value is None:
            mode = self._mode or getattr(obj, "_mode")  # noqa: B009  # the owner's, a class attribute of a client
            value = made[self._name] = self._make(made["_core"], mode)
        return value

    def __set__(self, obj: object, value: object) -> NoReturn:
        raise AttributeError(f"{self._name} is read-only")


C = TypeVar("C")


class Resource(Moded[M], Generic[C, M]):
    """A resource of a client (`client.items`), in the client's mode: its methods are twins of flows that
    read `self._core`."""

    def __init__(self, core: C, mode: type[M]) -> None:
        self._core = core
        self._mode = mode

    def __repr__(self) -> str:
        return f"{type(self).__name__}[{self._mode.__name__}]()"


class BaseClient:
    """The one base of `ShanjingClient`, `AsyncShanjingClient`, `TopClient` and `AsyncTopClient`.

    A subclass's `__init__` resolves its options and credentials, then calls `_start`; `with_options`
    builds a copy through that same `__init__`.
    """

    _options: ClientOptions
    _shared: Shared
    _owns_pool: bool
    _auth: httpx.Auth
    _http: httpx.Client | httpx.AsyncClient
    _http_class: ClassVar[type[Any]]

    def _start(self, options: ClientOptions, shared: Shared, auth: httpx.Auth, *, owns_pool: bool) -> None:
        self._options, self._shared, self._owns_pool, self._auth = options, shared, owns_pool, auth
        redact_library_loggers()  # httpx logs each URL (TOP session, Shanjing refresh token) at INFO
        self._http = self._http_over(self._http_class, shared.transport, auth)

    def _http_over(self, cls: type[H], transport: Any, auth: httpx.Auth) -> H:
        """An httpx client of `cls` with this client's options, sending through `transport`."""
        release = arelease_stream if issubclass(cls, httpx.AsyncClient) else release_stream
        return cls(
            transport=transport,
            base_url=self._options.base_url,
            timeout=self._options.timeout,
            auth=auth,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING, **self._options.default_headers},
            follow_redirects=False,
            event_hooks={"response": [release]},
        )

    def _pool(self, http_client: Any, check: AnswerCheck, pool: PoolOptions) -> Any:
        """The transport stack of a new pool: `sync_transport` or `async_transport` (see the subclasses)."""
        raise NotImplementedError

    def _new_shared(
        self, options: ClientOptions, credentials: Callable[[], Any], pool: PoolArguments, check: AnswerCheck
    ) -> Shared:
        """What a client made without `_shared` shares with its `with_options` copies: a pool of `pool` (checked
        first) answers checked by `check`, and the `credentials()` it makes then."""
        checked = pool_options(pool, base_url=options.base_url)
        made = credentials()  # before the pool opens: bad credentials leave nothing open
        transport = self._pool(pool.http_client, check, checked)
        return Shared(transport, made, check, None if pool.http_client is not None else checked)

    def _set_up(
        self, given: object, shared: Shared | None, api: Api, credentials: Callable[[ClientOptions], Any]
    ) -> Any:
        """Start the client with the options of the settings `given` on `shared` (a `with_options` copy: the pool,
        credentials and rate limit of the client it copies), else on a new pool of its settings and the
        `credentials(options)` it makes; the credentials, sent through `api.auth(credentials)`."""
        options = by_name(ClientOptions, given, api=api.name, base_url=api.base_url)
        made = shared or self._new_shared(
            options, lambda: credentials(options), by_name(PoolArguments, given), api.check
        )
        self._start(options, made, api.auth(made.credentials), owns_pool=shared is None)
        return made.credentials

    def _generated(self, cls: Callable[..., G]) -> G:
        """The generated client `cls`, sending through this client's httpx client."""
        generated: Any = cls(base_url=self._options.base_url)
        if isinstance(self._http, httpx.AsyncClient):
            return cast(G, generated.set_async_httpx_client(self._http))
        return cast(G, generated.set_httpx_client(self._http))

    def _sibling_http(self) -> Callable[[], httpx.AsyncClient] | None:
        """Makes (inside an event loop) an async httpx client with this client's options and auth over a new
        async pool of the same limits, network and checks: how a sync client runs many calls as tasks
        (`get_many`). None for an async client, on the user's own `http_client`, with `max_concurrency` (a second
        pool would add its places to the threads' instead of sharing them), and through a SOCKS proxy (aiohttp
        takes none)."""
        return None

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        max_retry_after: float | None = None,
        sleep: SleepFunction | None = None,
        rate_limit: float | RateLimiter | None = None,
        default_headers: Mapping[str, str] | None = None,
        telemetry: bool | None = None,
        on_attempt: AttemptHook | None = None,
        on_call: CallHook | None = None,
    ) -> Self:
        """A client of the same class for some calls with other `timeout` / `max_retries` / `max_retry_after` /
        `sleep` / `rate_limit` / `default_headers` (they replace this client's) / `telemetry` / `on_attempt` /
        `on_call`, sharing this one's connection pool and credentials — and its rate limit, pauses included,
        unless given a `rate_limit` of its own. Closing it leaves the pool open.

        Raises:
            tbapi.ValidationError: a bad value.
        """
        o = self._options
        make: Callable[..., Self] = type(self)  # a subclass, whose own __init__ takes these arguments
        return make(
            base_url=o.base_url,
            timeout=o.timeout if timeout is None else timeout,
            max_retries=o.max_retries if max_retries is None else max_retries,
            max_retry_after=o.max_retry_after if max_retry_after is None else max_retry_after,
            sleep=o.sleep if sleep is None else sleep,
            rate_limit=o.rate_limit if rate_limit is None else rate_limit,
            default_headers=o.default_headers if default_headers is None else default_headers,
            telemetry=o.telemetry if telemetry is None else telemetry,
            on_attempt=o.on_attempt if on_attempt is None else on_attempt,
            on_call=o.on_call if on_call is None else on_call,
            _shared=self._shared,
        )

    def _shown(self) -> dict[str, object]:
        """What the client's `repr` shows (never a credential)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._shown().items())
        return redact(f"{type(self).__name__}({shown})")  # a base URL may hold a password

    @property
    def base_url(self) -> str:
        return self._options.base_url

    @property
    def timeout(self) -> float | httpx.Timeout:
        return self._options.timeout

    @property
    def max_retries(self) -> int:
        return self._options.max_retries

    @property
    def max_retry_after(self) -> float:
        return self._options.max_retry_after


class SyncClient(BaseClient, Moded[Sync]):
    """A blocking client: `with` / `close()`; only the client that made the pool closes it."""

    _mode = Sync
    _http: httpx.Client
    _http_class: ClassVar[type[Any]] = HttpClient

    def _pool(self, http_client: httpx.Client | None, check: AnswerCheck, pool: PoolOptions) -> httpx.BaseTransport:
        return sync_transport(http_client, check, pool)

    def _sibling_http(self) -> Callable[[], httpx.AsyncClient] | None:
        pool, lender = self._shared.pool, self._shared.transport
        if pool is None or pool.max_concurrency is not None or not _own(pool).proxy_is_http:
            return None

        def sibling() -> httpx.AsyncClient:
            transport = async_transport(None, self._shared.check, pool)
            return self._http_over(AsyncHttpClient, _WhileOpen(transport, lender), self._auth)

        return sibling

    def close(self) -> None:
        """Close the connection pool (a client from `with_options`, or your own `http_client`, is left open)."""
        if self._owns_pool:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(BaseClient, Moded[Async]):
    """An awaitable client: `async with` / `aclose()`."""

    _mode = Async
    _http: httpx.AsyncClient
    _http_class: ClassVar[type[Any]] = AsyncHttpClient

    def _pool(
        self, http_client: httpx.AsyncClient | None, check: AnswerCheck, pool: PoolOptions
    ) -> httpx.AsyncBaseTransport:
        return async_transport(http_client, check, pool)

    async def aclose(self) -> None:
        """Close the connection pool (a client from `with_options`, or your own `http_client`, is left open)."""
        if self._owns_pool:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


Client = TypeVar("Client", bound=type[BaseClient])


def called_as(cls: Client) -> Client:
    """Give a public client the signature users call it with, for `help()`, IPython and other runtime tools:
    no `_`-prefixed parameter (`with_options` passes those) and `http_client` typed by the client's mode,
    not by the base's type variable."""
    user_client = "httpx.AsyncClient" if issubclass(cls, AsyncClient) else "httpx.Client"
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]  # without `self`
    shown = [
        parameter.replace(annotation=f"{user_client} | None") if parameter.name == "http_client" else parameter
        for parameter in parameters
        if not parameter.name.startswith("_")
    ]
    cls.__signature__ = inspect.Signature(shown)  # type: ignore[attr-defined]  # inspect.signature reads it
    own_init = _init_named_for(cls)
    own_init.__signature__ = inspect.Signature([*inspect.signature(cls.__init__).parameters.values()][:1] + shown)
    cls.__init__ = own_init  # type: ignore[method-assign]
    return cls


def _init_named_for(cls: type) -> Any:
    """The shared `__init__` as the client's own: the sync and async client share one, and Python names the
    function's code in a wrong call's `TypeError` (`_ShanjingClient.__init__() got an unexpected keyword
    argument …`). The copy is the same code under the public name; the call costs nothing more."""
    shared: types.FunctionType = getattr(cls, "__init__")  # noqa: B009  # the class's, as mypy cannot say
    qualname = f"{cls.__qualname__}.__init__"
    own = types.FunctionType(
        shared.__code__.replace(co_qualname=qualname), shared.__globals__, "__init__", None, shared.__closure__
    )
    own.__kwdefaults__, own.__defaults__ = shared.__kwdefaults__, shared.__defaults__
    own.__qualname__, own.__doc__, own.__module__ = qualname, shared.__doc__, cls.__module__
    own.__annotations__ = shared.__annotations__
    return own
