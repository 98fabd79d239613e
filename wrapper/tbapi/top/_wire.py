"""The ONE place where a generated request becomes a real TOP wire request.

The generated client (and `TopClient.call`) send `POST {gateway}/{method}` with the business parameters as
a form body: the shape of `openapi/top.yaml`, where each TOP method is its own path. `TopWireAuth`, an
httpx auth flow, rewrites that into what the gateway expects:

    POST {gateway}?method=…&app_key=…&timestamp=…&v=2.0&format=json&sign_method=…[&session=…]&sign=…
    Content-Type: application/x-www-form-urlencoded; charset=utf-8

    <business parameters, UTF-8, none of them empty>

The timestamp is Asia/Shanghai time (plus the clock offset learnt from the gateway) whatever the host's
zone, and the signature covers exactly what is sent. Because httpx runs the auth flow for every request it
sends, every retry of a call is stamped and signed afresh. The app secret only keys the signature.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable, Generator, Mapping
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, quote, urlencode

import attrs
import httpx

from .._exceptions import ValidationError
from .._logs import logger
from ._signing import sign

# Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). A fixed offset needs no tz database,
# which Windows and slim containers may lack.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
API_VERSION = "2.0"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
SESSION_EXTENSION = "tbapi.top.session"  # a per-request session (TopClient.call(session=…)); never sent as is
# Parameters the auth flow owns: a business parameter of the same name would be ambiguous on the wire.
RESERVED_PARAMS = frozenset({"method", "app_key", "timestamp", "v", "format", "sign_method", "sign", "session"})


def shanghai_time(epoch_seconds: float) -> str:
    """`yyyy-MM-dd HH:mm:ss` in Asia/Shanghai time for an instant, whatever the host's time zone."""
    return datetime.fromtimestamp(epoch_seconds, SHANGHAI).strftime(TIMESTAMP_FORMAT)


@attrs.define
class TopClock:
    """Where TOP timestamps come from: the host's clock plus an offset learnt from the gateway.

    now: epoch seconds of this host (`time.time`; replaceable in tests).
    offset: seconds added to `now()`; set by `correct_from` when the gateway answers code 31.
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
        except (TypeError, ValueError):
            return False
        self.offset = server_time - self.now()
        logger.warning("TOP rejected the timestamp (code 31): clock offset set to %+.0fs from the gateway", self.offset)
        return True


def form_params(request: httpx.Request) -> dict[str, str]:
    """The business parameters of a generated request: its query and its form body, empty values dropped."""
    pairs = parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
    content_type = request.headers.get("content-type", "")
    content = request.content
    if content:
        if not content_type.startswith("application/x-www-form-urlencoded"):
            raise ValidationError("body", f"a TOP request body must be a form, got {content_type or 'no type'!r}")
        pairs += parse_qsl(content.decode("utf-8"), keep_blank_values=True)
    params: dict[str, str] = {}
    for name, value in pairs:
        if name in params:
            raise ValidationError(name, "given more than once")
        if name in RESERVED_PARAMS:
            raise ValidationError(name, "is a TOP system parameter, set by the client: not a business parameter")
        if value != "":
            params[name] = value
    return params


class TopWireAuth(httpx.Auth):
    """Rewrites `POST {gateway}/{method}` + form body into the signed TOP wire request (see the module doc)."""

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
        yield self.wire_request(request)

    def wire_request(self, request: httpx.Request) -> httpx.Request:
        gateway_path, _, method = request.url.path.rpartition("/")
        if not method:
            raise ValidationError("method", f"no TOP method in the request path {request.url.path!r}")
        business = form_params(request)
        session = request.extensions.get(SESSION_EXTENSION) or self._session
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
        system["sign"] = sign({**system, **business}, self._app_secret, self.sign_method)
        headers = httpx.Headers(request.headers)
        for name in ("content-type", "content-length", "transfer-encoding"):
            headers.pop(name, None)
        content = urlencode(business, quote_via=quote).encode("ascii") if business else b""
        if business:
            headers["Content-Type"] = FORM_CONTENT_TYPE
        url = request.url.copy_with(path=gateway_path or "/", query=urlencode(system, quote_via=quote).encode("ascii"))
        if logger.isEnabledFor(logging.DEBUG):  # building the log URL costs a parse per call otherwise
            logger.debug("TOP %s at %s (timestamp %s)", method, system["timestamp"], url.copy_with(query=None))
        extensions = {k: v for k, v in request.extensions.items() if k != SESSION_EXTENSION}
        return httpx.Request("POST", url, headers=headers, content=content, extensions=extensions)
