"""A client's `Telemetry`, and one call as it is reported: `CallTrace` and the `AttemptTrace` of each request.

The retry loop (`tbapi._engine.retry.retrying`), where every call of both APIs passes once, starts a
`CallTrace` and makes it the current one (`current`, a context variable: it follows the call into the
tasks and threads its effects run in) while the call runs; the checked transport
(`tbapi._http.transport`), where every request passes, asks the current call for an `AttemptTrace`. A call
nested in another (the token refresh of a Shanjing call, the query of an `orders.create` recovery) is a
call of its own, under the outer one. With OpenTelemetry the call is an INTERNAL span named
`{api} {operation}` and each request a CLIENT span under it (the HTTP semantic conventions); with hooks
each ends as a record (`records.py`). A client that reports nothing has no `Telemetry`: its calls pay one
`None` check. Nor is a call traced while it would report to nothing: no hook, and no OpenTelemetry SDK set (the
API's proxies would drop all it made; `Instruments.configured`, asked as each call starts).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import time
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from .._logs import logger, redact, redact_secrets, redact_url
from .._support.context import holding, restore
from .records import AttemptHook, AttemptRecord, CallHook, CallRecord

if TYPE_CHECKING:
    from .._ratelimit.limiter import RateLimit
    from .otel import Instruments

OK, ERROR = "ok", "error"


@functools.cache
def otel_instruments() -> Instruments | None:
    """The process's OpenTelemetry instruments; None when `opentelemetry` is not installed (nothing of it is
    imported before a client that reports is made)."""
    try:
        from .otel import instruments
    except ImportError:
        return None
    return instruments()


# Bounds of the per-client caches below: a client's operations are its API's (tens), but a raw TOP call names
# any method, and a request any server; past the bound each call makes its own (the same values, uncached).
MAX_OPERATIONS = 512
MAX_REQUEST_SHAPES = 64

# What a request's duration is reported by: method, server address, port, scheme, HTTP status, error class.
RequestShape = tuple[str, str, int | None, str, int | None, str | None]


class Operation:
    """What every call of one operation of a client reports alike, made once: its span's name and starting
    attributes, its metrics' attributes, and those of its requests by `RequestShape`. The same dicts go to
    OpenTelemetry on every call: it only reads attributes it is given (the SDK copies what it keeps), and
    nothing here changes them once made. (Plain dicts: the SDK checks a read-only view's type on every use.)
    """

    __slots__ = ("_requests", "labels", "name", "ok_labels", "operation", "span_attributes")

    def __init__(self, api: str, operation: str) -> None:
        labels = {"tbapi.api": api, "tbapi.operation": operation}
        self.name = f"{api} {operation}"
        self.operation = operation
        self.labels: Mapping[str, Any] = labels  # the metrics' attributes
        # `tbapi.retries` is known at the start as 0 and set again only when the call retried.
        self.span_attributes: Mapping[str, Any] = {**labels, "tbapi.retries": 0}
        self.ok_labels: Mapping[str, Any] = {**labels, "tbapi.outcome": OK}
        self._requests: dict[RequestShape, tuple[dict[str, Any], Mapping[str, Any]]] = {}

    def request(self, shape: RequestShape) -> tuple[dict[str, Any], Mapping[str, Any]]:
        """The HTTP semantic conventions' attributes of a request of this `shape` (for its span, which adds its
        own) and its `http.client.request.duration` attributes (those and the operation's)."""
        made = self._requests.get(shape)
        if made is None:
            made = self._request(shape)
            if len(self._requests) < MAX_REQUEST_SHAPES:
                self._requests[shape] = made
        return made

    def _request(self, shape: RequestShape) -> tuple[dict[str, Any], Mapping[str, Any]]:
        method, host, port, scheme, status, kind = shape
        http: dict[str, Any] = {
            "http.request.method": method,
            "server.address": host,
            "server.port": port or (443 if scheme == "https" else 80),
        }
        if status is not None:
            http["http.response.status_code"] = status
        if kind is not None:
            http["error.type"] = kind
        return http, {**http, **self.labels}


class Telemetry:
    """How one client reports its calls: through OpenTelemetry (`otel`; None when turned off or not installed)
    and to its hooks."""

    def __init__(
        self, api: str, otel: Instruments | None, on_attempt: AttemptHook | None, on_call: CallHook | None
    ) -> None:
        self.api, self.otel, self.on_attempt, self.on_call = api, otel, on_attempt, on_call
        self.hooked = on_attempt is not None or on_call is not None
        self._operations: dict[str, Operation] = {}

    def reporting(self) -> Instruments | None:
        """The instruments a call starting now reports through: None when turned off, not installed, or while no
        SDK is set (see `Instruments.configured`)."""
        otel = self.otel
        return otel if otel is not None and otel.configured() else None

    def call(self, operation: str) -> CallTrace | None:
        """The trace of a call starting now; None when it would report to nothing (no hook, no SDK set)."""
        otel = self.reporting()
        if otel is None and not self.hooked:
            return None
        return CallTrace(self, self.operation(operation), otel)

    def operation(self, name: str) -> Operation:
        made = self._operations.get(name)
        if made is None:
            made = Operation(self.api, name)
            if len(self._operations) < MAX_OPERATIONS:
                self._operations[name] = made
        return made

    def tell(self, hook: AttemptHook | CallHook | None, record: AttemptRecord | CallRecord) -> None:
        """Hand `record` to a user's hook; a failing hook is logged, never the call's failure."""
        if hook is None:
            return
        try:
            hook(record)  # type: ignore[arg-type]  # the hook of the record's kind
        except Exception:
            logger.exception("the %s hook raised; the call goes on", type(record).__name__)


def telemetry_for(
    api: str, *, otel: bool, on_attempt: AttemptHook | None, on_call: CallHook | None, rate_limit: RateLimit
) -> Telemetry | None:
    """A client's `Telemetry`, None when it reports nothing; with OpenTelemetry its rate limit is watched."""
    instruments = otel_instruments() if otel else None
    if instruments is None and on_attempt is None and on_call is None:
        return None
    if instruments is not None:
        instruments.watch(rate_limit, api)
    return Telemetry(api, instruments, on_attempt, on_call)


# The call (or bulk run) the code running now belongs to: where a new span starts, and whose attempts a request is.
current: contextvars.ContextVar[Any] = contextvars.ContextVar("tbapi_telemetry", default=None)


def parent_context() -> Any:
    """The OpenTelemetry context whose span, the current call's or bulk run's, is the parent of a span starting
    now (None: the application's current span is)."""
    outer = current.get()
    return None if outer is None else outer.as_parent()


def made_current(trace: Any) -> contextlib.AbstractContextManager[None]:
    """`trace` is the current one inside the block. In a flow the block spans yields: the driver runs the
    effects in between in the same context."""
    return holding(current, trace)


def token_refreshed(*, ahead: bool, error: BaseException | None) -> None:
    """Tell the current call (the one whose token is refreshed) that a refresh was made, and how it ended."""
    call = current.get()
    if isinstance(call, CallTrace):
        call.refreshed(ahead=ahead, error=error)


def error_type(error: BaseException) -> str:
    return type(error).__name__


def error_code(error: BaseException) -> str | None:
    code = getattr(error, "code", None)
    return None if code is None else redact(str(code))


class CallTrace:
    """One call being made (see the module docstring): its span, and what its records will say."""

    __slots__ = (
        "_as_parent",
        "_token",
        "attempts",
        "labels",
        "needs_request_id",
        "of",
        "operation",
        "otel",
        "rate_limit_wait",
        "recording",
        "request_id",
        "retries",
        "span",
        "started",
        "status",
        "telemetry",
    )

    def __init__(self, telemetry: Telemetry, of: Operation, otel: Instruments | None) -> None:
        self.telemetry = telemetry
        self.otel = otel  # what it reports through (None: to its hooks only), decided as it starts
        self.of = of
        self.operation = of.operation
        self.labels = of.labels  # the metrics' attributes
        self.started = time.monotonic()
        self.attempts = self.retries = 0
        self.rate_limit_wait = 0.0
        self.status: int | None = None
        self.request_id: str | None = None
        self.span: Any = None
        self._as_parent: Any = None
        if otel is not None:
            self.span = otel.start_span(of.name, parent_context(), of.span_attributes)
        # Not recorded (an SDK of metrics only, or the trace sampled out): no request span, no attributes to make.
        self.recording = otel is not None and self.span.is_recording()
        # The service's request id goes to the spans and the records; without them it is not looked for.
        self.needs_request_id = self.recording or telemetry.hooked

    def as_parent(self) -> Any:
        """The context that makes this call's span the parent (`Instruments.parent_context`), made when first
        asked: by its requests' spans when recorded, by a call nested in it (None: it has no span)."""
        if self._as_parent is None and self.span is not None:
            self._as_parent = self.otel.parent_context(self.span)  # type: ignore[union-attr]
        return self._as_parent

    def current(self) -> CallTrace:
        """The call as the current one inside a `with` block (as `made_current` makes it; the call is entered
        once, so it keeps the token itself)."""
        return self

    def __enter__(self) -> None:
        self._token = current.set(self)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        restore(current, self._token)

    # -- what the retry loop tells -------------------------------------------------------------------------

    def waited(self, seconds: float) -> None:
        """The call waited `seconds` for its rate-limit slot."""
        if seconds <= 0:
            return
        self.rate_limit_wait += seconds
        otel = self.otel
        if otel is not None:
            self.span.add_event("tbapi.rate_limit.wait", {"tbapi.wait.duration": seconds})
            otel.wait.record(seconds, self.labels)

    def paused(self, seconds: float, error: BaseException) -> None:
        """A throttling answer paused the call's rate limit for `seconds`."""
        otel = self.otel
        if otel is not None:
            self.span.add_event(
                "tbapi.rate_limit.pause", {"tbapi.pause.duration": seconds, "error.type": error_type(error)}
            )
            otel.bans.add(1, self.labels)

    def retrying(self, error: BaseException, delay: float) -> None:
        """The policy retries after `error`, in `delay` seconds."""
        self.retries += 1
        otel = self.otel
        if otel is not None:
            self.span.add_event(
                "tbapi.retry",
                {"tbapi.retry": self.retries, "tbapi.retry.delay": delay, "error.type": error_type(error)},
            )
            otel.retries.add(1, self.labels)

    def refreshed(self, *, ahead: bool, error: BaseException | None) -> None:
        """The call refreshed the access token (`ahead` of its expiry, or after it was refused)."""
        otel = self.otel
        if otel is None:
            return
        outcome = OK if error is None else ERROR
        event = {"tbapi.token.ahead": ahead, "tbapi.outcome": outcome}
        if error is not None:
            event["error.type"] = error_type(error)
        self.span.add_event("tbapi.token.refresh", event)
        otel.refreshes.add(1, {"tbapi.api": self.telemetry.api, "tbapi.token.ahead": ahead, "tbapi.outcome": outcome})

    def attempt(self, request: httpx.Request) -> AttemptTrace:
        self.attempts += 1
        return AttemptTrace(self, request, self.attempts)

    def ended(self, error: BaseException | None) -> None:
        duration = time.monotonic() - self.started
        outcome = OK if error is None else ERROR
        kind = None if error is None else error_type(error)
        code = None if error is None else error_code(error)
        otel = self.otel
        if otel is not None:
            self._end_span(otel, error, kind, code)
            labels = (
                self.of.ok_labels if kind is None else {**self.labels, "tbapi.outcome": outcome, "error.type": kind}
            )
            otel.call_duration.record(duration, labels)  # its count: the calls by outcome
        if self.telemetry.on_call is not None:
            record = CallRecord(
                api=self.telemetry.api,
                operation=self.operation,
                attempts=self.attempts,
                retries=self.retries,
                duration=duration,
                outcome=outcome,
                status=self.status,
                request_id=self.request_id,
                rate_limit_wait=self.rate_limit_wait,
                error_type=kind,
                error_code=code,
            )
            self.telemetry.tell(self.telemetry.on_call, record)

    def _end_span(self, otel: Instruments, error: BaseException | None, kind: str | None, code: str | None) -> None:
        span = self.span  # started with `tbapi.retries` 0; one attribute at a time costs the SDK least
        if self.request_id is not None:
            span.set_attribute("tbapi.request_id", self.request_id)
        if self.retries:
            span.set_attribute("tbapi.retries", self.retries)
        if self.rate_limit_wait:
            span.set_attribute("tbapi.rate_limit.wait", self.rate_limit_wait)
        if error is not None and kind is not None:
            otel.failed(span, kind, getattr(error, "message", kind))
            if code is not None:
                span.set_attribute("tbapi.error.code", code)
            sub_code = getattr(error, "sub_code", None)
            if sub_code:
                span.set_attribute("tbapi.error.sub_code", redact(str(sub_code)))
        span.end()


class AttemptTrace:
    """One request of a call, from the moment the checked transport sends it (see the module docstring). Its
    span is made when it has ended, with its start time, all its attributes at once."""

    __slots__ = ("call", "needs_request_id", "number", "request", "started", "started_ns")

    def __init__(self, call: CallTrace, request: httpx.Request, number: int) -> None:
        self.call = call
        self.request = request
        self.number = number
        self.needs_request_id = call.needs_request_id  # does `ended` want the answer's request id
        self.started = time.monotonic()
        self.started_ns = time.time_ns()

    def ended(self, status: int | None, request_id: str | None, error: BaseException | None) -> None:
        duration = time.monotonic() - self.started
        call = self.call
        call.status = status if status is not None else call.status
        if request_id is not None:  # the service's, echoed in a header or the body: whatever it holds is scrubbed
            request_id = call.request_id = redact_secrets(request_id)
        kind = None if error is None else error_type(error)
        if call.otel is not None:
            self._report(call.otel, duration, status, request_id, kind, error)
        if call.telemetry.on_attempt is not None:
            record = AttemptRecord(
                api=call.telemetry.api,
                operation=call.operation,
                attempt=self.number,
                duration=duration,
                outcome=OK if error is None else ERROR,
                status=status,
                request_id=request_id,
                error_type=kind,
            )
            call.telemetry.tell(call.telemetry.on_attempt, record)

    def _report(
        self,
        otel: Instruments,
        duration: float,
        status: int | None,
        request_id: str | None,
        kind: str | None,
        error: BaseException | None,
    ) -> None:
        """The request's CLIENT span (the HTTP semantic conventions) and its `http.client.request.duration`. No
        span under a call span that is not recorded (no SDK configured, or the trace sampled out): its
        attributes, the scrubbed URL first, are not made for nothing."""
        request, url = self.request, self.request.url
        http, labels = self.call.of.request((request.method, url.host, url.port, url.scheme, status, kind))
        otel.request_duration.record(duration, labels)
        if not self.call.recording:
            return
        attributes = {**http, "url.full": _full_url(url)}
        if self.number > 1:
            attributes["http.request.resend_count"] = self.number - 1
        if request_id is not None:
            attributes["tbapi.request_id"] = request_id
        failure = None if error is None else getattr(error, "message", kind)
        otel.record_span(request.method, self.call.as_parent(), attributes, self.started_ns, failure)


def _full_url(url: httpx.URL) -> str:
    """`url.full`: the URL without user info, its credential parameters and registered secrets redacted."""
    full = str(url)
    if "@" in full and url.userinfo:  # looked for only where it can be: user info is rare, and costs a look
        full = str(url.copy_with(username=None, password=None))
    return redact_url(full)
