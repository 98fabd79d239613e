"""Checks of documented constraints, run before anything is sent. Each failure names its parameter."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import TypeVar

import httpx

from .._exceptions import ValidationError

T = TypeVar("T")
_DECIMAL = re.compile(r"\s*[+-]?[0-9]{1,30}\s*")


def non_empty_str(param: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(param, f"must be a non-empty string, got {value!r}")
    return value


def parsed_http_url(param: str, url: str) -> httpx.URL:
    """`url` parsed, if it is an http(s) URL with a host."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValidationError(param, f"not a URL: {url!r}") from exc
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise ValidationError(param, f"must be an http(s) URL with a host, got {url!r}")
    return parsed


def credential(param: str, value: object, *, allow_empty: bool = False) -> str:
    """A token, secret, session or code as it will be sent: surrounding whitespace stripped (what reading a
    file or an environment variable often leaves) and no control character inside (it would break the header
    or query it travels in). Errors name `param` and never show the value."""
    if not isinstance(value, str):
        raise ValidationError(param, f"must be a string, got a {type(value).__name__}")
    stripped = value.strip()
    if not stripped and not allow_empty:
        raise ValidationError(param, "must be a non-empty string")
    bad = next((i for i, char in enumerate(stripped) if not char.isprintable()), None)
    if bad is not None:
        raise ValidationError(param, f"contains a control character (at position {bad}); check how it was read")
    return stripped


def as_int(param: str, value: object) -> int:
    """An integer given as an int or a decimal string (`"20"` is taken like `20`); bools are refused."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(param, f"must be an integer, got {value!r}")
    return value


def int_in_range(param: str, value: object, low: int, high: int | None = None) -> int:
    """An integer (or a decimal string) within [low, high]."""
    value = as_int(param, value)
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValidationError(param, f"must be {bounds}, got {value}")
    return value


def one_of(param: str, value: T, allowed: Collection[T]) -> T:
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ValidationError(param, f"must be one of {choices}, got {value!r}")
    return value


def str_list(param: str, values: Iterable[str] | str, *, max_items: int | None = None) -> list[str]:
    """A list of non-empty strings; a lone string is one element, not a list of characters."""
    items = [values] if isinstance(values, str) else list(values)
    for index, item in enumerate(items):
        non_empty_str(f"{param}[{index}]", item)
    if max_items is not None and len(items) > max_items:
        raise ValidationError(param, f"at most {max_items} values, got {len(items)}")
    return items


# The header the clients authenticate with: one a caller set would replace (Shanjing) or confuse (TOP) it.
AUTH_HEADERS = frozenset({"authorization"})
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # an RFC 9110 token


def headers_option(param: str, headers: object) -> dict[str, str]:
    """Headers a caller adds (`default_headers=`, `extra_headers=`): names and values httpx can send (a value is
    printable ASCII), none that sets the client's authentication."""
    if not isinstance(headers, Mapping):
        raise ValidationError(param, f"must be a mapping of header names to values, got {type(headers).__name__}")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValidationError(param, f"{name!r} is not a header name")
        if name.lower() in AUTH_HEADERS:
            raise ValidationError(param, f"{name} is set by the client from its credentials; it cannot be overridden")
        if not isinstance(value, str) or not all(" " <= char <= "~" or char == "\t" for char in value):
            raise ValidationError(f"{param}[{name!r}]", "must be a string of printable ASCII characters")
        checked[name] = value
    return checked
