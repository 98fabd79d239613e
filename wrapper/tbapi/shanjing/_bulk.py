"""`get_many`: one call per id, `concurrency` in flight, each id's result — model or error — as it completes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

import attrs

from .._engine.fanout import LoopSide, fan_out, on_loop
from .._engine.flow import Flow
from .._engine.twins import ItemFlow
from .._exceptions import TbapiError, ValidationError
from .._support.validation import int_in_range
from .._telemetry.bulk import bulk_trace
from .._telemetry.calls import Telemetry
from ._args import int_id

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
    ids: Iterable[int | str],
    concurrency: int,
    fetch: Callable[[int], Flow[T]],
    loop: LoopSide | None = None,
    *,
    what: str,
    telemetry: Telemetry | None = None,
) -> ItemFlow[BulkResult[T]]:
    """`fetch(id)` for each distinct id, at most `concurrency` at once; a `BulkResult` as each completes.

    `loop`: the sync client's, to run the fan-out on an event loop (`tbapi._engine.fanout.on_loop`), not in threads.
    `what` names the run (`items.get_many`) in the telemetry of the client (`telemetry`, if it reports)."""
    limit = int_in_range("concurrency", concurrency, 1, MAX_CONCURRENCY)
    unique = checked_ids(ids)
    trace = bulk_trace(telemetry, what, len(unique), limit)
    jobs = (
        (given, fetch(item_id) if trace is None else trace.job(fetch(item_id))) for item_id, given in unique.items()
    )
    run: ItemFlow[BulkResult[T]] = (
        fan_out(jobs, limit, BulkResult)
        if loop is None
        else on_loop(loop, lambda via: fan_out(jobs, limit, BulkResult, via), limit)
    )
    return run if trace is None else trace.counted(run, _ok)


def _ok(result: BulkResult[Any]) -> bool:
    return result.ok
