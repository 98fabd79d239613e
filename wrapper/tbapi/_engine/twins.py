"""Sync, async and raw twins from one definition.

A resource method is written once, as a flow (`def _get(self, …) -> Flow[T]`), and declared once next to
it: `get = twin(_get)` (an item flow, which yields `Emit(item)` for the user besides the effects for the
driver: `iter_search = iterator(_iter_search)`). A resource is one class, generic in the *mode* of the
client it belongs to — `Sync`, `Async`, or `RawSync` / `RawAsync` for `with_raw_response` (`_engine/raw.py`)
— and `twin` / `iterator` are descriptors whose `__get__` is overloaded on that mode, so a type checker
sees `client.items.search(…)` as `Page[SearchItem]`, the async client's as awaitable, the raw one's as
`RawResponse[Page[SearchItem]]`. At run time the descriptor binds the twin function it made once per
mode: only the driver differs (`run_sync`, `run_async`, `iterate_sync`, `iterate_async`, or those with
every answer recorded). `paginate` in `_engine/pages.py` is the item flow that walks pages, `fan_out` in
`_engine/fanout.py` runs many flows at once.

What the user sees is the public method: `help(client.items.search)` shows `-> Page[SearchItem]` (not
the flow type), and a wrong argument names `items.search()`, not the flow `Items._search()`. Every twin also
takes the per-call options (`extra_headers`, `extra_query`, `extra_body`, `timeout`: `call_options.py`): each
flow declares them for type checkers as `**per_call: Unpack[PerCall]` (a `ParamSpec` cannot add keyword
arguments), the twin takes them off before the flow runs, and its signature shows them one by one.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import types
from collections.abc import AsyncGenerator, Callable, Coroutine, Generator
from typing import Any, ClassVar, Concatenate, ForwardRef, Generic, ParamSpec, Self, TypeVar, overload

import attrs

from .._exceptions import ResponseError, TbapiError
from .._http.transport import Recorder
from .call_options import CallOptions, PerCall, applied, stepped_async, stepped_sync
from .flow import Cancelled, Effect, Flow, advance, outcome_async, outcome_sync, resumed, run_async, run_sync
from .raw import RawResponse

P = ParamSpec("P")
T = TypeVar("T")


@attrs.frozen
class Emit(Generic[T]):
    """Not an effect: a value an item flow hands to the user of its iterator."""

    value: T


ItemFlow = Generator[Effect[Any] | Emit[T], Any, None]


# --- modes: what a resource's methods return ------------------------------------------------------------------


class Mode:
    """The mode of a resource (its type parameter): which twin of each flow its methods are."""


class Sync(Mode):
    """The blocking client's: a method returns the flow's outcome, an iterator is an `Iterator`."""


class Async(Mode):
    """The async client's: a method is a coroutine function, an iterator an async iterator."""


class RawSync(Mode):
    """The blocking client's `with_raw_response`: a method returns the `RawResponse` of the answer."""


class RawAsync(Mode):
    """The async client's `with_raw_response`: a coroutine function returning a `RawResponse`."""


M = TypeVar("M", bound=Mode)


class Moded(Generic[M]):
    """What has twins as attributes (a resource, a client): `_mode` says which twin each one binds."""

    _mode: type[M]


# --- the drivers ----------------------------------------------------------------------------------------------


def iterate_sync(flow: ItemFlow[T]) -> Generator[T, None, None]:
    """Drive an item flow with blocking I/O, yielding each emitted value.

    When the consumer stops early (Ctrl-C, `close()`, or the generator dropped after leaving its loop) the
    flow is cancelled and may clean up. A generator, typed as one, so a caller who keeps it can `close()` it.
    """
    walk = _Walk(flow)
    try:
        while walk.going:
            while (effect := walk.effect()) is not None:
                walk.feed(outcome_sync(effect))
            if walk.going:
                yield walk.take()
    finally:
        run_sync(walk.unwinding())


async def iterate_async(flow: ItemFlow[T]) -> AsyncGenerator[T, None]:
    """Drive an item flow with `await`, yielding each emitted value (cancelled like `iterate_sync`)."""
    walk = _Walk(flow)
    try:
        while walk.going:
            while (effect := walk.effect()) is not None:
                walk.feed(await outcome_async(effect))
            if walk.going:
                yield walk.take()
    finally:
        await run_async(walk.unwinding())


class _Walk(Generic[T]):
    """An item flow being driven: what both iterators share (they differ in how an effect is run)."""

    def __init__(self, flow: ItemFlow[T]) -> None:
        self._flow = flow
        self._done, self._step = advance(flow, None, None)
        self._taken = False

    @property
    def going(self) -> bool:
        return not self._done

    def effect(self) -> Effect[Any] | None:
        """The effect the flow waits for; None when it has a value to hand out, or has returned."""
        if self._taken:  # the value was handed out: only now does the flow move on
            self._taken = False
            self.feed((None, None))
        return None if self._done or isinstance(self._step, Emit) else self._step

    def feed(self, outcome: tuple[Any, Exception | None]) -> None:
        self._done, self._step = advance(self._flow, *outcome)

    def take(self) -> T:
        """The value the flow emitted (it moves on when the next effect is asked for)."""
        self._taken = True
        value: T = self._step.value
        return value

    def unwinding(self) -> Flow[None]:
        """A flow that stops this one if it has not returned: throws `Cancelled` into it and yields the clean-up
        effects it asks for (it may catch `Cancelled` to clean up, and must re-raise it)."""
        if self._done:
            return
        with contextlib.suppress(Cancelled):
            done, step = advance(self._flow, None, Cancelled())
            while not done:
                result, error = None, None
                if not isinstance(step, Emit):
                    try:
                        result = yield step
                    except Exception as exc:
                        error = exc
                done, step = advance(self._flow, result, error)


# --- raw responses: the same flow, each effect run with a recorder; the last answer is returned ---------------


@attrs.frozen
class Recorded:
    """Run `effect` with `recorder` on: the answers `CheckedTransport` lets through are kept in it."""

    effect: Effect[Any]
    recorder: Recorder

    @property
    def blocking(self) -> bool:
        return self.effect.blocking

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
        value = yield from resumed(flow, advance(flow, None, None), lambda effect: Recorded(effect, recorder))
    except TbapiError as failure:
        if recorder.last is None:  # no answer came (connection, HTTP status, bad argument): raised as is
            raise
        return RawResponse(recorder.last, parse=functools.partial(_raise, failure))
    if recorder.last is None:
        raise ResponseError("no answer was received")
    return RawResponse(recorder.last, parse=functools.partial(_value, value))


def _raise(error: TbapiError) -> Any:
    raise error


def _value(value: T) -> T:
    return value


def run_raw_sync(flow: Flow[T]) -> RawResponse[T]:
    return run_sync(recorded(flow, Recorder()))


async def run_raw_async(flow: Flow[T]) -> RawResponse[T]:
    return await run_async(recorded(flow, Recorder()))


# --- the twin functions: the flow method's public face, with a driver -----------------------------------------


def public_name(fn: Callable[..., Any]) -> str:
    """`Items._search` → `items.search`: how users reach the twin of a flow method."""
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


Bind = Callable[[Any, Any, dict[str, Any]], Any]


def _binder(fn: Callable[..., Any]) -> Bind:
    """`bind(self, args, kwargs)`: the flow `fn(self, *args, **kwargs)` — calling it only binds the arguments — with
    the per-call options already taken off `kwargs`; a wrong argument is named after the public method. Its
    `**per_call` would take any keyword: one that is not the flow's own is refused here, as Python would."""
    own = frozenset(
        name
        for name, parameter in inspect.signature(fn).parameters.items()
        if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY)
    )

    def bind(self: Any, args: Any, kwargs: dict[str, Any]) -> Any:
        if kwargs and not own.issuperset(kwargs):
            stray = next(name for name in kwargs if name not in own)
            raise TypeError(f"{public_name(fn)}() got an unexpected keyword argument {stray!r}")
        try:
            return fn(self, *args, **kwargs)
        except TypeError as exc:
            raise TypeError(str(exc).replace(fn.__qualname__, public_name(fn))) from None

    return bind


def _blocking(fn: Callable[..., Any], drive: Callable[[Any], Any]) -> Callable[..., Any]:
    bind = _binder(fn)

    def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        options = CallOptions.taken(kwargs)
        flow = bind(self, args, kwargs)
        if options is None:
            return drive(flow)
        with applied(options):
            return drive(flow)

    return method


def _awaited(fn: Callable[..., Any], drive: Callable[[Any], Any]) -> Callable[..., Any]:
    bind = _binder(fn)

    async def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        options = CallOptions.taken(kwargs)
        flow = bind(self, args, kwargs)
        if options is None:
            return await drive(flow)
        with applied(options):
            return await drive(flow)

    return method


def _stepping(
    stepped: Callable[[Any, CallOptions], Any],
) -> Callable[[Callable[..., Any], Callable[[Any], Any]], Callable[..., Any]]:
    """The maker of an iterator's twin: its per-call options are current while each of its steps runs."""

    def make(fn: Callable[..., Any], drive: Callable[[Any], Any]) -> Callable[..., Any]:
        bind = _binder(fn)

        def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
            options = CallOptions.taken(kwargs)
            items = drive(bind(self, args, kwargs))
            return items if options is None else stepped(items, options)

        return method

    return make


# Every public flow ends with `**per_call: Unpack[PerCall]`: its twin takes the per-call options a type checker
# sees there (`call_options.PerCall`) before the flow runs.
PER_CALL = "per_call"


def _declares_per_call(flow: Callable[..., Any]) -> bool:
    last = list(inspect.signature(flow).parameters.values())[-1:]
    return bool(last) and last[0].name == PER_CALL and last[0].kind is inspect.Parameter.VAR_KEYWORD


def _text(annotation: Any) -> Any:
    """An annotation as the flows' own show (a string): a TypedDict keeps its fields' as `ForwardRef`s."""
    return annotation.__forward_arg__ if isinstance(annotation, ForwardRef) else annotation


def _with_call_options(signature: inspect.Signature) -> inspect.Signature:
    """A flow's signature as users see it: its `**per_call` written out as the keyword-only per-call options it
    stands for (annotated as `PerCall` declares them)."""
    parameters = [p for p in signature.parameters.values() if p.name != PER_CALL]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=_text(annotation))
        for name, annotation in PerCall.__annotations__.items()
    ]
    return signature.replace(parameters=[*parameters, *added])


Maker = tuple[Callable[[Callable[..., Any], Callable[[Any], Any]], Callable[..., Any]], Callable[[Any], Any], str]


F = TypeVar("F")


class _ModeMethods(Generic[P, F]):
    """What `twin` and `iterator` share: the twin function of each mode, made once, bound on access."""

    _makers: ClassVar[dict[type[Mode], Maker]]  # mode → (maker, driver, the return annotation shown)

    def __init__(self, flow: Callable[Concatenate[Any, P], F]) -> None:
        if not _declares_per_call(flow):
            raise TypeError(f"{flow.__qualname__} must end with `**{PER_CALL}: Unpack[PerCall]` (the per-call options)")
        self._flow = flow
        self._made: dict[type[Mode], Callable[..., Any]] = {}
        self.__doc__ = flow.__doc__
        self._name = flow.__name__.lstrip("_")

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _bound(self, obj: Moded[Any] | None) -> Any:
        if obj is None:
            return self
        mode = obj._mode
        made = self._made.get(mode) or self._make(mode)
        return types.MethodType(made, obj)

    def _make(self, mode: type[Mode]) -> Callable[..., Any]:
        if mode not in self._makers:
            raise AttributeError(f"{public_name(self._flow)} has no {mode.__name__} twin")
        maker, drive, shown = self._makers[mode]
        method = maker(self._flow, drive)
        functools.update_wrapper(method, self._flow)
        method.__name__ = self._name
        method.__qualname__ = public_name(self._flow)
        del method.__wrapped__  # type: ignore[attr-defined]  # help() and inspect show the signature below
        signature = _with_call_options(inspect.signature(self._flow))
        returns = _returns(signature.return_annotation, shown)
        method.__signature__ = signature.replace(return_annotation=returns)  # type: ignore[attr-defined]
        method.__annotations__ = {**self._flow.__annotations__, "return": returns}
        self._made[mode] = method
        return method


class twin(_ModeMethods[P, Flow[T]]):
    """`get = twin(_get)`: the method of each mode made from the flow method `_get`."""

    _makers: ClassVar[dict[type[Mode], Maker]] = {
        Sync: (_blocking, run_sync, "{}"),
        Async: (_awaited, run_async, "{}"),
        RawSync: (_blocking, run_raw_sync, "RawResponse[{}]"),
        RawAsync: (_awaited, run_raw_async, "RawResponse[{}]"),
    }

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, obj: Moded[Sync], owner: type | None = None) -> Callable[P, T]: ...
    @overload
    def __get__(self, obj: Moded[Async], owner: type | None = None) -> Callable[P, Coroutine[Any, Any, T]]: ...
    @overload
    def __get__(self, obj: Moded[RawSync], owner: type | None = None) -> Callable[P, RawResponse[T]]: ...
    @overload
    def __get__(
        self, obj: Moded[RawAsync], owner: type | None = None
    ) -> Callable[P, Coroutine[Any, Any, RawResponse[T]]]: ...

    def __get__(self, obj: Moded[Any] | None, owner: type | None = None) -> Any:
        return self._bound(obj)


class iterator(_ModeMethods[P, ItemFlow[T]]):
    """`iter_search = iterator(_iter_search)`: the iterator of each plain mode made from an item flow method
    (a raw response has one answer: the raw modes have no iterators)."""

    _makers: ClassVar[dict[type[Mode], Maker]] = {
        Sync: (_stepping(stepped_sync), iterate_sync, "Iterator[{}]"),
        Async: (_stepping(stepped_async), iterate_async, "AsyncIterator[{}]"),
    }

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, obj: Moded[Sync], owner: type | None = None) -> Callable[P, Generator[T, None, None]]: ...
    @overload
    def __get__(self, obj: Moded[Async], owner: type | None = None) -> Callable[P, AsyncGenerator[T, None]]: ...

    def __get__(self, obj: Moded[Any] | None, owner: type | None = None) -> Any:
        return self._bound(obj)
