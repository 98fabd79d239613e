"""Context variables set for the length of a block (the call's options, an attempt's deadline)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def holding(var: contextvars.ContextVar[T], value: T) -> Iterator[None]:
    """`var` holds `value` while the block runs, and what it held before once the block ends."""
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)
