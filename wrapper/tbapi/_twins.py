"""Sync and async twins from one definition.

A resource method is written once, as a flow (`def _get(self, …) -> Flow[T]`). `sync_method` turns it
into the blocking method of the sync client and `async_method` into the coroutine method of the async
client: same signature and docstring, only the driver differs. Iterators work the same way: an
*item flow* yields `Emit(item)` for the user besides the effects for the driver (`paginate` in
`_pages.py` is the one that walks pages, `fan_out` in `_fanout.py` runs many flows at once).
`raw_sync_method` / `raw_async_method` make the `with_raw_response` twins (`_response.py`).

What the user sees is the public method: `help(client.items.search)` shows `-> Page[SearchItem]` (not
the flow type), and a wrong argument names `items.search()`, not the flow `_Items._search()`.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import AsyncGenerator, Callable, Coroutine, Generator, Iterator
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

import attrs

from ._exceptions import ResponseError, TbapiError
from ._flow import Cancelled, Effect, Flow, advance, outcome_async, outcome_sync, run_async, run_sync
from ._response import RawResponse
from ._transport import Recorder

P = ParamSpec("P")
S = TypeVar("S")
T = TypeVar("T")
F = TypeVar("F")


@attrs.frozen
class Emit(Generic[T]):
    """Not an effect: a value an item flow hands to the user of its iterator."""

    value: T


ItemFlow = Generator["Effect[Any] | Emit[T]", Any, None]


def public_name(fn: Callable[..., Any]) -> str:
    """`_Items._search` → `items.search`: how users reach the twin of a flow method."""
    owner, _, name = fn.__qualname__.rpartition(".")
    return f"{owner.lstrip('_').lower()}.{name.lstrip('_')}" if owner else name.lstrip("_")


def _returns(annotation: Any, shown: str) -> Any:
    """The return annotation users see: `Flow[X]` → `X`, `ItemFlow[X]` → `Iterator[X]` (`shown`)."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    for flow_type in ("ItemFlow[", "Flow["):
        if text.startswith(flow_type) and text.endswith("]"):
            inner = text[len(flow_type) : -1]
            return shown.format(inner)
    return annotation


def _twin(method: Callable[..., Any], fn: Callable[..., Any], shown: str) -> None:
    """Give `method` the public face of the flow method `fn` (name, docstring, signature, annotations)."""
    functools.update_wrapper(method, fn)
    method.__name__ = fn.__name__.lstrip("_")
    method.__qualname__ = public_name(fn)
    del method.__wrapped__  # type: ignore[attr-defined]  # help() and inspect show the signature below
    signature = inspect.signature(fn)
    returns = _returns(signature.return_annotation, shown)
    method.__signature__ = signature.replace(return_annotation=returns)  # type: ignore[attr-defined]
    method.__annotations__ = {**fn.__annotations__, "return": returns}


def _flow_of(fn: Callable[..., F], self: Any, args: Any, kwargs: Any) -> F:
    """`fn(self, *args, **kwargs)`: a flow, so calling it only binds the arguments — a wrong one is named
    after the public method."""
    try:
        return fn(self, *args, **kwargs)
    except TypeError as exc:
        raise TypeError(str(exc).replace(fn.__qualname__, public_name(fn))) from None


def sync_method(fn: Callable[Concatenate[S, P], Flow[T]]) -> Callable[Concatenate[S, P], T]:
    """The blocking twin of a flow-building method."""

    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return run_sync(_flow_of(fn, self, args, kwargs))

    _twin(method, fn, "{}")
    return method


def async_method(fn: Callable[Concatenate[S, P], Flow[T]]) -> Callable[Concatenate[S, P], Coroutine[Any, Any, T]]:
    """The `async def` twin of a flow-building method."""

    async def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await run_async(_flow_of(fn, self, args, kwargs))

    _twin(method, fn, "{}")
    return method


def sync_iterator(fn: Callable[Concatenate[S, P], ItemFlow[T]]) -> Callable[Concatenate[S, P], Iterator[T]]:
    """The iterator twin of an item flow: each `Emit` is yielded, each effect run blocking."""

    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> Iterator[T]:
        return iterate_sync(_flow_of(fn, self, args, kwargs))

    _twin(method, fn, "Iterator[{}]")
    return method


def async_iterator(
    fn: Callable[Concatenate[S, P], ItemFlow[T]],
) -> Callable[Concatenate[S, P], AsyncGenerator[T, None]]:
    """The async-iterator twin of an item flow (use with `async for`)."""

    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> AsyncGenerator[T, None]:
        return iterate_async(_flow_of(fn, self, args, kwargs))

    _twin(method, fn, "AsyncIterator[{}]")
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


# --- raw responses: the same flow, each effect run with a recorder; the last answer is returned ---------------


@attrs.frozen
class Recorded:
    """Run `effect` with `recorder` on: the answers `CheckedTransport` lets through are kept in it."""

    effect: Effect[Any]
    recorder: Recorder

    def run_sync(self) -> Any:
        token = self.recorder.start()
        try:
            return self.effect.run_sync()
        finally:
            Recorder.stop(token)

    async def run_async(self) -> Any:
        token = self.recorder.start()
        try:
            return await self.effect.run_async()
        finally:
            Recorder.stop(token)


def recorded(flow: Flow[T], recorder: Recorder) -> Flow[RawResponse[T]]:
    """`flow` with every effect recorded; its outcome as the `RawResponse` of the last answer received."""
    try:
        done, step = advance(flow, None, None)
        while not done:
            try:
                result, error = (yield Recorded(step, recorder)), None
            except Exception as exc:
                result, error = None, exc
            done, step = advance(flow, result, error)
    except TbapiError as failure:
        if recorder.last is None:  # no answer came (connection, HTTP status, bad argument): raised as is
            raise
        return RawResponse(recorder.last, parse=functools.partial(_raise, failure))
    if recorder.last is None:
        raise ResponseError("no answer was received")
    return RawResponse(recorder.last, parse=functools.partial(_value, step))


def _raise(error: TbapiError) -> Any:
    raise error


def _value(value: T) -> T:
    return value


def raw_sync_method(fn: Callable[Concatenate[S, P], Flow[T]]) -> Callable[Concatenate[S, P], RawResponse[T]]:
    """The blocking `with_raw_response` twin of a flow-building method."""

    def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        return run_sync(recorded(_flow_of(fn, self, args, kwargs), Recorder()))

    _twin(method, fn, "RawResponse[{}]")
    return method


def raw_async_method(
    fn: Callable[Concatenate[S, P], Flow[T]],
) -> Callable[Concatenate[S, P], Coroutine[Any, Any, RawResponse[T]]]:
    """The `async def` `with_raw_response` twin of a flow-building method."""

    async def method(self: S, /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        return await run_async(recorded(_flow_of(fn, self, args, kwargs), Recorder()))

    _twin(method, fn, "RawResponse[{}]")
    return method
