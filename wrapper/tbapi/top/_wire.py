"""The ONE place where a TOP call becomes a real TOP wire request.

The generated client (and `TopClient.call`) send `POST /{method}` with the business parameters as a form:
the shape of `openapi/top.yaml`, where each TOP method is its own path. The TOP clients' httpx client
(`TopHttpClient` / `AsyncTopHttpClient`, `build_request`) builds that directly as the wire request the
gateway expects, and `TopWireAuth`, an httpx auth flow, stamps and signs it:

    POST {gateway}?method=…&app_key=…&timestamp=…&v=2.0&format=json&sign_method=…[&session=…]&sign=…
    Content-Type: application/x-www-form-urlencoded; charset=utf-8

    <business parameters, UTF-8, none of them empty>

The method and the business parameters travel in the request's `WireForm` extension, with a call's
`extra_query` (sent in the query after the system parameters) and its `extra_body` (among the business
parameters): signed like the rest, refused when they would set a system parameter. The timestamp is
Asia/Shanghai time (plus the clock offset learnt from the gateway) whatever the host's zone, and the
signature covers exactly what is sent. Because httpx runs the auth flow for every request it sends, every
retry of a call is stamped and signed afresh. The app secret only keys the signature.
"""

from __future__ import annotations

import email.utils
import functools
import math
import re
import time
from collections.abc import Callable, Generator, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

import attrs
import httpx

from .._base_client import UrlMemo
from .._engine import call_options
from .._engine.call_options import CallOptions
from .._exceptions import ValidationError
from .._logs import logger
from ._signing import sign

# Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). A fixed offset needs no tz database,
# which Windows and slim containers may lack.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
API_VERSION = "2.0"
# The largest clock offset taken from a gateway's `Date` header: a host clock in the wrong time zone is up to
# 14 hours off, a drifting one minutes. A header further away (1970, the year 9999) is no clock to follow.
MAX_CLOCK_OFFSET_S = 86_400.0
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
SESSION_EXTENSION = "tbapi.top.session"  # a per-request session (TopClient.call(session=…)); never sent as is
WIRE_EXTENSION = "tbapi.top.wire"  # the `WireForm` of a request `TopHttpClient` built
# Parameters the auth flow owns: a business parameter of the same name would be ambiguous on the wire.
RESERVED_PARAMS = frozenset({"method", "app_key", "timestamp", "v", "format", "sign_method", "sign", "session"})
_BODY_HEADER_NAMES = frozenset({"content-type", "content-length", "transfer-encoding"})
_OTHER_BODY_ARGUMENTS = ("content", "files", "json", "params")  # not how a TOP call is made
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")  # what `quote` leaves as it is


def shanghai_time(epoch_seconds: float) -> str:
    """`yyyy-MM-dd HH:mm:ss` in Asia/Shanghai time for an instant, whatever the host's time zone."""
    global _last_second
    whole, text = _last_second
    # Every call of a second stamps the same text: made once per second (a few µs of each TOP call). Only where
    # the text is surely that of `whole`: `fromtimestamp` rounds to the microsecond, and .9999995 is the next
    # second's; anything else (negative, NaN, huge) takes the long way, errors included.
    if whole <= epoch_seconds < whole + 0.999999:
        return text
    text = datetime.fromtimestamp(epoch_seconds, SHANGHAI).strftime(TIMESTAMP_FORMAT)
    if 0 <= epoch_seconds < 1e11:
        whole = int(epoch_seconds)
        if epoch_seconds < whole + 0.999999:
            _last_second = (whole, text)
    return text


_last_second: tuple[float, str] = (math.inf, "")  # the second `shanghai_time` stamped last, and its text (none yet)


@attrs.define
class TopClock:
    """Where TOP timestamps come from: the host's clock plus an offset learnt from the gateway.

    now: epoch seconds of this host (`time.time`; replaceable in tests).
    offset: seconds added to `now()`; set by `correct_from` when the gateway answers code 31 (never beyond
        `MAX_CLOCK_OFFSET_S`: a `Date` header further from this host's clock is ignored, with a log line).
    auto_correct: when False, code 31 is raised as is instead of correcting the offset and retrying.
    """

    now: Callable[[], float] = time.time
    offset: float = 0.0
    auto_correct: bool = True

    def timestamp(self) -> str:
        return shanghai_time(self.now() + self.offset)

    def correct_from(self, headers: Mapping[str, str]) -> bool:
        """Take the offset from a response's `Date` header; False when it has none usable (or correction is off)."""
        if not self.auto_correct:
            return False
        value = headers.get("date")
        if not value:
            return False
        try:
            server_time = email.utils.parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError, OverflowError, OSError):
            return False
        offset = server_time - self.now()
        if not abs(offset) <= MAX_CLOCK_OFFSET_S:  # NaN too
            logger.warning(
                "TOP rejected the timestamp (code 31), but its Date header (%r) is %+.0fs from this host's clock, "
                "more than %.0f hours: not taken; the clock offset stays %+.0fs",
                value[:64],
                offset,
                MAX_CLOCK_OFFSET_S / 3600,
                self.offset,
            )
            return False
        self.offset = offset
        logger.warning("TOP rejected the timestamp (code 31): clock offset set to %+.0fs from the gateway", self.offset)
        return True


def form_value(value: object) -> str:
    """A form value as httpx writes it into a form body (`data=`): JSON-style booleans, None as empty."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    return str(value)


def data_params(data: Mapping[str, Any]) -> dict[str, str]:
    """The business parameters of a form given as `data=`: what httpx would encode from it (a list or tuple
    repeats its name), checked, without encoding it."""
    pairs: list[tuple[str, str]] = []
    for name, value in data.items():
        if isinstance(value, list | tuple):
            pairs.extend((str(name), form_value(item)) for item in value)
        else:
            pairs.append((str(name), form_value(value)))
    return business_params_of(pairs)


def business_params_of(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Checked business parameters: each name once and none of the system's; empty values dropped."""
    params: dict[str, str] = {}
    for name, value in pairs:
        if name in params:
            raise ValidationError(name, "given more than once")
        if name in RESERVED_PARAMS:
            raise ValidationError(name, "is a TOP system parameter, set by the client: not a business parameter")
        if value != "":
            params[name] = value
    return params


def quoted(text: str) -> str:
    """`quote(text, safe="")`, at once for the usual name or value with nothing to quote (a tenth of the cost)."""
    return text if _UNRESERVED.fullmatch(text) else _quoted_anew(text)


@functools.lru_cache(maxsize=256)
def _quoted_anew(text: str) -> str:
    # The values that need quoting come back call after call (a `fields` list, a query, this second's
    # timestamp): `quote` is the slow part of writing a request, a cache hit a dict lookup.
    return quote(text, safe="")


def form_body(business: Mapping[str, str]) -> bytes:
    """The wire's UTF-8 form body of the business parameters (empty when there are none), as
    `urlencode(business, quote_via=quote)` writes it."""
    return "&".join([f"{quoted(name)}={quoted(value)}" for name, value in business.items()]).encode("ascii")


@attrs.frozen
class WireForm:
    """What `TopWireAuth` needs to stamp and sign a request `TopHttpClient` built at the gateway: the method, the
    business parameters (the body), a per-call session, a call's extra query parameters."""

    method: str
    business: dict[str, str]
    session: str | None = attrs.field(default=None, repr=False)
    query: dict[str, str] = attrs.field(factory=dict)


class TopWireAuth(httpx.Auth):
    """Stamps and signs the wire request `TopHttpClient` built (see the module doc); holds the credentials."""

    requires_request_body = True

    def __init__(
        self, *, app_key: str, app_secret: str, session: str | None, sign_method: str, clock: TopClock
    ) -> None:
        self.app_key = app_key
        self._app_secret = app_secret
        self._session = session
        self.sign_method = sign_method
        self.clock = clock

    def __repr__(self) -> str:
        return f"TopWireAuth(app_key={self.app_key!r}, sign_method={self.sign_method!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        form = request.extensions.get(WIRE_EXTENSION)
        if not isinstance(form, WireForm):
            raise ValidationError("request", "a TOP request is built by the TOP client (POST /{method} + a form)")
        yield self.stamp(request, form)

    def system_params(
        self, method: str, business: Mapping[str, str], session: str | None, query: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """The system parameters of a call, stamped now and signed over them, `business` and the extra `query`."""
        session = session or self._session
        system = {
            "method": method,
            "app_key": self.app_key,
            "timestamp": self.clock.timestamp(),
            "v": API_VERSION,
            "format": "json",
            "sign_method": self.sign_method,
        }
        if session:
            system["session"] = session
        system["sign"] = sign({**system, **business, **(query or {})}, self._app_secret, self.sign_method)
        return system

    def stamp(self, request: httpx.Request, form: WireForm) -> httpx.Request:
        """A request `TopHttpClient` built, with its system parameters (a fresh timestamp and signature each
        time it is sent) as the query."""
        query = system_query(self.system_params(form.method, form.business, form.session, form.query))
        if form.query:
            query = f"{query}&{form_body(form.query).decode('ascii')}"
        url = request.url
        # One parse of the whole URL string: cheaper than `copy_with` (which validates each component it is
        # given on its own), and the same bytes.
        request.url = httpx.URL(f"{url}?{query}") if not url.query else url.copy_with(query=query.encode("ascii"))
        return request


def system_query(system: Mapping[str, str]) -> str:
    """The query of the system parameters, as `urlencode(system, quote_via=quote)` writes it: their names are
    the protocol's own (letters and `_`, nothing to quote), so only the values are quoted."""
    return "&".join([f"{name}={quoted(value)}" for name, value in system.items()])


# --- building the wire request ----------------------------------------------------------------------------


def _gateway(base: httpx.URL) -> httpx.URL:
    """The gateway URL itself: the client's base URL without the slash httpx appends to it."""
    return base.copy_with(raw_path=base.raw_path.rstrip(b"/") or b"/")


def wire_arguments(
    client: httpx.Client | httpx.AsyncClient,
    gateways: UrlMemo[httpx.URL],
    method: str,
    url: httpx.URL | str,
    arguments: dict[str, Any],
    options: CallOptions | None = None,
) -> tuple[httpx.URL, dict[str, Any]]:
    """`build_request` arguments that make `POST /{method}` + form (`data=`) the gateway's wire request
    (still to be stamped and signed by `TopWireAuth.stamp`), with the call's per-call `options`."""
    data = arguments.get("data")
    headers = arguments.get("headers")
    top_method = url.lstrip("/") if type(url) is str else ""
    if (
        method.upper() != "POST"
        or not top_method
        or "/" in top_method
        or "?" in top_method
        or "#" in top_method
        or not isinstance(data, Mapping)
        or any(arguments.get(name) is not None for name in _OTHER_BODY_ARGUMENTS)
        or not (headers is None or (isinstance(headers, Mapping) and all(type(k) is str for k in headers)))
    ):
        raise ValidationError("request", f"a TOP call is POST /{{method}} with a form, not {method} {url!r}")
    gateway = gateways.get(client.base_url, "", lambda _: _gateway(client.base_url))
    business = data_params(data)
    query: dict[str, str] = {}
    if options is not None:
        business.update(_extra_params("extra_body", options.body))
        query = _extra_params("extra_query", options.query)
        if sent_twice := sorted(query.keys() & business.keys()):
            raise ValidationError("extra_query", f"{sent_twice[0]!r} is a business parameter of the call already")
        headers = {**(headers or {}), **options.headers}
        if options.timeout is not None:
            arguments = {**arguments, "timeout": options.timeout}
    extensions = dict(arguments.get("extensions") or {})
    session = extensions.pop(SESSION_EXTENSION, None)
    extensions[WIRE_EXTENSION] = WireForm(top_method, business, session, query)
    wire_headers = {k: v for k, v in (headers or {}).items() if k.lower() not in _BODY_HEADER_NAMES}
    if business:
        wire_headers["Content-Type"] = FORM_CONTENT_TYPE
    return gateway, {
        **arguments,
        "content": form_body(business),
        "data": None,
        "headers": wire_headers,
        "extensions": extensions,
    }


def _extra_params(param: str, extra: Mapping[str, object]) -> dict[str, str]:
    """A call's extra parameters as sent and signed (empty values dropped, as for business parameters); a
    system parameter among them is refused."""
    params: dict[str, str] = {}
    for name, value in extra.items():
        if name in RESERVED_PARAMS or name == "simplify":  # `simplify` would change the answer's shape
            raise ValidationError(param, f"{name!r} is a TOP system parameter, set by the client")
        if not isinstance(value, str | int | float | bool):
            raise ValidationError(f"{param}[{name!r}]", f"must be a string or a number, got {type(value).__name__}")
        if (text := form_value(value)) != "":
            params[name] = text
    return params


class _WireBuilding:
    """Builds `POST /{method}` + form as the wire request (`wire_arguments`): mixed into an httpx client."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gateways: UrlMemo[httpx.URL] = UrlMemo(limit=1)

    def build_request(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Request:
        client: httpx.Client | httpx.AsyncClient = self  # type: ignore[assignment]  # the client mixed with
        options = call_options.current.get()
        gateway, arguments = wire_arguments(client, self.gateways, method, url, kwargs, options)
        return super().build_request("POST", gateway, **arguments)  # type: ignore[misc, no-any-return]


class TopHttpClient(_WireBuilding, httpx.Client):
    """The TOP clients' `httpx.Client`: every request is built as the TOP wire request."""


class AsyncTopHttpClient(_WireBuilding, httpx.AsyncClient):
    """The async twin of `TopHttpClient`."""
