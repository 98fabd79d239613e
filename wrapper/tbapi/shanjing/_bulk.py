"""`get_many`: one call per id, `concurrency` in flight, each id's result — model or error — as it completes."""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import re
from collections.abc import Callable, Generator, Iterable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast

import attrs

from .._engine.call_options import NAMES
from .._engine.fanout import fan_out
from .._engine.flow import Flow
from .._engine.twins import PER_CALL, Emit, ItemFlow, public_name
from .._exceptions import TbapiError, ValidationError
from .._support.validation import int_id, int_in_range
from .._telemetry.bulk import bulk_trace
from ._core import Core, sibling_core
from ._relay import Connection, relayed

T = TypeVar("T")
S = ParamSpec("S")
MAX_CONCURRENCY = 256
DEFAULT_CONCURRENCY = 16  # get_many's and the CLI's --from: calls in flight unless told
FETCH = re.compile(r"Fetch\[(.*)\]")


@attrs.frozen
class BulkResult(Generic[T]):
    """The outcome of one id of a `get_many`: `.item` (the model) or `.error` (what its call ended with,
    after its retries) — exactly one of them is set. `.item_id` is the id as it was given."""

    item_id: int | str
    item: T | None
    error: TbapiError | None

    @property
    def ok(self) -> bool:
        return self.error is None


def checked_ids(ids: Iterable[int | str]) -> dict[int, int | str]:
    """Every id checked before anything is sent: {id: the id as given}, each id once, in the given order."""
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise ValidationError("ids", f"must be an iterable of item ids, got {type(ids).__name__}")
    unique: dict[int, int | str] = {}
    for index, given in enumerate(ids):
        unique.setdefault(int_id(f"ids[{index}]", given), given)
    return unique


def get_many(
    core: Core,
    ids: Iterable[int | str],
    concurrency: int,
    fetch: Callable[[Core, int], Flow[T]],
    *,
    what: str,
) -> ItemFlow[BulkResult[T]]:
    """`fetch(core, id)` for each distinct id, at most `concurrency` at once; a `BulkResult` as each completes.

    A sync client on its own pool (`core.sibling_http`) runs them as tasks of an event loop in a background
    thread, over its sibling pool (`_relay.py`); its item flow then only emits what that loop hands over.
    `what` names the run (`items.get_many`) in the client's telemetry: one span over its calls, its results
    counted (`tbapi._telemetry.bulk`)."""
    limit = int_in_range("concurrency", concurrency, 1, MAX_CONCURRENCY)
    unique = checked_ids(ids)
    trace = bulk_trace(core.options.reporting, what, len(unique), limit)

    def fetched(on: Core) -> ItemFlow[BulkResult[T]]:
        calls = ((given, fetch(on, item_id)) for item_id, given in unique.items())
        jobs = calls if trace is None else ((given, trace.job(call)) for given, call in calls)
        return fan_out(jobs, limit, BulkResult)

    sibling_http = core.sibling_http
    run: ItemFlow[BulkResult[T]]
    if sibling_http is None:
        run = fetched(core)
    else:

        def connect() -> Connection[Core]:
            http = sibling_http()
            return Connection(sibling_core(core, http), http.aclose)

        run = _emitted(relayed(connect, fetched, limit))
    return run if trace is None else trace.counted(run, _ok)


def _ok(result: BulkResult[Any]) -> bool:
    return result.ok


def _emitted(items: Generator[T, None, None]) -> ItemFlow[T]:
    """An item flow of a generator's items (stopped early, it closes the generator)."""
    with contextlib.closing(items):
        for item in items:
            yield Emit(item)


@dataclasses.dataclass(frozen=True)
class Many:
    """What every `get_many` takes besides its `get`'s options: the ids and how many calls are in flight."""

    ids: Iterable[int | str]
    _: dataclasses.KW_ONLY
    concurrency: int = DEFAULT_CONCURRENCY


Given = TypeVar("Given", bound=Many)
Fetch = Callable[[Core, int], Flow[T]]  # a flow of one id's call


def many(
    parameters: Callable[S, Given],
) -> Callable[[Callable[[Any, Given], Fetch[T]]], Callable[Concatenate[Any, S], ItemFlow[BulkResult[T]]]]:
    """`@many(GetMany)` on `def _get_many(self, given: GetMany) -> Fetch[X]`, which tells how one id is fetched
    with the options `given`: the item flow of that `get_many` (`get_many` above). Its parameters are the fields of
    the dataclass `GetMany` (a `Many` with the `get`'s options and the `PerCallFields`): a type checker reads them
    from there, `help()` and the twins from its signature, the per-call options in it as `**per_call`."""
    made: Any = parameters
    own = [p for p in inspect.signature(made).parameters.values() if p.name not in NAMES]
    per_call = inspect.Parameter(PER_CALL, inspect.Parameter.VAR_KEYWORD, annotation="Unpack[PerCall]")

    def making(fetch: Callable[[Any, Given], Fetch[T]]) -> Callable[Concatenate[Any, S], ItemFlow[BulkResult[T]]]:
        what = public_name(fetch)

        def flow(self: Any, /, *args: Any, **kwargs: Any) -> ItemFlow[BulkResult[T]]:
            try:
                given = made(*args, **kwargs)
            except TypeError as wrong:  # as Python words a wrong call of the flow (the dataclass's `__init__()`)
                raise TypeError(f"{fetch.__qualname__}(){str(wrong).split('()', 1)[-1]}") from None
            return get_many(self._core, given.ids, given.concurrency, fetch(self, given), what=what)

        match = FETCH.fullmatch(str(fetch.__annotations__["return"]))
        returns = f"ItemFlow[BulkResult[{match.group(1) if match else 'Any'}]]"
        shown = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD), *own, per_call]
        flow.__signature__ = inspect.Signature(shown, return_annotation=returns)  # type: ignore[attr-defined]
        flow.__annotations__ = {**{p.name: p.annotation for p in own}, PER_CALL: per_call.annotation, "return": returns}
        flow.__name__, flow.__qualname__, flow.__doc__ = fetch.__name__, fetch.__qualname__, fetch.__doc__
        flow.__module__ = fetch.__module__
        return cast(Callable[Concatenate[Any, S], ItemFlow[BulkResult[T]]], flow)

    return making
