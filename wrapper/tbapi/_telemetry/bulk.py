"""A bulk run (`get_many`) as one span over its calls, its results counted as they come.

    shanjing items.get_many            tbapi.bulk.ids, .concurrency, .ok, .failed, .skipped
      ├ shanjing items.get             each id's call (retries, waits, its requests under it)
      └ …

`BulkTrace.counted` wraps the run's item flow (effects and cancellations pass through untouched) and
`BulkTrace.job` each call's flow, which makes the run current where the call runs — a task of the async
client, a worker thread or the event loop thread of the sync one — so each call's span starts under it.
Skipped: the ids whose call never ended because the run was stopped early (a `break`, Ctrl-C).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .._engine.flow import Flow, advance
from .._engine.twins import Emit, ItemFlow
from .calls import ERROR, OK, Telemetry, made_current, parent_context

T = TypeVar("T")
R = TypeVar("R")


def bulk_trace(telemetry: Telemetry | None, operation: str, ids: int, concurrency: int) -> BulkTrace | None:
    """The trace of a bulk run, or None when its client does not report through OpenTelemetry, or no SDK is
    set as the run is made (the hooks get each call's record already)."""
    if telemetry is None or telemetry.reporting() is None:
        return None
    return BulkTrace(telemetry, operation, ids, concurrency)


class BulkTrace:
    def __init__(self, telemetry: Telemetry, operation: str, ids: int, concurrency: int) -> None:
        self.telemetry, self.operation, self.ids, self.concurrency = telemetry, operation, ids, concurrency
        self.ok = self.failed = 0
        self.labels = {"tbapi.api": telemetry.api, "tbapi.operation": operation}
        # each item's count: its attributes made once per run
        self._outcomes = {ok: {**self.labels, "tbapi.outcome": OK if ok else ERROR} for ok in (True, False)}
        self.span: Any = None  # started with the run, not when the iterator is made
        self._as_parent: Any = None  # the context its calls' spans start in, made with its span

    def as_parent(self) -> Any:
        """The context that makes the run's span the parent of its calls' (None until the run starts)."""
        return self._as_parent

    def job(self, flow: Flow[T]) -> Flow[T]:
        """`flow` (one id's call) with this run as the current trace where it runs."""
        with made_current(self):
            return (yield from flow)

    def counted(self, flow: ItemFlow[R], ok: Callable[[R], bool]) -> ItemFlow[R]:
        """`flow`, the run, with each value it emits counted (`ok(value)`), inside the run's span."""
        otel = self.telemetry.otel
        assert otel is not None  # see `bulk_trace`
        attributes = {**self.labels, "tbapi.bulk.ids": self.ids, "tbapi.bulk.concurrency": self.concurrency}
        self.span = otel.start_span(f"{self.telemetry.api} {self.operation}", parent_context(), attributes)
        self._as_parent = otel.parent_context(self.span)
        stopped: BaseException | None = None
        try:
            done, value = advance(flow, None, None)
            while not done:
                if isinstance(value, Emit):
                    self._count(ok(value.value))
                try:
                    result, error = (yield value), None
                except BaseException as exc:  # for the run to handle: it stops its calls (Cancelled) or fails
                    result, error = None, exc
                done, value = advance(flow, result, error)
        except BaseException as exc:
            stopped = exc
            raise
        finally:
            self._end(stopped)
        return value  # type: ignore[no-any-return]

    def _count(self, ok: bool) -> None:
        if ok:
            self.ok += 1
        else:
            self.failed += 1
        self.telemetry.otel.bulk_items.add(1, self._outcomes[ok])  # type: ignore[union-attr]

    def _end(self, stopped: BaseException | None) -> None:
        otel = self.telemetry.otel
        assert otel is not None
        skipped = self.ids - self.ok - self.failed
        if skipped:
            otel.bulk_items.add(skipped, {**self.labels, "tbapi.outcome": "skipped"})
        span = self.span
        span.set_attribute("tbapi.bulk.ok", self.ok)
        span.set_attribute("tbapi.bulk.failed", self.failed)
        span.set_attribute("tbapi.bulk.skipped", skipped)
        if stopped is not None:
            otel.failed(span, type(stopped).__name__, "the run was stopped early")
        span.end()
