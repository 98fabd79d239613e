"""The OpenTelemetry side: the tracer and the instruments, through the global providers.

Imported only when a client reports and `opentelemetry` is importable (`pip install 'tbapi-sdk[otel]'`, the API
alone): until the application configures an SDK the global providers are OpenTelemetry's no-op proxies, and
from the moment it does, everything made here reports through it. Made once per process (`instruments`).

Metrics (attributes: `tbapi.api`, `tbapi.operation`, `tbapi.outcome`, `error.type` — never an id):
    http.client.request.duration   s         each request on the wire (with the HTTP semantic conventions' attributes)
    tbapi.client.call.duration     s         a call from start to end, retries and waits included; its count is
                                             the calls by outcome (one instrument where two would cost twice)
    tbapi.client.retries           {retry}   retries made
    tbapi.rate_limit.bans          {ban}     throttling answers (a TOP ban, an HTTP 429) that paused a rate limit
    tbapi.rate_limit.wait.duration s         each wait for a rate-limit slot (those that waited)
    tbapi.rate_limit.rate          {call}/s  each `RateLimiter`'s current pacing rate (a gauge, with its limit)
    tbapi.token.refreshes          {refresh} Shanjing token refreshes by outcome, `tbapi.token.ahead`
    tbapi.bulk.items               {item}    `get_many` results: ok, failed, skipped (left when the run stopped)
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from opentelemetry import metrics, trace
from opentelemetry.context import Context
from opentelemetry.metrics import CallbackOptions, Observation
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from .._logs import redact
from .._version import __version__

if TYPE_CHECKING:
    from .._ratelimit.limiter import RateLimit

# The HTTP semantic conventions' advice for `http.client.request.duration`, used for every duration here.
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
SCOPE = "tbapi"
# The API's own meter provider, the global one until an SDK is set (`sdk_set`). The API does not export its class:
# should a later version move it, every meter provider counts as an SDK (the slower path, which reports the same).
DEFAULT_METER_PROVIDER: type | tuple[()] = getattr(getattr(metrics, "_internal", None), "_ProxyMeterProvider", ())


def _public_sdk_check() -> bool:
    """Whether a global provider other than the API's own is set, through the API's public getters: ≈ 17 k
    instructions (each first looks for its environment variable, a `KeyError` caught)."""
    traces = not isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)
    return traces or not isinstance(metrics.get_meter_provider(), DEFAULT_METER_PROVIDER)


def _sdk_check() -> Callable[[], bool]:
    """The check `Instruments.configured` makes on every call until an SDK is set. The API's proxies themselves
    ask whether its two module globals are still None (set once, by `set_tracer_provider` and
    `set_meter_provider`, or by the getters from the environment variables — the getters ran when the instruments
    were made): read here as the proxies do, ≈ 0.3 k instructions against the public getters' ≈ 17 k — a call's
    whole telemetry cost without an SDK. These are the API's own names, not its public ones: should a later
    version move them, the public getters answer (the same answer, slower); a test pins which check runs."""
    meter_state: Any = getattr(metrics, "_internal", None)
    if not hasattr(trace, "_TRACER_PROVIDER") or not hasattr(meter_state, "_METER_PROVIDER"):
        return _public_sdk_check
    return lambda: trace._TRACER_PROVIDER is not None or meter_state._METER_PROVIDER is not None


sdk_set = _sdk_check()


def _seconds(meter: metrics.Meter, name: str, description: str) -> metrics.Histogram:
    """A histogram of durations in seconds, on the buckets every duration here shares."""
    return meter.create_histogram(
        name, unit="s", description=description, explicit_bucket_boundaries_advisory=DURATION_BUCKETS
    )


class Instruments:
    """The process's tracer and instruments (see the module docstring)."""

    def __init__(self) -> None:
        self.tracer = trace.get_tracer(SCOPE, __version__)
        meter = metrics.get_meter(SCOPE, __version__)
        self.request_duration = _seconds(meter, "http.client.request.duration", "Duration of HTTP client requests.")
        self.call_duration = _seconds(
            meter,
            "tbapi.client.call.duration",
            "Duration of calls, retries and waits included (its count: calls by outcome).",
        )
        self.retries = meter.create_counter("tbapi.client.retries", unit="{retry}", description="Retries made.")
        self.bans = meter.create_counter(
            "tbapi.rate_limit.bans", unit="{ban}", description="Throttling answers that paused a rate limit."
        )
        self.wait = _seconds(meter, "tbapi.rate_limit.wait.duration", "Waits for a rate-limit slot.")
        self.refreshes = meter.create_counter(
            "tbapi.token.refreshes", unit="{refresh}", description="Access token refreshes by outcome."
        )
        self.bulk_items = meter.create_counter(
            "tbapi.bulk.items", unit="{item}", description="Results of bulk runs: ok, failed, skipped."
        )
        self._configured = False  # see `configured`
        self._rate_limits: weakref.WeakKeyDictionary[RateLimit, str] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()  # clients add rate limits while the metric reader's thread reads them
        meter.create_observable_gauge(
            "tbapi.rate_limit.rate",
            callbacks=[self._observe_rates],
            unit="{call}/s",
            description="The rate a RateLimiter paces its calls at now (lowered after bans).",
        )

    def configured(self) -> bool:
        """Whether the application has set an SDK: a global tracer or meter provider other than the API's own
        proxies. Until it does, those proxies drop all that is made here, so a call makes none of it (its
        `CallTrace`, spans, measurements). Asked as each call starts: an SDK set after a client was made reports
        from the client's next call on. A global provider is set once per process and never replaced, so a yes
        is kept (`sdk_set` tells how a no is found)."""
        if not self._configured:
            self._configured = sdk_set()
        return self._configured

    def start_span(self, name: str, parent: Context | None, attributes: Mapping[str, Any]) -> Span:
        """An INTERNAL span under `parent` (a `parent_context`; None: under the application's current span),
        ended by the caller."""
        return self.tracer.start_span(name, context=parent, attributes=attributes)

    @staticmethod
    def parent_context(span: Span) -> Context:
        """The context that makes `span` the parent of the spans started in it. Made once per parent and
        reused by each span under it (a context is immutable): a bulk run's calls share their run's."""
        return trace.set_span_in_context(span)

    def record_span(
        self, name: str, parent: Context, attributes: Mapping[str, Any], start_ns: int, failure: object | None
    ) -> None:
        """A CLIENT span under `parent` (a `parent_context`) that began at `start_ns` (epoch nanoseconds) and ends
        now; `failure`: the message of the error it ended with (its class is the attributes' `error.type`)."""
        span = self.tracer.start_span(
            name,
            context=parent,
            kind=SpanKind.CLIENT,
            attributes=attributes,
            start_time=start_ns,
        )
        if failure is not None:
            span.set_status(Status(StatusCode.ERROR, redact(str(failure))))
        span.end()

    @staticmethod
    def failed(span: Span, kind: str, message: object) -> None:
        """Mark `span` failed with the tbapi error class `kind`; the status says the error's (redacted) message."""
        span.set_attribute("error.type", kind)
        span.set_status(Status(StatusCode.ERROR, redact(str(message))))

    def watch(self, rate_limit: RateLimit, api: str) -> None:
        """Report the rate of `rate_limit`, if it is a `RateLimiter`, in `tbapi.rate_limit.rate` while a client
        holds it."""
        if rate_limit.limit is None:
            return
        with self._lock:
            self._rate_limits.setdefault(rate_limit, api)

    def _observe_rates(self, options: CallbackOptions) -> Iterable[Observation]:
        """Each limiter's rate, with its API, key (the Redis key of a shared one, else "local") and configured
        limit; of several limiters with the same three, the tightest."""
        lowest: dict[tuple[str, str, float], float] = {}
        with self._lock:
            watched = list(self._rate_limits.items())
        for rate_limit, api in watched:
            rate, limit = rate_limit.pacing_rate, rate_limit.limit
            if rate is not None and limit is not None:
                key = (api, rate_limit.name, limit)
                lowest[key] = min(rate, lowest.get(key, rate))
        return [
            Observation(rate, {"tbapi.api": api, "tbapi.rate_limit.key": key, "tbapi.rate_limit.limit": limit})
            for (api, key, limit), rate in lowest.items()
        ]


@functools.cache
def instruments() -> Instruments:
    return Instruments()
