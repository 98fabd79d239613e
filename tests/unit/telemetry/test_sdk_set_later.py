"""Until an OpenTelemetry SDK is set a call makes no span or measurement (the API's proxies would drop them); an
SDK the application sets after its clients were made reports from their next call on, hooks all along.

Each test is a process of its own: the global providers can be set once per process, and the other tests of this
folder set them for the whole session (`conftest.py`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# A client made and called before any SDK is set, then the SDK's parts named by `SET` set through the API's
# public setters, then a call and a `get_many` run on the same client. Prints what was reported, as JSON.
SCRIPT = """
import json
import httpx
import tbapi
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

def service(request):
    return httpx.Response(200, json={"errorCode": None, "data": {"tbItemId": int(request.url.params["item_id"])}})

calls = []
http = httpx.Client(transport=httpx.MockTransport(service))
client = tbapi.ShanjingClient(access_token="t", base_url="https://shanjing.test", http_client=http, on_call=calls.append)
client.items.get(1)  # before: made with no SDK set
exporter, reader = InMemorySpanExporter(), InMemoryMetricReader()
if "traces" in SET:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
if "metrics" in SET:
    metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
client.items.get(2)
results = list(client.items.get_many([3, 4], concurrency=2))
client.close()

spans = {span.context.span_id: span for span in exporter.get_finished_spans()}
def parent(span):
    return spans[span.parent.span_id].name if span.parent is not None and span.parent.span_id in spans else ""
data = reader.get_metrics_data() if "metrics" in SET else None
points = sorted(
    (metric.name, point.attributes.get("tbapi.operation", ""), point.count if hasattr(point, "count") else point.value)
    for resource in (data.resource_metrics if data is not None else [])
    for scope in resource.scope_metrics
    for metric in scope.metrics
    for point in metric.data.data_points
)
print(json.dumps({
    "results": [result.ok for result in results],
    "calls": [call.operation for call in calls],
    "spans": sorted([span.name, parent(span)] for span in spans.values()),
    "points": points,
}))
"""

CALLS = ["items.get"] * 4  # every call's record, before the SDK and after
GET, RUN = "shanjing items.get", "shanjing items.get_many"
SPANS = sorted(
    [[GET, ""], ["GET", GET], *[[GET, RUN], ["GET", GET]] * 2, [RUN, ""]]  # the call, the run's two calls
)
POINTS = sorted(
    [
        ["http.client.request.duration", "items.get", 3],  # the requests of the calls after the SDK was set
        ["tbapi.bulk.items", "items.get_many", 2],
        ["tbapi.client.call.duration", "items.get", 3],
    ]
)


def reported(sdk_parts: str) -> dict[str, object]:
    code = f"SET = {sdk_parts!r}\n{textwrap.dedent(SCRIPT)}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    shown: dict[str, object] = json.loads(done.stdout)
    return shown


def test_an_sdk_set_after_a_client_was_made_reports_its_next_calls() -> None:
    assert reported("traces, metrics") == {"results": [True, True], "calls": CALLS, "spans": SPANS, "points": POINTS}


def test_an_sdk_of_metrics_alone_set_later_gets_the_metrics() -> None:
    assert reported("metrics") == {"results": [True, True], "calls": CALLS, "spans": [], "points": POINTS}


def test_an_sdk_of_traces_alone_set_later_gets_the_spans() -> None:
    assert reported("traces") == {"results": [True, True], "calls": CALLS, "spans": SPANS, "points": []}


def test_with_no_sdk_set_the_hooks_still_get_every_call() -> None:
    assert reported("") == {"results": [True, True], "calls": CALLS, "spans": [], "points": []}


def test_no_sdk_is_told_from_the_api_s_own_providers_and_either_sdk_part_ends_it() -> None:
    """The check each call makes (`Instruments.configured`), and the public getters' answer beside it at each step:
    on the pinned API it reads the API's own globals (`sdk_set` is not the public check); should a new API version
    move them, the public getters answer instead, and this test says so."""
    code = """
        from opentelemetry import metrics, trace
        from opentelemetry.sdk.metrics import MeterProvider
        from opentelemetry.sdk.trace import TracerProvider
        from tbapi._telemetry import otel

        first, second = otel.Instruments(), otel.Instruments()
        steps = [(first.configured(), otel._public_sdk_check())]
        metrics.set_meter_provider(MeterProvider())
        steps.append((first.configured(), otel._public_sdk_check()))
        trace.set_tracer_provider(TracerProvider())
        steps.append((second.configured(), otel._public_sdk_check()))
        print(otel.sdk_set is otel._public_sdk_check, *(f"{mine}/{public}" for mine, public in steps))
        """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False/False", "True/True", "True/True"]
