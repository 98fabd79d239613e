"""Case "telemetry" (issue 24): what reporting through an OpenTelemetry SDK costs an async call, 64 in flight.

The variants run in a fresh interpreter (`python -m bench.telemetry URL ROUNDS`), where an SDK is configured as
an application would — a `TracerProvider` with a `BatchSpanProcessor`, a `MeterProvider` with a periodic reader,
both exporting to a no-op exporter — so that the global providers of the bench's own process stay untouched.
Each API's async client with telemetry on (two spans and a handful of metric points per call) and with
`telemetry=False`, interleaved rounds on one warm client each. Target: on ÷ off ≥ 0.9 (at most 10 % per call).
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Sequence

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

        variants = {
            "TOP, telemetry on": top_call(top_on),
            "TOP, telemetry off": top_call(top_off),
            "Shanjing, telemetry on": sj_call(sj_on),
            "Shanjing, telemetry off": sj_call(sj_off),
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
    rows = [Row(f"{name}, {IN_FLIGHT} in flight", s.median, "calls/s", s.spread) for name, s in samples.items()]
    targets = [
        Target(
            f"Async{api} with an SDK configured ÷ telemetry=False, {IN_FLIGHT} in flight",
            samples[f"{api}, telemetry on"].median / samples[f"{api}, telemetry off"].median,
            0.9,
            True,
        )
        for api in VARIANTS
    ]
    return Result(
        "telemetry",
        f"Telemetry on (an OpenTelemetry SDK, no-op exporters) against telemetry=False, async, {IN_FLIGHT} in flight",
        rows,
        targets,
        [
            f"{rounds} interleaved rounds of 640 calls per variant in a fresh interpreter with the SDK configured "
            "(BatchSpanProcessor and a periodic metric reader, both exporting to a no-op exporter); the clients on "
            "their default transport (aiohttp)."
        ],
    )


def main(base: str, rounds: int) -> None:
    print(json.dumps(asyncio.run(measure(base, rounds))))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
