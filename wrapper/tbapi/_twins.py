"""Sync and async twins from one definition.

A resource method is written once, as a flow (`def _get(self, …) -> Flow[T]`). `sync_method` turns it
into the blocking method of the sync client and `async_method` into the coroutine method of the async
client: same name, signature and docstring, only the driver differs. Iterators work the same way: an
*item flow* yields `Emit(item)` for the user besides the effects for the driver.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import AsyncGenerator, Callable, Coroutine, Generator, Iterator
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

import attrs

from ._flow import Cancelled, Effect, Flow, advance, outcome_async, outcome_sync, run_async, run_sync

P = ParamSpec("P")
S = TypeVar("S")
T = TypeVar("T")


@attrs.frozen
class Emit(Generic[T]):
    """Not an effect: a value an item flow hands to the user of its iterator."""

    value: T


ItemFlow = Generator["Effect[Any] | Emit[T]", Any, None]


def sync_method(fn: Callable[Concatenate[S, P], Flow[T]]) -> Callable[Concatenate[S, P], T]:
    """The blocking twin of a flow-building method."""

    @functools.wraps(fn)
    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return run_sync(fn(self, *args, **kwargs))

    method.__name__ = method.__qualname__ = fn.__name__.lstrip("_")
    return method


def async_method(fn: Callable[Concatenate[S, P], Flow[T]]) -> Callable[Concatenate[S, P], Coroutine[Any, Any, T]]:
    """The `async def` twin of a flow-building method."""

    @functools.wraps(fn)
    async def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await run_async(fn(self, *args, **kwargs))

    method.__name__ = method.__qualname__ = fn.__name__.lstrip("_")
    return method


def sync_iterator(fn: Callable[Concatenate[S, P], ItemFlow[T]]) -> Callable[Concatenate[S, P], Iterator[T]]:
    """The iterator twin of an item flow: each `Emit` is yielded, each effect run blocking."""

    @functools.wraps(fn)
    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> Iterator[T]:
        return iterate_sync(fn(self, *args, **kwargs))

    method.__name__ = method.__qualname__ = fn.__name__.lstrip("_")
    return method


def async_iterator(
    fn: Callable[Concatenate[S, P], ItemFlow[T]],
) -> Callable[Concatenate[S, P], AsyncGenerator[T, None]]:
    """The async-iterator twin of an item flow (use with `async for`)."""

    @functools.wraps(fn)
    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> AsyncGenerator[T, None]:
        return iterate_async(fn(self, *args, **kwargs))

    method.__name__ = method.__qualname__ = fn.__name__.lstrip("_")
    return method


def iterate_sync(flow: ItemFlow[T]) -> Iterator[T]:
    """Drive an item flow with blocking I/O, yielding each emitted value.

    When the consumer stops early (leaves the loop, Ctrl-C) the flow is cancelled and may clean up.
    """
    done, step = advance(flow, None, None)
    try:
        while not done:
            if isinstance(step, Emit):
                yield step.value
                done, step = advance(flow, None, None)
            else:
                done, step = advance(flow, *outcome_sync(step))
    finally:
        if not done:
            unwind_sync(flow)


async def iterate_async(flow: ItemFlow[T]) -> AsyncGenerator[T, None]:
    """Drive an item flow with `await`, yielding each emitted value (cancelled like `iterate_sync`)."""
    done, step = advance(flow, None, None)
    try:
        while not done:
            if isinstance(step, Emit):
                yield step.value
                done, step = advance(flow, None, None)
            else:
                done, step = advance(flow, *(await outcome_async(step)))
    finally:
        if not done:
            await unwind_async(flow)


def unwind_sync(flow: ItemFlow[Any]) -> None:
    """Stop a flow early: throw `Cancelled` into it and run the clean-up effects it yields."""
    with contextlib.suppress(Cancelled):
        done, step = advance(flow, None, Cancelled())
        while not done:
            done, step = advance(flow, *((None, None) if isinstance(step, Emit) else outcome_sync(step)))


async def unwind_async(flow: ItemFlow[Any]) -> None:
    """`unwind_sync` with `await`."""
    with contextlib.suppress(Cancelled):
        done, step = advance(flow, None, Cancelled())
        while not done:
            done, step = advance(flow, *((None, None) if isinstance(step, Emit) else await outcome_async(step)))
