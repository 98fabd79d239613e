"""An OpenTelemetry SDK for the telemetry tests: an in-memory span exporter and metric reader, set as the global
providers (where tbapi reports) once per session, and recording only while a test of this folder runs.

The global providers can be set once per process: outside these tests a sampler drops every span at its start
and the metric reader's deltas are dropped by the next test here, so the rest of the suite pays (almost)
nothing and keeps nothing.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from opentelemetry import metrics, trace
from opentelemetry.context import Context
from opentelemetry.sdk.metrics import Counter, Histogram, MeterProvider
from opentelemetry.sdk.metrics.export import AggregationTemporality, InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ALWAYS_ON, Sampler, SamplingResult
from opentelemetry.trace import Link, SpanKind, TraceState
from opentelemetry.util.types import Attributes

from tests.unit.shanjing.conftest import FakeShanjing


class WhileRecording(Sampler):
    """Samples every span while `on`, none otherwise."""

    def __init__(self) -> None:
        self.on = False

    def should_sample(
        self,
        parent_context: Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: TraceState | None = None,
    ) -> SamplingResult:
        sampler = ALWAYS_ON if self.on else ALWAYS_OFF
        return sampler.should_sample(parent_context, trace_id, name, kind, attributes, links, trace_state)

    def get_description(self) -> str:
        return "WhileRecording"


class Telemetry:
    """What tbapi reported during the test: finished spans, and the metrics' points since the test began."""

    def __init__(self) -> None:
        self.sampler = WhileRecording()
        self.since = 0
        self.exporter = InMemorySpanExporter()
        delta = AggregationTemporality.DELTA
        self.reader = InMemoryMetricReader(preferred_temporality={Counter: delta, Histogram: delta})
        tracer_provider = TracerProvider(sampler=self.sampler)
        tracer_provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        trace.set_tracer_provider(tracer_provider)
        metrics.set_meter_provider(MeterProvider(metric_readers=[self.reader]))

    def start(self) -> None:
        # A flow an earlier test left suspended (a bulk job stopped before it ran) ends its call when it is
        # collected: collected now, it cannot end it in this test's spans and metrics.
        gc.collect()
        self.since = time.time_ns()
        self.exporter.clear()
        self.reader.get_metrics_data()  # drops the deltas of whatever ran before
        self.sampler.on = True

    def stop(self) -> None:
        self.sampler.on = False

    def spans(self) -> tuple[ReadableSpan, ...]:
        """The spans of this test: one an earlier test began (a job it stopped, ending late) is not."""
        return tuple(span for span in self.exporter.get_finished_spans() if (span.start_time or 0) >= self.since)

    def named(self, name: str) -> list[ReadableSpan]:
        return [span for span in self.spans() if span.name == name]

    def one(self, name: str) -> ReadableSpan:
        (span,) = self.named(name)
        return span

    def children(self, parent: ReadableSpan) -> list[ReadableSpan]:
        assert parent.context is not None
        return [s for s in self.spans() if s.parent is not None and s.parent.span_id == parent.context.span_id]

    def points(self) -> dict[str, list[tuple[dict[str, Any], float]]]:
        """Every metric reported since the test began: name → [(attributes, value or histogram count)]."""
        found: dict[str, list[tuple[dict[str, Any], float]]] = {}
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data is not None else []:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    for point in metric.data.data_points:
                        value = point.count if hasattr(point, "count") else point.value
                        found.setdefault(metric.name, []).append((dict(point.attributes or {}), value))
        return found


def events(span: ReadableSpan) -> list[tuple[str, dict[str, Any]]]:
    return [(event.name, dict(event.attributes or {})) for event in span.events]


def attributes(span: ReadableSpan) -> dict[str, Any]:
    return dict(span.attributes or {})


@pytest.fixture(scope="session")
def sdk() -> Telemetry:
    return Telemetry()


@pytest.fixture
def otel(sdk: Telemetry) -> Iterator[Telemetry]:
    """The OpenTelemetry SDK recording what this test's clients report."""
    sdk.start()
    try:
        yield sdk
    finally:
        sdk.stop()


@pytest.fixture
def fake() -> FakeShanjing:
    """A scripted Shanjing service (`tests/unit/shanjing/conftest.py`)."""
    return FakeShanjing()


@pytest.fixture(autouse=True)
def no_tbapi_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here sees the developer's own `TBAPI_*` settings."""
    for name in [name for name in os.environ if name.startswith("TBAPI_")]:
        monkeypatch.delenv(name)
