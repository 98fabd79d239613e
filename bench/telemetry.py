"""Case "telemetry": what reporting through an OpenTelemetry SDK costs an async call, 64 in flight.

The variants run in a fresh interpreter (`python -m bench.telemetry URL ROUNDS`), where an SDK is configured as
an application would — a `TracerProvider` with a `BatchSpanProcessor`, a `MeterProvider` with a periodic reader,
both exporting to a no-op exporter — so that the global providers of the bench's own process stay untouched.
Each API's async client with telemetry on (two spans and a handful of metric points per call) and with
`telemetry=False`, interleaved rounds on one warm client each. Target: on ÷ off ≥ 0.9 (at most 10 % per call).

A third variant per API is the SDK's own floor (`SdkFloor`): the `telemetry=False` client with, around each
call, exactly the SDK operations a call must report and no tbapi code. It says whether the target can be met
at all with this SDK on this machine, and how much of telemetry's cost is tbapi's own (on ÷ floor).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from bench.cases import (
    ACCESS_TOKEN,
    APP_KEY,
    APP_SECRET,
    FIELDS,
    KEYWORD,
    QUERY,
    Result,
    Row,
    Target,
)
from bench.harness import AsyncCall, Samples, Server, interleaved_async, run_python

IN_FLIGHT = 64
VARIANTS = ("TOP", "Shanjing")
FLOOR = "the SDK's floor (telemetry=False + its spans and points)"


def configure_sdk() -> None:
    """The global providers of an application exporting its traces and metrics (to nowhere)."""
    from opentelemetry import metrics, trace
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import MetricExporter, MetricExportResult, PeriodicExportingMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class NoSpans(SpanExporter):
        def export(self, spans: Sequence[object]) -> SpanExportResult:  # type: ignore[override]
            return SpanExportResult.SUCCESS

    class NoMetrics(MetricExporter):
        def export(self, metrics_data: object, timeout_millis: float = 10_000, **kwargs: object) -> MetricExportResult:  # type: ignore[override]
            return MetricExportResult.SUCCESS

        def force_flush(self, timeout_millis: float = 10_000) -> bool:
            return True

        def shutdown(self, timeout_millis: float = 30_000, **kwargs: object) -> None:
            return None

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(BatchSpanProcessor(NoSpans()))
    trace.set_tracer_provider(tracer_provider)
    reader = PeriodicExportingMetricReader(NoMetrics(), export_interval_millis=5_000)
    metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))


class SdkFloor:
    """The OpenTelemetry SDK's floor under what a call must report (the spans and metrics docs/observability.md
    lists): exactly its SDK operations, made around a `telemetry=False` client's call with every value in hand and
    no tbapi code. The call's INTERNAL span (its attributes at the start, the service's request id at the end where
    it gives one), one CLIENT span under it for the request on the wire (made when the answer is in, with its start
    time, as tbapi makes it) and the two histogram points (`http.client.request.duration`,
    `tbapi.client.call.duration`), with the attributes docs/observability.md and the HTTP semantic conventions name.
    Telemetry on cannot cost less than this."""

    def __init__(self, api: str, operation: str, method: str, url: str, request_id: str | None) -> None:
        from opentelemetry import metrics, trace

        from tbapi._telemetry.otel import DURATION_BUCKETS  # the same buckets (a constant, no tbapi code per call)

        self.tracer = trace.get_tracer("bench.floor")
        meter = metrics.get_meter("bench.floor")
        self.request_duration = meter.create_histogram(
            "http.client.request.duration", unit="s", explicit_bucket_boundaries_advisory=DURATION_BUCKETS
        )
        self.call_duration = meter.create_histogram(
            "tbapi.client.call.duration", unit="s", explicit_bucket_boundaries_advisory=DURATION_BUCKETS
        )
        labels = {"tbapi.api": api, "tbapi.operation": operation}
        parts = urlsplit(url)
        http = {
            "http.request.method": method,
            "server.address": parts.hostname,
            "server.port": parts.port,
            "http.response.status_code": 200,
        }
        self.name, self.method, self.request_id = f"{api} {operation}", method, request_id
        self.call_attributes: dict[str, Any] = {**labels, "tbapi.retries": 0}
        self.request_attributes: dict[str, Any] = {**http, "url.full": url}
        self.request_labels: dict[str, Any] = {**http, **labels}
        self.call_labels: dict[str, Any] = {**labels, "tbapi.outcome": "ok"}

    def around(self, call: AsyncCall) -> AsyncCall:
        from opentelemetry.trace import SpanKind, set_span_in_context

        tracer = self.tracer

        async def reported() -> object:
            started = time.perf_counter()
            span = tracer.start_span(self.name, attributes=self.call_attributes)
            sent, sent_ns = time.perf_counter(), time.time_ns()
            result = await call()
            answered = time.perf_counter()
            request = tracer.start_span(
                self.method,
                context=set_span_in_context(span),
                kind=SpanKind.CLIENT,
                attributes=self.request_attributes,
                start_time=sent_ns,
            )
            request.end()
            self.request_duration.record(answered - sent, self.request_labels)
            if self.request_id is not None:
                span.set_attribute("tbapi.request_id", self.request_id)
            span.end()
            self.call_duration.record(time.perf_counter() - started, self.call_labels)
            return result

        return reported


# The floor's values: what tbapi reports of these calls (the URLs as sent, their credentials redacted).
TOP_SENT = (
    "/router/rest?method=taobao.products.search&app_key=12345678&timestamp=2026-01-01%2000%3A00%3A00&v=2.0"
    "&format=json&sign_method=hmac-sha256&sign=[redacted]"
)
SHANJING_SENT = (
    "/rest/taobao-global/traffic/item/search?keyword=%E7%BA%AF%E6%A3%89%E7%9F%AD%E8%A2%96T%E6%81%A4"
    "&page_no=1&page_size=20&language=en"
)


async def measure(base: str, rounds: int) -> dict[str, list[float]]:
    import tbapi

    configure_sdk()
    top_url = base + "/router/rest"
    async with (
        tbapi.AsyncTopClient(app_key=APP_KEY, app_secret=APP_SECRET, base_url=top_url) as top_on,
        tbapi.AsyncTopClient(app_key=APP_KEY, app_secret=APP_SECRET, base_url=top_url, telemetry=False) as top_off,
        tbapi.AsyncShanjingClient(access_token=ACCESS_TOKEN, base_url=base) as sj_on,
        tbapi.AsyncShanjingClient(access_token=ACCESS_TOKEN, base_url=base, telemetry=False) as sj_off,
    ):

        def top_call(client: tbapi.AsyncTopClient) -> AsyncCall:
            async def call() -> object:
                return await client.products.search(fields=FIELDS, q=QUERY, page_no=1, page_size=100)

            return call

        def sj_call(client: tbapi.AsyncShanjingClient) -> AsyncCall:
            async def call() -> object:
                return await client.items.search(KEYWORD, page_no=1, page_size=20, language="en")

            return call

        top_floor = SdkFloor("top", "taobao.products.search", "POST", base + TOP_SENT, "3ojvs5bdxsyu")
        sj_floor = SdkFloor("shanjing", "items.search", "GET", base + SHANJING_SENT, None)
        variants = {
            "TOP, telemetry on": top_call(top_on),
            "TOP, telemetry off": top_call(top_off),
            f"TOP, {FLOOR}": top_floor.around(top_call(top_off)),
            "Shanjing, telemetry on": sj_call(sj_on),
            "Shanjing, telemetry off": sj_call(sj_off),
            f"Shanjing, {FLOOR}": sj_floor.around(sj_call(sj_off)),
        }
        samples = await interleaved_async(variants, rounds=rounds, total=640, concurrency=IN_FLIGHT)
    return {name: s.values for name, s in samples.items()}


def telemetry(server: Server, *, rounds: int) -> Result:
    code = f"from bench.telemetry import main; main({server.http!r}, {rounds})"
    measured: dict[str, list[float]] = json.loads(run_python(code, timeout=600))
    samples = {}
    for name, values in measured.items():
        s = Samples()
        for value in values:
            s.add_round([value])
        samples[name] = s
    median = {name: s.median for name, s in samples.items()}
    rows = [
        Row(f"{name}, {IN_FLIGHT} in flight", s.median, "calls/s", s.spread, note=_against(name, median))
        for name, s in samples.items()
    ]
    targets = [
        Target(
            f"Async{api} with an SDK configured ÷ telemetry=False, {IN_FLIGHT} in flight",
            median[f"{api}, telemetry on"] / median[f"{api}, telemetry off"],
            0.9,
            True,
        )
        for api in VARIANTS
    ]
    floors = ", ".join(f"{api} {median[f'{api}, {FLOOR}'] / median[f'{api}, telemetry off']:.2f}" for api in VARIANTS)
    shares = ", ".join(f"{api} {median[f'{api}, telemetry on'] / median[f'{api}, {FLOOR}']:.2f}" for api in VARIANTS)
    floor_note = (
        f"telemetry: the OpenTelemetry SDK's floor — its two spans and two histogram points around a "
        f"telemetry=False call, no tbapi code — ÷ telemetry=False: {floors}. Under 0.9, no code reporting what "
        f"a call must report through this SDK can meet the 10 % target here; tbapi's own share is on ÷ floor: "
        f"{shares}."
    )
    return Result(
        "telemetry",
        f"Telemetry on (an OpenTelemetry SDK, no-op exporters) against telemetry=False, async, {IN_FLIGHT} in flight",
        rows,
        targets,
        [
            f"{rounds} interleaved rounds of 640 calls per variant in a fresh interpreter with the SDK configured "
            "(BatchSpanProcessor and a periodic metric reader, both exporting to a no-op exporter); the clients on "
            "their default transport (aiohttp).",
            "The SDK's floor: `SdkFloor` in bench/telemetry.py, the SDK operations alone around the telemetry=False "
            "client's call, with the values tbapi reports already in hand.",
        ],
        target_notes=[floor_note],
    )


def _against(name: str, median: dict[str, float]) -> str:
    """The note of a variant's row: telemetry on and the floor against telemetry=False, and on against the floor."""
    api, _, variant = name.partition(", ")
    if variant == "telemetry off":
        return ""
    note = f"{median[name] / median[f'{api}, telemetry off']:.2f}x off"
    if variant == "telemetry on":
        note += f", {median[name] / median[f'{api}, {FLOOR}']:.2f}x the floor"
    return note


def main(base: str, rounds: int) -> None:
    print(json.dumps(asyncio.run(measure(base, rounds))))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
