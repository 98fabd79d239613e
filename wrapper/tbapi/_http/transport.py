"""The transport seam: every byte tbapi sends or receives passes here, for both APIs.

`CheckedTransport` / `AsyncCheckedTransport` wrap a real httpx transport and guarantee what the
generated code above them cannot: transport failures become `APIConnectionError`/`APITimeoutError`,
non-2xx answers become the `APIError` of their status, a body may not exceed a size (on the wire and
once decoded: `_http/inflated.py`), an attempt — status line, headers and body — may not take longer than
the timeout (a slow drip: `_http/deadline.py`), and a 2xx body is JSON — UTF-8 (a BOM dropped) or in the
charset it declares, repaired when the gateway put raw control characters in its strings, not nested
deeper than the parser can follow — parsed once. The response handed up is the one the inner transport
made (read by httpx, within the limits); its parsed body travels beside it, in its extensions
(`PARSED_JSON`), where the generated parsers and `json_of` read it.

Then, at this same layer for both APIs, the API's `AnswerCheck` raises the error an HTTP-200 error body
stands for (Shanjing: `shanjing/_envelope.py` `check_response`; TOP: `top/_errors.py` `check_answer`), after
the answer was kept by a raw call's `Recorder` (see `_engine/raw.py`). Each request is told here too
(`ExchangeLog`): its log lines, and its span and record when its call reports (`tbapi._telemetry`).
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import contextvars
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Generic, TypedDict, TypeVar, Unpack

import attrs
import httpx
import orjson

# Where a checked response keeps its parsed body, and how the generated parsers take it: their own contract
# (both generated packages are made from the same template; either's is the other's).
from tbapi._generated.shanjing_client.types import PARSED_JSON as PARSED_JSON
from tbapi._generated.shanjing_client.types import json_of as json_of

from .._exceptions import (
    CLIENT_CLOSED,
    APIConnectionError,
    APIError,
    APITimeoutError,
    ClientStateError,
    ResponseError,
    TbapiError,
    error_for_status,
    redacted_request,
    redacted_response,
    trim,
)
from .._logs import current_attempt, logger
from .._telemetry.calls import AttemptTrace, CallTrace
from .._telemetry.calls import current as current_call
from .concurrency import Gate
from .deadline import AttemptDeadlines, attempt_deadline, deadline_of
from .inflated import InflatedSize
from .streams import AsyncChunks

DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
# Raises the API's error for a checked 2xx answer that is an error body; returns for a success body.
AnswerCheck = Callable[[httpx.Request, httpx.Response], None]
Inner = TypeVar("Inner", httpx.BaseTransport, httpx.AsyncBaseTransport)
_REQUEST_ID_HEADERS = ("x-request-id", "x-acs-request-id", "eagleeye-traceid", "top-request-id")


def transport_failure(exc: Exception) -> httpx.TransportError | None:
    """The httpx transport error `exc` stands for, whichever transport raised it; None for anything else.

    aiohttp's exceptions (the default async transport, or a user's `HttpxAiohttpClient`) become the httpx
    exception httpx's own transport raises for the same fault (`tbapi._http.aiohttp_pool`). aiohttp is looked at only
    once something imported it: a sync-only program never pays for importing it.
    """
    if "aiohttp" in sys.modules:
        from .aiohttp_pool import httpx_error_for

        mapped = httpx_error_for(exc)
        if mapped is not None:
            return mapped
    return exc if isinstance(exc, httpx.TransportError) else None


def connection_error(exc: httpx.TransportError, request: httpx.Request, proxy: str | None = None) -> APIConnectionError:
    """The tbapi error for an httpx transport failure, naming the host — or the proxy (`host:port`) when the pool
    sends through one and the failure is connecting (to the proxy, or through it); `request_sent` says whether
    it may have arrived."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    kept = redacted_request(request)
    if proxy is not None and isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.ProxyError):
        return _proxy_error(exc, proxy, detail, kept)
    host = request.url.netloc.decode("ascii", errors="replace")
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return APITimeoutError(f"Timed out connecting to {host} ({detail})", request_sent=False, request=kept)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Timed out waiting for the answer of {host} ({detail})", request=kept)
    if isinstance(exc, httpx.ConnectError):
        return APIConnectionError(f"Could not connect to {host} ({detail})", request_sent=False, request=kept)
    return APIConnectionError(f"Connection to {host} failed ({detail})", request=kept)


def _proxy_error(exc: httpx.TransportError, proxy: str, detail: str, kept: httpx.Request) -> APIConnectionError:
    """A connection through the proxy that failed before the request left: to the proxy, or the proxy's tunnel."""
    if isinstance(exc, httpx.ConnectTimeout):
        return APITimeoutError(
            f"Timed out connecting through the proxy {proxy} ({detail})", request_sent=False, request=kept
        )
    if isinstance(exc, httpx.ProxyError):
        return APIConnectionError(
            f"The proxy {proxy} refused the connection ({detail})", request_sent=False, request=kept
        )
    return APIConnectionError(
        f"Could not connect through the proxy {proxy} ({detail})", request_sent=False, request=kept
    )


def exchange_error(exc: Exception, request: httpx.Request, proxy: str | None = None) -> TbapiError | None:
    """The tbapi error for what the inner transport raised; None for what is not a transport's failure.

    A URL refused once the request was built and checked is a redirect's (a user's client that follows
    redirects) to no valid URL: the answer is at fault. (One to a scheme httpx cannot send to is its
    `UnsupportedProtocol`, a transport failure like the others.)
    """
    if isinstance(exc, httpx.InvalidURL):
        return ResponseError(f"The answer redirects to a URL that cannot be followed ({exc})")
    failure = transport_failure(exc)
    if failure is None:
        return None
    error = connection_error(failure, request, proxy)
    error.__cause__ = failure  # the httpx exception, never an aiohttp one (see `transport_failure`)
    return error


# Every digit and "-" becomes "0", anything else a space: a run of 20 digits (≥ 2^64) or "-" and 19 digits
# (< -2^63) is then one plain substring search (a run of digits and dashes, as in "2026-12-01-…", may match
# too: such a body only goes the slower `json` way).
_DIGIT_RUNS = bytes(48 if 48 <= i <= 57 or i == 45 else 32 for i in range(256))
_HUGE_RUN = b"0" * 20


def _may_hold_a_huge_integer(body: bytes) -> bool:
    return _HUGE_RUN in body.translate(_DIGIT_RUNS)


def _written_back(value: Any, body: bytes) -> bool:
    """Whether orjson writes `value` back as `body` byte for byte (it refuses to write nesting deeper than 254)."""
    try:
        return orjson.dumps(value) == body
    except orjson.JSONEncodeError:
        return False


def decode_json(body: bytes, status: int, charset: Callable[[], str | None] = lambda: None) -> Any:
    """Parse a body as JSON (see `body_text`), repairing raw control characters inside strings before giving up.

    A value nested deeper than the parser can follow (thousands of `[`) is a `ResponseError`, not a
    `RecursionError`. orjson first (faster than `json`); whatever it refuses — raw control characters,
    NaN, a BOM, another charset, deep nesting — goes the `json` way, so the result and the errors are
    `json`'s. So does a body that may hold an integer beyond 64 bits, which orjson would turn into a float
    (`json` keeps it exact).
    """
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        pass
    else:
        # A body orjson writes back byte for byte (the compact UTF-8 the gateways send) held no integer it
        # turned into a float: a float is written with "." or "e". Checked that way first because it is about
        # half the cost of the digit-run scan, which any other body gets.
        if _written_back(value, body) or not _may_hold_a_huge_integer(body):
            return value
    text = body_text(body, status, charset)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    except RecursionError:
        raise _too_deep(text, status) from None
    except ValueError as exc:
        raise _too_long_a_number(exc, text, status) from None
    try:
        # strict=False accepts raw control characters inside strings: what the TOP gateway sometimes sends.
        value = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        raise ResponseError(f"Response body is not JSON ({exc.msg})", raw_body=text, http_status=status) from exc
    except RecursionError:
        raise _too_deep(text, status) from None
    except ValueError as exc:
        raise _too_long_a_number(exc, text, status) from None
    logger.debug("repaired raw control characters in a JSON response body")
    return value


def body_text(body: bytes, status: int, charset: Callable[[], str | None] = lambda: None) -> str:
    """The text of a body: UTF-8 (a leading BOM dropped), else the charset its Content-Type declares.

    UTF-8 is tried first because JSON is UTF-8 (RFC 8259) and a wrong label is more common than a body in
    another encoding; `charset()` is asked only when the bytes are not UTF-8 (GBK, GB18030, UTF-16 …).
    """
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8) :]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        failure = exc
    declared = charset()
    if declared:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            return body.decode(declared)
    raw = body[:200].decode("utf-8", errors="backslashreplace")
    named = f" nor {declared}" if declared else ""
    raise ResponseError(f"Response body is not valid UTF-8{named}", raw_body=raw, http_status=status) from failure


def _too_long_a_number(exc: ValueError, text: str, status: int) -> ResponseError:
    """An integer longer than Python converts (`sys.get_int_max_str_digits`): `json` raises a plain ValueError."""
    return ResponseError(
        f"Response body holds a number too long to read ({exc})", raw_body=text[:200], http_status=status
    )


def _too_deep(text: str, status: int) -> ResponseError:
    return ResponseError("Response body is JSON nested too deeply to read", raw_body=text[:200], http_status=status)


def request_id_from(headers: Mapping[str, str], body: Any) -> str | None:
    names = headers.keys()  # one pass over httpx's headers, where each `in` would be a pass of its own
    for name in _REQUEST_ID_HEADERS:
        if name in names:
            return headers[name]
    if isinstance(body, dict):
        for key in ("request_id", "requestId"):
            if isinstance(body.get(key), str):
                return str(body[key])
    return None


def status_error(request: httpx.Request, response: httpx.Response, body: bytes) -> APIError:
    """The `APIError` for a non-2xx answer, with the server's own words when it gave any."""
    status, headers = response.status_code, response.headers
    text = body.decode("utf-8", errors="replace")
    try:
        parsed: Any = json.loads(text)
    except (ValueError, RecursionError):  # an error page need not be JSON, or sane JSON (an integer of 5000 digits)
        parsed = None
    detail = (
        _violations_in(headers)
        or _message_in(parsed)
        or trim(text.strip(), 200)
        or httpx.codes.get_reason_phrase(status)
    )
    message = f"HTTP {status} from {request.method} {request.url.path}: {detail}"
    kept = redacted_request(request)
    return error_for_status(
        status,
        message,
        body=parsed if parsed is not None else trim(text),
        headers=headers,
        request_id=request_id_from(headers, parsed),
        request=kept,
        response=redacted_response(response, kept, body),
    )


def _violations_in(headers: httpx.Headers) -> str | None:
    """The reasons of a mock's `sl-violations` header (Prism's request validation), when it sent one: the real
    reason of a 422, where the body is the spec's canned example."""
    raw = headers.get("sl-violations")
    if not raw:
        return None
    try:
        violations = json.loads(raw)
    except json.JSONDecodeError:
        return None
    if not isinstance(violations, list):
        return None
    messages = [str(v["message"]) for v in violations if isinstance(v, dict) and v.get("message")]
    return "; ".join(messages) or None


def _message_in(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    parts = [str(body[k]) for k in ("title", "detail", "errorMsg", "message", "msg") if body.get(k)]
    return ": ".join(parts) or None


class _BodyLimit:
    """Refuses a body that is too large — on the wire or once decoded — or arrives too slowly, chunk by chunk."""

    def __init__(self, request: httpx.Request, max_bytes: int, started: float) -> None:
        self.deadline = deadline_of(request, started)
        self._max_bytes = max_bytes
        self._size = 0
        self._decoded = 0
        self._inflated: InflatedSize | None = None

    def decoding(self, headers: httpx.Headers) -> _BodyLimit:
        """This limit, for a body sent in the Content-Encoding of `headers`: it counts what it decodes to too."""
        # Most answers have none: nothing to set up per call. (`in` first: httpx's `get` of an absent header
        # raises and catches a KeyError, which costs as much again.)
        if "content-encoding" not in headers:
            return self
        coding = headers["content-encoding"]
        if coding:
            inflated = InflatedSize(coding, self._add_decoded)
            self._inflated = inflated if inflated.needed else None
        return self

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._max_bytes:
            raise ResponseError(f"Response body exceeds {self._max_bytes} bytes")
        if self._inflated is not None:
            self._inflated.add(chunk)
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise APITimeoutError("The response body did not arrive within the timeout")

    def _add_decoded(self, size: int) -> None:
        self._decoded += size
        if self._decoded > self._max_bytes:
            raise ResponseError(f"Response body exceeds {self._max_bytes} bytes once decoded")


class _LimitedStream(httpx.SyncByteStream):
    """A response's stream, read through a `_BodyLimit`."""

    def __init__(self, inner: httpx.SyncByteStream, limit: _BodyLimit) -> None:
        self._inner = inner
        self._limit = limit

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._limit.add(chunk)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class _AsyncLimitedStream(AsyncChunks):
    """The async twin of `_LimitedStream`."""

    def __init__(self, inner: httpx.AsyncByteStream, limit: _BodyLimit) -> None:
        super().__init__(inner)
        self._limit = limit

    def seen(self, chunk: bytes) -> bytes:
        self._limit.add(chunk)
        return chunk


class _Decoding:
    """In its block, a body its Content-Encoding does not undo (httpx's `DecodingError`) is a `ResponseError`. A
    class, and one instance (it holds nothing): entered on every read, where a `contextlib.contextmanager`
    generator costs several times as much to make, enter and leave."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if isinstance(error, httpx.DecodingError):
            raise ResponseError(f"Response body could not be decoded ({error})") from error


_decoding = _Decoding()


def read_limited(response: httpx.Response, limit: _BodyLimit) -> None:
    """Read the body of `response` (httpx undoes its Content-Encoding) within `limit`."""
    if response.is_stream_consumed:  # read already (in-memory and mock transports)
        limit.add(response.content)
        return
    assert isinstance(response.stream, httpx.SyncByteStream)
    response.stream = _LimitedStream(response.stream, limit.decoding(response.headers))
    with _decoding:
        response.read()


async def aread_limited(response: httpx.Response, limit: _BodyLimit) -> None:
    """The async twin of `read_limited`."""
    if response.is_stream_consumed:
        limit.add(response.content)
        return
    assert isinstance(response.stream, httpx.AsyncByteStream)
    response.stream = _AsyncLimitedStream(response.stream, limit.decoding(response.headers))
    with _decoding:
        await response.aread()


def checked_json(response: httpx.Response) -> Any:
    """The JSON body the checked transport parsed, left in the response for the generated parser (`json_of`
    takes it); `response.json()` for a response that did not come through it."""
    extensions = response.extensions
    return extensions[PARSED_JSON] if PARSED_JSON in extensions else response.json()


def parse_checked(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """Raise the `APIError` of a non-2xx answer; parse a 2xx body as JSON and keep the result in the response's
    extensions (`PARSED_JSON`, where the generated parsers and `json_of` take it): the same response handed up,
    its body parsed once."""
    body = response.content
    if not 200 <= response.status_code < 300:
        raise status_error(request, response, body)
    response.extensions[PARSED_JSON] = decode_json(body, response.status_code, lambda: response.charset_encoding)
    return response


def _inner_request_id(body: Any) -> str | None:
    """The request id inside a TOP envelope (`{"…_response": {"request_id": …}}`), for the log."""
    if isinstance(body, dict) and len(body) == 1:
        inner = next(iter(body.values()))
        return request_id_from({}, inner)
    return None


@attrs.frozen
class Answer:
    """A checked 2xx answer as a raw call keeps it: the response, and the JSON body parsed from it (which the
    generated parser takes from the response, `json_of`)."""

    response: httpx.Response
    json: Any


class Recorder:
    """Keeps the last answer of one raw call (`_engine/raw.py`); `start` begins each attempt afresh."""

    def __init__(self) -> None:
        self.last: Answer | None = None

    def start(self) -> contextvars.Token[Recorder | None]:
        self.last = None
        return _recorder.set(self)

    @staticmethod
    def stop(token: contextvars.Token[Recorder | None]) -> None:
        _recorder.reset(token)


_recorder: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar("tbapi_recorder", default=None)


def _checked(request: httpx.Request, response: httpx.Response, check: AnswerCheck | None) -> httpx.Response:
    recorder = _recorder.get()
    if recorder is not None:  # a raw call: keep the answer before the check can raise its error
        recorder.last = Answer(response, checked_json(response))
    if check is not None:
        try:
            check(request, response)
        except APIError as error:  # an HTTP-200 error body: keep the exchange, as for an HTTP error
            error.request = redacted_request(request)
            error.response = redacted_response(response, error.request, response.content)
            raise
    return response


_RELEASED = httpx.ByteStream(b"")


def release_stream(response: httpx.Response) -> None:
    """An httpx response hook of tbapi's clients: a response the checked transport read and closed lets go of
    its stream. httpx wraps the stream of every response it returns in one that refers back to the response;
    the pair, and all it holds (the request, the aiohttp response), is then freed only by the cyclic garbage
    collector, which allocations left waiting for it make run more often. The stream of a read and closed
    response is not used again (its body is kept in the response)."""
    if response.is_stream_consumed and response.is_closed:
        response.stream = _RELEASED


async def arelease_stream(response: httpx.Response) -> None:
    """The async clients' `release_stream` (httpx awaits their hooks)."""
    release_stream(response)


def _call_name(request: httpx.Request) -> str:
    """What a log line calls a request: the TOP method (from the wire query), else the method and path."""
    top_method = request.url.params.get("method") if request.url.query else None
    return f"TOP {top_method}" if top_method else f"{request.method} {request.url.path}"


class ExchangeLog:
    """What is told of one request: its DEBUG lines (one when it is sent, one when its answer or failure is in),
    and its `AttemptTrace` (span, metrics, `on_attempt` record) when the call it belongs to reports
    (`tbapi._telemetry.calls`)."""

    def __init__(self, request: httpx.Request) -> None:
        self.enabled = logger.isEnabledFor(logging.DEBUG)
        self.started = time.monotonic()
        call = current_call.get()
        self.trace: AttemptTrace | None = call.attempt(request) if isinstance(call, CallTrace) else None
        if self.enabled:
            self.name, self.attempt = _call_name(request), current_attempt.get()
            logger.debug("request %s (attempt %d)", self.name, self.attempt)

    def answered(self, response: httpx.Response, check: Callable[[], httpx.Response]) -> httpx.Response:
        """`check()` of the answer, told with its status and request id (from the headers or the body)."""
        if not self.enabled and self.trace is None:
            return check()
        request_id: str | None = None
        error: Exception | None = None
        try:
            checked = check()
            if self.enabled or (self.trace is not None and self.trace.needs_request_id):
                body = checked.extensions.get(PARSED_JSON)
                request_id = request_id_from(checked.headers, body) or _inner_request_id(body)
            return checked
        except APIError as failure:
            request_id, error = failure.request_id, failure
            raise
        except Exception as failure:  # an answer that is not JSON
            error = failure
            raise
        finally:
            if self.enabled:
                logger.debug(
                    "response %s: HTTP %d in %.0f ms, request id %s (attempt %d)",
                    self.name,
                    response.status_code,
                    (time.monotonic() - self.started) * 1000,
                    request_id or "-",
                    self.attempt,
                )
            if self.trace is not None:
                self.trace.ended(response.status_code, request_id, error)

    def sending(self, request: httpx.Request, proxy: str | None) -> _Sending:
        """Around the exchange: a transport failure becomes its tbapi error (`exchange_error`: an
        `APIConnectionError` naming `proxy`, the pool's, when connecting through it failed); any failure is told."""
        return _Sending(self, request, proxy)

    def failed(self, error: Exception) -> None:
        if self.enabled:
            logger.debug(
                "response %s: failed after %.0f ms, %s (attempt %d)",
                self.name,
                (time.monotonic() - self.started) * 1000,
                type(error).__name__,
                self.attempt,
            )

    def trace_failure(self, error: BaseException) -> None:
        if self.trace is not None:
            self.trace.ended(None, None, error)


class _Sending:
    """`ExchangeLog.sending`'s context manager. A class rather than a `contextlib.contextmanager` generator: one
    is entered on every attempt, and a generator's context manager costs several times as much to make, enter
    and leave."""

    __slots__ = ("_log", "_proxy", "_request")

    def __init__(self, log: ExchangeLog, request: httpx.Request, proxy: str | None) -> None:
        self._log, self._request, self._proxy = log, request, proxy

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, failure: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if failure is None:
            return
        log = self._log
        if not isinstance(failure, Exception):  # cancelled: the request's span ends too
            log.trace_failure(failure)
            return
        log.failed(failure)
        error = exchange_error(failure, self._request, self._proxy)
        if error is None:
            log.trace_failure(failure)
            return
        log.trace_failure(error)
        # `exchange_error` set its cause: an aiohttp exception (its text may hold the URL) is not shown chained.
        raise error


class Checks(TypedDict, total=False):
    """A checked transport's settings: the API's answer `check`, the largest body it reads (`max_body_bytes`,
    default 16 MiB) and the `proxy` its inner transport sends through (`host:port`, named in the errors)."""

    check: AnswerCheck | None
    max_body_bytes: int
    proxy: str | None


class _Checking(Generic[Inner]):
    """What both checked transports hold: the transport below, their `Checks`, whether they are closed."""

    def __init__(self, inner: Inner, **checks: Unpack[Checks]) -> None:
        self._inner: Inner = inner
        self._check = checks.get("check")
        self._max_body_bytes = checks.get("max_body_bytes", DEFAULT_MAX_BODY_BYTES)
        self._proxy = checks.get("proxy")
        self._closed = False


class CheckedTransport(_Checking[httpx.BaseTransport], httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:  # a `with_options` copy of a closed client
            raise ClientStateError(CLIENT_CLOSED)
        log = ExchangeLog(request)
        limit = _BodyLimit(request, self._max_body_bytes, log.started)
        with log.sending(request, self._proxy), attempt_deadline(limit.deadline):
            response = self._inner.handle_request(request)
            try:
                read_limited(response, limit)
            finally:
                response.close()
        return log.answered(response, lambda: _checked(request, parse_checked(request, response), self._check))

    @property
    def is_closed(self) -> bool:
        """Closed by the client that made the pool (its `with_options` copies share it)."""
        return self._closed

    def close(self) -> None:
        self._closed = True
        self._inner.close()


class AsyncCheckedTransport(_Checking[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport):
    def __init__(
        self, inner: httpx.AsyncBaseTransport, *, max_in_flight: int | None = None, **checks: Unpack[Checks]
    ) -> None:
        super().__init__(inner, **checks)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._gate = Gate(max_in_flight) if max_in_flight else None
        self._deadlines = AttemptDeadlines()  # on the loop `_check_usable` binds it to

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._check_usable()
        if self._gate is None:
            return await self._send(request)
        await self._gate.take(request)
        try:
            return await self._send(request)
        finally:
            self._gate.give_back()

    async def _send(self, request: httpx.Request) -> httpx.Response:
        log = ExchangeLog(request)
        limit = _BodyLimit(request, self._max_body_bytes, log.started)
        with log.sending(request, self._proxy):
            async with self._deadlines.within(deadline_of(request, log.started)):
                response = await self._inner.handle_async_request(request)
                try:
                    await aread_limited(response, limit)
                finally:
                    await response.aclose()
        return log.answered(response, lambda: _checked(request, parse_checked(request, response), self._check))

    def _check_usable(self) -> None:
        """Closed, or in another event loop than the first call's (whose connections the pool holds)?"""
        if self._closed:
            raise ClientStateError(CLIENT_CLOSED)
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise ClientStateError(
                "This async client belongs to the event loop of its first call; make one client per event loop"
            )

    async def aclose(self) -> None:
        self._closed = True
        await self._inner.aclose()


def _add_default_headers(request: httpx.Request, client: httpx.Client | httpx.AsyncClient) -> None:
    """The user client's own default headers (e.g. `Prefer`), where the request does not set them."""
    for name, value in client.headers.multi_items():
        if name not in request.headers:
            request.headers[name] = value


class ClientTransport(httpx.BaseTransport):
    """Sends through a user-supplied `httpx.Client` (its proxies, TLS, pool and default headers), never mutating it."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _add_default_headers(request, self._client)
        return self._client.send(request, stream=True)


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through a user-supplied `httpx.AsyncClient`, never mutating it."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _add_default_headers(request, self._client)
        return await self._client.send(request, stream=True)
