"""Shanjing answers errors with HTTP 200: this module turns such bodies into typed exceptions.

Every Shanjing body passes `check_response`, the Shanjing `AnswerCheck` of `CheckedTransport` (which
already mapped non-2xx statuses and parsed the JSON once — TOP's `error_response` is mapped at the same
layer): a non-empty code of any error-field family (`ERROR_FIELDS`: Shanjing's `errorCode`, the upstream
product/order APIs' `error_code`, the upstream traffic APIs' `biz_error_code` — on the body or inside the
upstream render's `result{…}` wrapper), or `success: false` there, raises the `APIError` subclass of
`error_class_for`; a body that is not a JSON object raises `ResponseError`. After the generated code parsed the body, `unwrap` returns
the envelope's `data` as the generated model, or raises `ResponseError` when it has the wrong shape.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

import httpx

from .._exceptions import (
    APIError,
    AuthenticationError,
    InvalidRequestError,
    PermissionDeniedError,
    RateLimitError,
    ResponseError,
    ServerError,
    TbapiError,
)
from .._http.transport import checked_json, request_id_from

ModelT = TypeVar("ModelT")

# The error-field families (code, message), in the order they are read: Shanjing's pages, then the upstream
# product and order APIs, then the upstream traffic (item) APIs. Any of them with a non-empty code is an error.
ERROR_FIELDS = (("errorCode", "errorMsg"), ("error_code", "error_msg"), ("biz_error_code", "biz_error_msg"))
# The token codes that mean "refresh and replay": the upstream code plus the spellings of sibling gateways.
TOKEN_ERROR_CODES = frozenset(
    {"IllegalAccessToken", "InvalidAccessToken", "AccessTokenExpired", "ExpiredAccessToken", "TokenExpired"}
)
# Checked in this order: the first pattern that matches the error code picks the class. Permission comes
# before authentication because permission codes often contain "auth" words ("NoAuthority", "NotAuthorized").
_CODE_CLASSES: tuple[tuple[re.Pattern[str], type[APIError]], ...] = (
    (
        re.compile(r"(?i)permission|forbidden|denied|deny|no.?auth|not.?authori[sz]ed|insufficient"),
        PermissionDeniedError,
    ),
    (re.compile(r"(?i)rate|limit|throttl|frequen|flow.?control|too.?many|quota"), RateLimitError),
    (re.compile(r"(?i)token|unauthori[sz]ed|authenticat|illegal.?app|app.?key|signature"), AuthenticationError),
    (re.compile(r"(?i)system|internal|server|unavailable|time.?out|busy|isp\.|unknown.?error"), ServerError),
    (
        re.compile(r"(?i)param|invalid|missing|required|illegal|format|not.?found|not.?exist|duplicate|exceed"),
        InvalidRequestError,
    ),
)
_QUOTA = re.compile(r"(?i)daily|quota|by.?day|per.?day|access.?count")


def error_class_for(code: str) -> type[APIError]:
    """The `APIError` subclass for a Shanjing error code: token codes, then the patterns above, else `APIError`."""
    if code in TOKEN_ERROR_CODES:
        return AuthenticationError
    for pattern, cls in _CODE_CLASSES:
        if pattern.search(code):
            return cls
    return APIError


def is_token_error(error: TbapiError) -> bool:
    """True for an expired or invalid access token: HTTP 401 or a token error code."""
    if not isinstance(error, AuthenticationError):
        return False
    return error.http_status == 401 or (isinstance(error.code, str) and error.code in TOKEN_ERROR_CODES)


# "This outer_purchase_id already exists": the spec's example code is DUPLICATE_OUTER_PURCHASE_ID; Shanjing
# publishes no list of codes, so the words of code or message decide.
_DUPLICATE_ORDER = re.compile(r"(?i)duplicate|already.?exists?|repeat")


def is_duplicate_order(error: TbapiError) -> bool:
    """True for a create refused because an order with its `outer_purchase_id` exists already."""
    if not isinstance(error, APIError):
        return False
    return any(_DUPLICATE_ORDER.search(str(text)) for text in (error.code, error.message) if text)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def raw_text(body: Any) -> str:
    """A body as compact JSON text, for error messages (trimmed by the exceptions themselves)."""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return repr(body)
    except RecursionError:  # parsed at a shallower stack than this one: too deep to show
        return f"<a JSON {type(body).__name__} nested too deeply to show>"


def error_from_body(
    body: Any, *, http_status: int, headers: httpx.Headers | None = None, what: str = "Shanjing"
) -> TbapiError | None:
    """The exception a 2xx Shanjing body stands for, or None when it is a success body."""
    if not isinstance(body, dict):
        return ResponseError(
            f"{what}: the response is not a JSON object", raw_body=raw_text(body), http_status=http_status
        )
    fields = _error_fields(body)
    if fields is None:
        return None
    code, message = fields
    cls = error_class_for(code) if code is not None else APIError
    kwargs: dict[str, Any] = {
        "code": code,
        "http_status": http_status,
        "body": body,
        "headers": headers,
        "request_id": request_id_from(headers or {}, body),
    }
    if cls is RateLimitError:
        kwargs["quota_exhausted"] = bool(code and _QUOTA.search(code) and not re.search(r"(?i)rate|frequen", code))
    text = f"{what} failed: {message or code or 'success is false'}"
    return cls(text, **kwargs)


def _error_fields(body: dict[str, Any]) -> tuple[str | None, str | None] | None:
    """The error code and message of an error body — one with an error code, or `success: false`, itself or in
    the `result{…}` wrapper it holds; None for a success body."""
    layers = [body] + ([body["result"]] if isinstance(body.get("result"), dict) else [])
    for layer in layers:
        for code_field, message_field in ERROR_FIELDS:
            code = _text(layer.get(code_field))
            if code is not None:
                return code, _message(layer, message_field)
        if layer.get("success") is False:
            return None, _message(layer, None)
    return None


def _message(layer: dict[str, Any], field: str | None) -> str | None:
    fields = ([field] if field else []) + [message for _, message in ERROR_FIELDS] + ["inner_error_msg", "message"]
    return next((text for text in map(_text, map(layer.get, fields)) if text), None)


def check_response(request: httpx.Request, response: httpx.Response) -> None:
    """Raise the error a checked 2xx response stands for (see `error_from_body`)."""
    body = checked_json(response)
    if isinstance(body, dict) and _error_fields(body) is None:
        return  # a success body: the operation's name (a URL path decoded) is only needed to name an error
    error = error_from_body(body, http_status=response.status_code, headers=response.headers, what=_operation(request))
    if error is not None:
        raise error


def _operation(request: httpx.Request) -> str:
    return f"{request.method} {request.url.path}"


def wrong_shape(what: str, problem: str, content: bytes | None = None, status: int | None = None) -> ResponseError:
    raw = content.decode("utf-8", errors="replace") if content is not None else None
    return ResponseError(
        f"{what}: the response does not have the documented shape ({problem})", raw_body=raw, http_status=status
    )


def unwrap_data(response: Any, model: type[ModelT], what: str) -> ModelT:
    """`response.parsed.data` when it is a `model`; `ResponseError` otherwise."""
    data = getattr(response.parsed, "data", None)
    if isinstance(data, model):
        return data
    raise wrong_shape(what, f"`data` is not a {model.__name__}", response.content, int(response.status_code))


def unwrap_list(response: Any, model: type[ModelT], what: str) -> list[ModelT]:
    """`response.parsed.data` when it is a list of `model`; `ResponseError` otherwise."""
    data = getattr(response.parsed, "data", None)
    if isinstance(data, list) and all(isinstance(item, model) for item in data):
        return data
    raise wrong_shape(what, f"`data` is not a list of {model.__name__}", response.content, int(response.status_code))


def parsed_as(response: Any, model: type[ModelT], what: str) -> ModelT:
    """`response.parsed` when it is a `model` (the flat token answers); `ResponseError` otherwise."""
    parsed = response.parsed
    if isinstance(parsed, model):
        return parsed
    raise wrong_shape(what, f"not a {model.__name__}", response.content, int(response.status_code))
