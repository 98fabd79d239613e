"""The metrics a fleet operator watches, in Prometheus, from tbapi's `on_call` / `on_attempt` hooks.

    pip install tbapi-sdk prometheus-client
    python examples/prometheus_metrics.py                      # the bundled mock; prints the metrics
    python examples/prometheus_metrics.py --live --serve 9464  # and serves them on :9464/metrics until Ctrl-C

Every client takes `on_call=` (a `tbapi.CallRecord` per call: operation, attempts, retries, duration, outcome,
status, request id, rate-limit wait, error class and code) and `on_attempt=` (a `tbapi.AttemptRecord` per request
on the wire). Neither holds a secret or an id worth a label: the labels below are the API, the operation and
the outcome, which stay few. With OpenTelemetry instead (`pip install 'tbapi-sdk[otel]'` and an SDK with a Prometheus
exporter), tbapi reports the same through the global meter provider: README, "Observability".
"""

from __future__ import annotations

import time

import _support

import tbapi

with _support.needing("prometheus-client"):
    from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, start_http_server

SAMPLE_IDS: list[int | str] = [689542173310 + n for n in range(8)]
LABELS = ("api", "operation", "outcome")


class FleetMetrics:
    """The Prometheus metrics of a fleet's tbapi calls, fed by the clients' hooks."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.calls = Counter("tbapi_calls", "Calls by outcome.", LABELS, registry=registry)
        self.call_seconds = Histogram(
            "tbapi_call_seconds", "Calls, retries and waits included.", LABELS[:2], registry=registry
        )
        self.retries = Counter("tbapi_retries", "Retries made.", LABELS[:2], registry=registry)
        self.rate_limit_wait = Counter(
            "tbapi_rate_limit_wait_seconds", "Time waited for the rate limit.", LABELS[:2], registry=registry
        )
        self.requests = Histogram(
            "tbapi_request_seconds", "Requests on the wire by HTTP status.", (*LABELS[:2], "status"), registry=registry
        )

    def on_call(self, call: tbapi.CallRecord) -> None:
        self.calls.labels(call.api, call.operation, call.outcome).inc()
        self.call_seconds.labels(call.api, call.operation).observe(call.duration)
        self.retries.labels(call.api, call.operation).inc(call.retries)
        self.rate_limit_wait.labels(call.api, call.operation).inc(call.rate_limit_wait)

    def on_attempt(self, attempt: tbapi.AttemptRecord) -> None:
        status = str(attempt.status) if attempt.status is not None else "none"
        self.requests.labels(attempt.api, attempt.operation, status).observe(attempt.duration)


def main() -> None:
    parser = _support.parser(__doc__.splitlines()[0])
    parser.add_argument("--serve", type=int, metavar="PORT", help="serve /metrics on this port until Ctrl-C")
    args = parser.parse_args()
    registry = CollectorRegistry()
    fleet = FleetMetrics(registry)
    hooks = {"on_call": fleet.on_call, "on_attempt": fleet.on_attempt, "rate_limit": 20}
    if args.serve:
        start_http_server(args.serve, registry=registry)
    with _support.services(args.live), tbapi.ShanjingClient(**hooks) as shanjing, tbapi.TopClient(**hooks) as top:
        failed = sum(not result.ok for result in shanjing.items.get_many(SAMPLE_IDS, concurrency=4))
        top.products.search(fields=["product_id", "name"], q="优衣库", page_size=5)
        print(f"{len(SAMPLE_IDS) - failed} item(s) fetched, {failed} failed\n")
        print(generate_latest(registry).decode())
        while args.serve:
            time.sleep(60)


if __name__ == "__main__":
    main()
