"""The one error tree of tbapi. Every failure a user can meet is one of these classes."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ._logs import CREDENTIAL_KEYS, REDACTED, contains_secret, redact

if TYPE_CHECKING:  # httpx is imported by the clients, not by `import tbapi`
    import httpx

# The public error tree: `tbapi` re-exports exactly these names (its `__all__` takes this list).
__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "ClientStateError",
    "InvalidRequestError",
    "LockTimeoutError",
    "OrderOutcomeUnknown",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseError",
    "ServerError",
    "TbapiError",
    "ValidationError",
]

RAW_BODY_LIMIT = 500  # characters of a bad body worth showing in a message


def trim(text: str, limit: int = RAW_BODY_LIMIT) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


E = TypeVar("E", bound=BaseException)


def _rebuilt(cls: type[E], args: tuple[Any, ...], state: dict[str, Any]) -> E:
    """An exception unpickled from its arguments and attributes, without calling its `__init__`."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class TbapiError(Exception):
    """Base of everything tbapi raises. Its text never contains a registered secret.

    It pickles (multiprocessing, `ProcessPoolExecutor`) with its attributes, every text, body and header
    redacted again with the secrets known when it is pickled."""

    def __init__(self, message: str) -> None:
        self.message = redact(message)
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        state = {name: _redacted_attribute(value) for name, value in vars(self).items()}
        return _rebuilt, (type(self), tuple(redacted_data(arg) for arg in self.args), state)


# Keys whose values are credentials wherever they appear in a body, header or JSON the service echoes.
_SECRET_KEYS = frozenset({*CREDENTIAL_KEYS, "authorization"})


def _is_secret_key(key: object) -> bool:
    return isinstance(key, str) and key.lower().replace("-", "_") in _SECRET_KEYS


def redacted_data(value: Any) -> Any:
    """A copy of parsed JSON with every secret value replaced (credential keys, registered secrets)."""
    if isinstance(value, dict):
        return {k: REDACTED if _is_secret_key(k) and v else redacted_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [redacted_data(v) for v in value]
    if type(value) is tuple:  # an exception's args
        return tuple(redacted_data(v) for v in value)
    if isinstance(value, str):
        return redact(value)
    return value


def _redacted_headers(headers: Mapping[str, str]) -> list[tuple[str, str]]:
    items = headers.multi_items() if hasattr(headers, "multi_items") else headers.items()
    return [(k, REDACTED if _is_secret_key(k) else redact(v)) for k, v in items]


def redacted_headers(headers: Mapping[str, str] | None) -> Mapping[str, str]:
    """A copy of `headers` safe to keep on an exception: credential headers and registered secrets replaced.
    httpx's `Headers` (case-insensitive, repeated names) stay `Headers`."""
    if not headers:
        return {}
    if "httpx" in sys.modules:
        import httpx

        if isinstance(headers, httpx.Headers):
            return httpx.Headers(_redacted_headers(headers))
    return dict(_redacted_headers(headers))


def _redacted_attribute(value: Any) -> Any:
    """An exception's attribute as it is pickled: texts, data and headers redacted again; requests and
    responses were redacted copies when they were kept."""
    if isinstance(value, Mapping) and not isinstance(value, dict):
        return redacted_headers(value)
    return redacted_data(value)


def _redacted_bytes(content: bytes) -> bytes:
    text = content.decode("utf-8", errors="replace")
    redacted = redact(text)
    return content if redacted == text else redacted.encode("utf-8")


def redacted_request(request: httpx.Request) -> httpx.Request:
    """A copy of `request` safe to keep on an exception: no token, session or signature in it."""
    import httpx

    try:
        content = _redacted_bytes(request.content)
    except httpx.RequestNotRead:
        content = b""
    return httpx.Request(
        request.method, redact(str(request.url)), headers=_redacted_headers(request.headers), content=content
    )


def redacted_response(response: httpx.Response, request: httpx.Request | None, body: bytes) -> httpx.Response:
    """A copy of `response` (with its already-read `body`) safe to keep on an exception."""
    import httpx

    return httpx.Response(
        response.status_code,
        headers=_redacted_headers(response.headers),
        content=_redacted_bytes(body),
        request=request,
    )


class ValidationError(TbapiError, ValueError):
    """Bad input caught before anything was sent; `.param` names the offending parameter."""

    def __init__(self, param: str, problem: str) -> None:
        self.param = param
        super().__init__(f"{param}: {problem}")


class APIConnectionError(TbapiError):
    """No usable answer from the network (refused, reset, DNS, TLS…).

    `request_sent` is False when the request provably never reached the server (the connection
    could not be opened), which makes even a non-idempotent call safe to send again.
    """

    def __init__(
        self, message: str = "Connection error", *, request_sent: bool = True, request: httpx.Request | None = None
    ) -> None:
        self.request_sent = request_sent
        self.request = request  # a redacted copy (see `redacted_request`)
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The server did not answer in time."""

    def __init__(
        self, message: str = "Request timed out", *, request_sent: bool = True, request: httpx.Request | None = None
    ) -> None:
        super().__init__(message, request_sent=request_sent, request=request)


class APIError(TbapiError):
    """The service answered with an error (HTTP status, Shanjing `errorCode`, TOP `error_response`).

    `.reason` is the message without the `code=… http_status=…` tail of `.message`; `.body` the parsed
    answer; `.request` / `.response` the exchange (as httpx and openai keep them) where the error was
    seen on the wire. Secret values in all of them are redacted.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | int | None = None,
        sub_code: str | None = None,
        sub_message: str | None = None,
        request_id: str | None = None,
        http_status: int | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | None = None,
        request: httpx.Request | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.reason = redact(message)
        self.code = redacted_data(code)
        self.sub_code = redacted_data(sub_code)
        self.sub_message = redacted_data(sub_message)
        self.request_id = redacted_data(request_id)
        self.http_status = http_status
        self.body = redacted_data(body)
        self.headers: Mapping[str, str] = redacted_headers(headers)
        self.retry_after = retry_after
        self.request = request
        self.response = response
        super().__init__(self._describe(message))

    def _describe(self, message: str) -> str:
        parts = [message]
        if self.code is not None:
            parts.append(f"code={self.code}")
        if self.sub_code:
            parts.append(f"sub_code={self.sub_code}")
        if self.sub_message:
            parts.append(f"sub_msg={self.sub_message}")
        if self.http_status is not None:
            parts.append(f"http_status={self.http_status}")
        if self.request_id:
            parts.append(f"request_id={self.request_id}")
        return " ".join(parts)


class AuthenticationError(APIError):
    """Bad or expired token or session, bad signature or app key."""


class PermissionDeniedError(APIError):
    """The app or the user lacks the permission for this call."""


class RateLimitError(APIError):
    """A call limit was hit. `.retry_after` is the wait in seconds when the service said it.

    `quota_exhausted` marks a daily quota: waiting seconds does not help, so it is never retried.
    """

    def __init__(self, message: str, *, quota_exhausted: bool = False, **kwargs: Any) -> None:
        self.quota_exhausted = quota_exhausted
        super().__init__(message, **kwargs)


class InvalidRequestError(APIError):
    """The service rejected the parameters."""


class ServerError(APIError):
    """The service failed (HTTP 5xx, TOP `isp.*` sub-codes, TOP codes 1 and 10)."""


class ResponseError(TbapiError):
    """The answer is not what the contract says: not JSON, too large, or the wrong shape."""

    def __init__(self, message: str, *, raw_body: str | None = None, http_status: int | None = None) -> None:
        self.raw_body = redact(trim(raw_body)) if raw_body is not None else None
        self.http_status = http_status
        text = message if self.raw_body is None else f"{message}: {self.raw_body!r}"
        super().__init__(text)


class OrderOutcomeUnknown(TbapiError):
    """`orders.create` could not learn whether the order was placed: the create's answer was lost (timeout,
    dropped connection, 5xx, an unreadable 200) and the queries by `outer_purchase_id` failed too, or the
    service says the order exists but no query finds it yet.

    Do not place it again under a new id: reconcile with `orders.query(outer_purchase_id=…)` later.
    `.outer_purchase_id` is the order's id, `.cause` the error that left the outcome unknown (also
    `__cause__` or `__context__`).
    """

    def __init__(self, outer_purchase_id: str, cause: TbapiError, why: str) -> None:
        self.outer_purchase_id = outer_purchase_id
        self.cause = cause
        super().__init__(
            f"orders.create: whether order {outer_purchase_id!r} was placed is unknown ({why}; "
            f"{type(cause).__name__}: {cause.message}); reconcile with orders.query(outer_purchase_id=…)"
        )


CLIENT_CLOSED = "The client is closed: make a new one (close() or the end of `with` closed its connection pool)"


class ClientStateError(TbapiError, RuntimeError):
    """The client cannot make calls any more: it was closed, or (async) it is used in another event loop than
    the one its connections belong to. Nothing was sent. Make a new client (one per event loop)."""


class ScrubbedCause(Exception):
    """Stands in for a third-party exception, chained to a tbapi error, whose text held a secret.

    Its text is the original's type and redacted message; the original (and what it chained) is dropped.
    """


def _exchanges(exc: BaseException) -> list[tuple[str, Any]]:
    """The httpx requests and responses an exception holds (httpx's own errors keep the request they failed,
    with its `Authorization` header), by attribute name."""
    if "httpx" not in sys.modules:
        return []
    import httpx

    held = getattr(exc, "__dict__", {})
    return [(name, value) for name, value in held.items() if isinstance(value, httpx.Request | httpx.Response)]


def _shown_by(exchange: Any) -> str:
    import httpx

    request = exchange if isinstance(exchange, httpx.Request) else None
    url = str(request.url) if request is not None else ""
    return f"{url} {list(exchange.headers.multi_items())!r}"


def _leaks(exc: BaseException) -> bool:
    held = f" {vars(exc)!r}" if hasattr(exc, "__dict__") else ""
    exchanges = " ".join(_shown_by(value) for _, value in _exchanges(exc))
    return contains_secret(f"{exc!s} {exc!r}{held} {exchanges}")


def _redact_exchanges(exc: BaseException) -> None:
    """Replace the requests and responses `exc` holds by redacted copies (its type and text stay)."""
    import httpx

    for name, value in _exchanges(exc):
        if isinstance(value, httpx.Request):
            copy: Any = redacted_request(value)
        else:
            try:
                body = value.content
            except httpx.ResponseNotRead:
                body = b""
            copy = redacted_response(value, None, body)
        vars(exc)[name] = copy


def _safe(exc: BaseException | None, seen: set[int]) -> BaseException | None:
    if exc is None or id(exc) in seen:
        return exc
    seen.add(id(exc))
    if isinstance(exc, TbapiError):
        _scrub(exc, seen)
        return exc
    chain = [exc]
    while chain[-1].__cause__ is not None or chain[-1].__context__ is not None:
        link = chain[-1].__cause__ or chain[-1].__context__
        if link is None or link in chain:
            break
        chain.append(link)
    for link in chain:
        if not isinstance(link, TbapiError) and _leaks(link):
            _redact_exchanges(link)
    if not any(_leaks(e) for e in chain):
        return exc
    stand_in = ScrubbedCause(f"{type(exc).__module__}.{type(exc).__qualname__}: {redact(str(exc))}")
    stand_in.__suppress_context__ = True
    return stand_in


def _scrub(error: TbapiError, seen: set[int]) -> None:
    cause = _safe(error.__cause__, seen)
    context = cause if error.__context__ is error.__cause__ else _safe(error.__context__, seen)
    if cause is not error.__cause__:
        error.__cause__ = cause
    if context is not error.__context__:
        error.__context__ = context


def scrub_causes(error: TbapiError) -> TbapiError:
    """Replace every third-party exception chained to `error` whose text (or whose causes' text) holds a
    secret by a `ScrubbedCause`, so that no traceback or `__cause__` shows one. Returns `error`."""
    _scrub(error, set())
    return error


class LockTimeoutError(TbapiError, TimeoutError):
    """A lock of the token store (`FileTokenStore`'s lock file) was not free within the client's timeout.

    Another process or thread holds it: one that is stopped (SIGSTOP) or stuck keeps it until it is
    resumed or ends; one that died already released it. `.lock` names the lock, `.timeout` the wait in seconds.
    """

    def __init__(self, lock: str, timeout: float) -> None:
        self.lock = lock
        self.timeout = timeout
        super().__init__(
            f"Timed out after {timeout:g} s waiting for the token lock {lock}: another process or thread holds it"
            " (a stopped or stuck process keeps it until it is resumed or ends)"
        )


# The longest wait tbapi takes from a server (`retry_after`): a `Retry-After` or TOP ban naming more — a date
# in the year 9999, `1e400`, `inf` — is taken as this. How long such an answer pauses a rate limit is
# bounded much tighter (`tbapi._ratelimit.pacing.MAX_PAUSE_S`).
MAX_SERVER_WAIT_S = 86_400.0


def server_wait(seconds: float) -> float | None:
    """A wait a server named, as tbapi takes it: within [0, `MAX_SERVER_WAIT_S`]; None for NaN (no wait named)."""
    if seconds != seconds:  # NaN
        return None
    return min(max(0.0, seconds), MAX_SERVER_WAIT_S)


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from a `Retry-After` (or `retry-after-ms`) header — a number or an HTTP date — within
    `server_wait`'s bounds; None when absent or not a number or date."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return server_wait(float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return server_wait(float(value))
    except ValueError:
        return _retry_after_date(value)


def _retry_after_date(value: str) -> float | None:
    import email.utils
    import time

    try:
        when = email.utils.parsedate_to_datetime(value)
        return server_wait(when.timestamp() - time.time())
    except (TypeError, ValueError, OverflowError, OSError):  # no date, or none this platform can place in time
        return None


_STATUS_CLASSES: dict[int, type[APIError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: InvalidRequestError,
    409: InvalidRequestError,
    422: InvalidRequestError,
    429: RateLimitError,
}


def error_for_status(
    status: int,
    message: str,
    *,
    body: Any,
    headers: Mapping[str, str],
    request_id: str | None,
    request: httpx.Request | None = None,
    response: httpx.Response | None = None,
) -> APIError:
    """The single place that picks an error class from an HTTP status."""
    cls = ServerError if status >= 500 else _STATUS_CLASSES.get(status, InvalidRequestError)
    return cls(
        message,
        http_status=status,
        body=body,
        headers=headers,
        request_id=request_id,
        retry_after=parse_retry_after(headers),
        request=request,
        response=response,
    )
