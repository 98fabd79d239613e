"""Checks of documented constraints, run before anything is sent. Each failure names its parameter."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import TypeVar, cast

import attrs
import httpx

from .._exceptions import ValidationError

T = TypeVar("T")
# Ids and amounts are int64 upstream (Shanjing's Int64Id / NumericId, TOP's Long): the specs leave the range to
# the SDK, and Python keeps such numbers exact.
MAX_ID = 2**63 - 1
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
    lone = unencodable_at(stripped)
    if lone is not None:
        raise ValidationError(param, f"{_NOT_UTF8} (at position {lone}); check how it was read")
    bad = next((i for i, char in enumerate(stripped) if not char.isprintable()), None)
    if bad is not None:
        raise ValidationError(param, f"contains a control character (at position {bad}); check how it was read")
    return stripped


_NOT_UTF8 = "contains a lone surrogate, which no request can carry (it has no UTF-8 form)"


def unencodable_at(text: str) -> int | None:
    """The position of the first character of `text` that has no UTF-8 form (a lone surrogate), else None."""
    if text.isascii():  # the usual case, answered without encoding
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def text_that_cannot_be_sent(value: object, path: str) -> tuple[str, int] | None:
    """Where in `value` (a string, or lists, dicts and attrs models of them) a string has no UTF-8 form: its
    path (`path`, `path[2]`, `path.title`) and the position in it; None when every string can be sent."""
    if isinstance(value, str):
        at = unencodable_at(value)
        return None if at is None else (path, at)
    prefix = f"{path}." if path else ""
    if isinstance(value, Mapping):
        items: Iterable[tuple[str, object]] = ((f"{prefix}{key}", item) for key, item in value.items())
    elif isinstance(value, list | tuple):
        items = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    elif attrs.has(type(value)):
        items = ((f"{prefix}{name}", item) for name, item in _attrs_fields(value))
    else:
        return None
    for where, item in items:
        found = text_that_cannot_be_sent(item, where)
        if found is not None:
            return found
    return None


def _attrs_fields(value: object) -> list[tuple[str, object]]:
    """The fields of an attrs instance (a generated model) with their values."""
    cls = cast("type[attrs.AttrsInstance]", type(value))
    return [(field.name, getattr(value, field.name)) for field in attrs.fields(cls)]


def check_sendable(arguments: Mapping[str, object]) -> None:
    """`ValidationError` naming the argument (its path, for one inside a model or list) that holds text no
    request can carry. The fields of a generated call's request `body` are named as the caller gave them."""
    for name, value in arguments.items():
        found = text_that_cannot_be_sent(value, "" if name == "body" else name)
        if found is not None:
            where, at = found
            raise ValidationError(where, f"{_NOT_UTF8} (at position {at})")


def longest_text(arguments: Mapping[str, object]) -> tuple[str, int]:
    """The argument holding the most text (strings anywhere inside it, counted together) and how much: the
    one to blame for a request too long to build."""

    def size(value: object) -> int:
        if isinstance(value, str):
            return len(value)
        if isinstance(value, Mapping):
            return sum(size(k) + size(v) for k, v in value.items())
        if isinstance(value, list | tuple):
            return sum(size(v) for v in value)
        if attrs.has(type(value)):
            return sum(size(item) for _, item in _attrs_fields(value))
        return 0

    sizes = {name: size(value) for name, value in arguments.items()}
    name = max(sizes, key=lambda n: sizes[n], default="arguments")
    return name, sizes.get(name, 0)


def as_int(param: str, value: object) -> int:
    """An integer given as an int or a decimal string (`"20"` is taken like `20`); bools are refused."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(param, f"must be an integer, got {value!r}")
    return value


def int_in_range(param: str, value: object, low: int, high: int | None = None, *, text: bool = True) -> int:
    """An integer within [low, high]; with `text`, a decimal string is taken like its number (bools never are)."""
    if not text and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValidationError(param, f"must be a whole number, got {value!r}")
    value = as_int(param, value)
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValidationError(param, f"must be {bounds}, got {value}")
    return value


def int_id(param: str, value: object) -> int:
    """A positive id given as an int or a decimal string (the published examples use both)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    return int_in_range(param, value, 1, MAX_ID, text=False)


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
