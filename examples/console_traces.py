"""Traces of tbapi's calls printed to the console, with the OpenTelemetry SDK's console exporter.

    pip install 'tbapi-sdk[otel]' opentelemetry-sdk
    python examples/console_traces.py                 # the bundled mock
    python examples/console_traces.py --live

tbapi reports through the global OpenTelemetry providers: configure an SDK (here a `TracerProvider` printing
each finished span) and every call is a span — `top taobao.products.search`, `shanjing items.get` — with one
HTTP client span per request under it (retries, bans, waits and token refreshes as its events), and a bulk
`get_many` a span over its calls. Your own span around them is their parent. Swap `ConsoleSpanExporter` for
an OTLP exporter to send them to Jaeger, Tempo or Honeycomb.
"""

from __future__ import annotations

import _support

import tbapi

with _support.needing("opentelemetry-sdk"):
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
    from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor

SAMPLE_IDS: list[int | str] = [689542173310 + n for n in range(3)]
SHOWN = ("tbapi.retries", "tbapi.request_id", "http.response.status_code", "url.full", "tbapi.bulk.ok", "error.type")


def one_line(span: ReadableSpan) -> str:
    """A span as one line: its name, duration, a few attributes (the exporter's default is a JSON document)."""
    took = ((span.end_time or 0) - (span.start_time or 0)) / 1e6
    attributes = span.attributes or {}
    shown = "  ".join(f"{key}={attributes[key]}" for key in SHOWN if key in attributes)
    events = "".join(f"\n      event {event.name} {dict(event.attributes or {})}" for event in span.events)
    return f"{span.name:<32} {took:8.1f} ms  {shown}{events}\n"


def configure_tracing() -> None:
    provider = TracerProvider(resource=Resource.create({"service.name": "price-monitor"}))
    provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter(formatter=one_line)))
    trace.set_tracer_provider(provider)


def main() -> None:
    args = _support.parser(__doc__.splitlines()[0]).parse_args()
    configure_tracing()
    tracer = trace.get_tracer("examples.console_traces")
    with _support.services(args.live), tracer.start_as_current_span("nightly prices"):
        with tbapi.TopClient() as top:
            top.products.search(fields=["product_id", "name"], q="优衣库", page_size=5)
        with tbapi.ShanjingClient() as shanjing:
            for result in shanjing.items.get_many(SAMPLE_IDS, concurrency=3):
                print(f"item {result.item_id}: {'ok' if result.ok else result.error}")


if __name__ == "__main__":
    main()
