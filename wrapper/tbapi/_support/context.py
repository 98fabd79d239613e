"""Context variables set for the length of a block (the call's options, an attempt's deadline)."""

from __future__ import annotations

import contextlib
import contextvars
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")


def holding(var: contextvars.ContextVar[T], value: T) -> contextlib.AbstractContextManager[None]:
    """`var` holds `value` while the block runs, and what it held before once the block ends."""
    return _Holding(var, value)


class _Holding(Generic[T]):
    """`holding`'s context manager. A class rather than a `contextlib.contextmanager` generator: one is entered
    on every call and every attempt, and a generator's context manager costs several times as much to make,
    enter and leave."""

    __slots__ = ("_token", "_value", "_var")

    def __init__(self, var: contextvars.ContextVar[T], value: T) -> None:
        self._var = var
        self._value = value

    def __enter__(self) -> None:
        self._token = self._var.set(self._value)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        restore(self._var, self._token)


def restore(var: contextvars.ContextVar[T], token: contextvars.Token[T]) -> None:
    """What `var` held before `token` was set, held again. A block that spans a flow's yields may be left from
    another context — a flow closed later by the garbage collector — which cannot reset it there, and need not:
    the context it was set in is gone with its task or unwound."""
    try:  # noqa: SIM105  # `contextlib.suppress` costs an object and two calls more, on every call
        var.reset(token)
    except ValueError:
        pass
