"""`get_many`: one call per id, `concurrency` in flight, each id's result — model or error — as it completes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterable
from typing import Any, Generic, TypeVar

import attrs

from .._engine.fanout import fan_out
from .._engine.flow import Flow
from .._engine.twins import Emit, ItemFlow
from .._exceptions import TbapiError, ValidationError
from .._support.validation import int_in_range
from .._telemetry.bulk import bulk_trace
from ._args import int_id
from ._core import Core, sibling_core
from ._relay import Connection, relayed

T = TypeVar("T")
MAX_CONCURRENCY = 256


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
