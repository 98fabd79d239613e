"""Checks of documented constraints, run before anything is sent. Each failure names its parameter."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TypeVar

from ._exceptions import ValidationError

T = TypeVar("T")


def non_empty_str(param: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(param, f"must be a non-empty string, got {value!r}")
    return value


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


def int_in_range(param: str, value: object, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(param, f"must be an integer, got {value!r}")
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


def exactly_one(params: dict[str, object]) -> str:
    """The name of the one parameter given (not None) among `params`."""
    given = [name for name, value in params.items() if value is not None]
    if len(given) != 1:
        names = ", ".join(params)
        problem = "none was given" if not given else f"got {', '.join(given)}"
        raise ValidationError(" / ".join(params), f"exactly one of {names} is required; {problem}")
    return given[0]
