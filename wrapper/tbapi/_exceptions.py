"""The one error tree of tbapi. Every failure a user can meet is one of these classes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._logs import redact

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "InvalidRequestError",
    "LockTimeoutError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseError",
    "ServerError",
    "TbapiError",
    "ValidationError",
    "error_for_status",
]

RAW_BODY_LIMIT = 500  # characters of a bad body worth showing in a message


def trim(text: str, limit: int = RAW_BODY_LIMIT) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


class TbapiError(Exception):
    """Base of everything tbapi raises. Its text never contains a registered secret."""

    def __init__(self, message: str) -> None:
        self.message = redact(message)
        super().__init__(self.message)


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

    def __init__(self, message: str = "Connection error", *, request_sent: bool = True) -> None:
        self.request_sent = request_sent
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The server did not answer in time."""

    def __init__(self, message: str = "Request timed out", *, request_sent: bool = True) -> None:
        super().__init__(message, request_sent=request_sent)


class APIError(TbapiError):
    """The service answered with an error (HTTP status, Shanjing `errorCode`, TOP `error_response`)."""

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
    ) -> None:
        self.code = code
        self.sub_code = sub_code
        self.sub_message = redact(sub_message) if sub_message is not None else None
        self.request_id = request_id
        self.http_status = http_status
        self.body = body
        self.headers: Mapping[str, str] = headers or {}
        self.retry_after = retry_after
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
        self.raw_body = trim(raw_body) if raw_body is not None else None
        self.http_status = http_status
        text = message if self.raw_body is None else f"{message}: {self.raw_body!r}"
        super().__init__(text)


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


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from a `Retry-After` (or `retry-after-ms`) header; None when absent or not a number."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return _retry_after_date(value)


def _retry_after_date(value: str) -> float | None:
    import email.utils
    import time

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


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
    status: int, message: str, *, body: Any, headers: Mapping[str, str], request_id: str | None
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
    )
