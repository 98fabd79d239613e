"""TOP `error_response` → the tbapi error tree. The single place that picks the class.

`check_answer` is TOP's `AnswerCheck`: `CheckedTransport` runs it on every checked 2xx answer, the layer
where Shanjing's error bodies are raised too (`shanjing/_envelope.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import httpx

from .._exceptions import (
    APIError,
    AuthenticationError,
    InvalidRequestError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    server_wait,
)
from .._http.transport import checked_json
from ._wire import WIRE_EXTENSION, WireForm

TIMESTAMP_INVALID = 31
APP_DAILY_QUOTA = "accesscontrol.limited-by-app-access-count"
_BAN = re.compile(r"ban will last for\s+(\d+)\s+more second", re.IGNORECASE)

# Failed basic checks whose number decides. Codes 15/40/41 and business codes (50, 530 …) are decided by
# the sub_code prefix; the remaining basic checks (21-23, 30-34, 47 …) are caller errors.
_BY_CODE: dict[int, type[APIError]] = {
    1: ServerError,  # Platform System error
    10: ServerError,  # Service Currently Unavailable
    4: RateLimitError,  # User Call Limited
    5: RateLimitError,  # Session Call Limited
    6: RateLimitError,  # Partner Call Limited
    7: RateLimitError,  # App Call Limited
    8: RateLimitError,  # App Call Exceeds Limited Frequency
    11: PermissionDeniedError,  # Insufficient ISV Permissions
    12: PermissionDeniedError,  # Insufficient User Permissions
    13: PermissionDeniedError,  # Insufficient Partner Permissions
    24: AuthenticationError,  # Missing Signature
    25: AuthenticationError,  # Invalid Signature
    26: AuthenticationError,  # Missing Session
    27: AuthenticationError,  # Invalid Session
    28: AuthenticationError,  # Missing App Key
    29: AuthenticationError,  # Invalid App Key
    53: AuthenticationError,  # Insufficient security level
}


def ban_seconds(sub_msg: str | None) -> float | None:
    """N from `This ban will last for N more seconds` (at most `MAX_SERVER_WAIT_S`), else None."""
    match = _BAN.search(sub_msg or "")
    return server_wait(float(match.group(1))) if match else None


def error_class(code: int | None, sub_code: str | None) -> type[APIError]:
    """The tbapi class for a TOP error: basic-check codes by number, everything else by the sub_code prefix."""
    if code in _BY_CODE:
        return _BY_CODE[code]
    if sub_code and sub_code.startswith("isp."):
        return ServerError
    return InvalidRequestError  # isv.*, 15/40/41 without isp., other basic checks (21-23, 30-34, 47 …)


def top_error(
    error: Mapping[str, Any],
    *,
    method: str,
    headers: Mapping[str, str] | None = None,
    http_status: int | None = 200,
    body: Any = None,
) -> APIError:
    """The tbapi error for the `error_response` object of a TOP answer to `method`."""
    raw_code = error.get("code")
    code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else _int_or_none(raw_code)
    msg = str(error.get("msg") or "TOP error")
    sub_code = _str_or_none(error.get("sub_code"))
    sub_msg = _str_or_none(error.get("sub_msg"))
    cls = error_class(code, sub_code)
    common: dict[str, Any] = {
        "code": code if code is not None else raw_code,
        "sub_code": sub_code,
        "sub_message": sub_msg,
        "request_id": _str_or_none(error.get("request_id")),
        "http_status": http_status,
        "body": body if body is not None else {"error_response": dict(error)},
        "headers": headers,
    }
    message = f"{method}: {msg}"
    if cls is RateLimitError:
        return RateLimitError(
            message, quota_exhausted=sub_code == APP_DAILY_QUOTA, retry_after=ban_seconds(sub_msg), **common
        )
    return cls(message, **common)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a code of 1e400 (inf)
        return None


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def check_answer(request: httpx.Request, response: httpx.Response) -> None:
    """Raise the tbapi error of an `error_response` answer; return for any other body."""
    body = checked_json(response)
    if isinstance(body, dict) and isinstance(body.get("error_response"), dict):
        form = request.extensions.get(WIRE_EXTENSION)
        method = form.method if isinstance(form, WireForm) else request.url.params.get("method", "TOP")
        raise top_error(
            body["error_response"],
            method=method,
            headers=response.headers,
            http_status=response.status_code,
            body=body,
        )
