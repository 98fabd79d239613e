"""Every attempt ends within its timeout: an overall deadline per attempt, on top of httpx's per-read timeouts.

httpx's `timeout` bounds each wait for the network, not the whole exchange: a server that sends its status
line and headers one byte at a time, each within the read timeout, keeps a call for as long as it likes (the
body has its own check, `_http/transport.py`'s `_BodyLimit`). `CheckedTransport` sets the attempt's deadline
(`deadline_of`) for everything below it:

- the async clients run the exchange under a timeout at the deadline (`AttemptDeadlines.within`: one timer
  per transport, not per attempt), whatever the transport (aiohttp's pool, or a user's `httpx.AsyncClient`);
- the sync clients' own pools (`DeadlineTransport`, one per thread: `_http/thread_pools.py`) are httpcore
  pools (direct or through the client's proxy) on a network backend whose every connect, read and write waits
  at most until the deadline, so a blocking socket read wakes at it. A user's own `httpx.Client` keeps its own network: its reads are bounded
  by its timeouts only (the body's check still applies).

Both end the attempt with httpx's `ReadTimeout`, which `CheckedTransport` makes an `APITimeoutError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import heapq
import itertools
import math
import ssl
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

import httpcore
import httpx

from .._support.context import holding

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("tbapi_attempt_deadline", default=None)
TIMED_OUT = "the answer did not arrive within the timeout"


def deadline_of(request: httpx.Request, started: float) -> float | None:
    """The monotonic time by which the attempt of `request`, started at `started`, must have its answer: the
    read timeout after its start (None: no timeout)."""
    timeout = request.extensions.get("timeout", {}).get("read")
    return None if timeout is None else started + timeout


def attempt_deadline(deadline: float | None) -> contextlib.AbstractContextManager[None]:
    """Every network wait of the sync pools below waits at most until `deadline` (monotonic) in this block."""
    return holding(_deadline, deadline)


_NO_DEADLINE = contextlib.nullcontext()
_SWEEP_AFTER = 64  # attempts that left, still on the heap, before it is swept (and at least half of it)


class AttemptDeadlines:
    """The deadlines of one async transport's attempts, kept on ONE timer of the event loop it runs in (the
    async checked transport is bound to its first call's loop).

    `within(deadline)` ends the exchange in its block at `deadline` with `httpx.ReadTimeout`, exactly as
    `asyncio.timeout_at` would: at the deadline the loop cancels the attempt's task, and the block turns that
    cancellation — and only that one — into the timeout. `asyncio.timeout_at` puts a timer handle of its own
    on the loop's heap for every attempt (made, ordered by Python-level comparisons, cancelled, swept out
    later); here an attempt is a tuple on a heap of its own (compared in C) and a mark when it leaves, and the
    one timer is armed at the earliest deadline still on the heap.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, _Attempt]] = []  # (loop time of the deadline, order, attempt)
        self._order = itertools.count()  # equal deadlines: first in, first out (attempts are never compared)
        self._timer: asyncio.TimerHandle | None = None
        self._armed_at = math.inf
        self._left = 0  # attempts that left before their deadline, still on the heap

    def within(self, deadline: float | None) -> contextlib.AbstractAsyncContextManager[None]:
        """The async exchange in this block ends at `deadline` (monotonic) with `httpx.ReadTimeout`."""
        return _NO_DEADLINE if deadline is None else _Attempt(self, deadline)

    def add(self, attempt: _Attempt, when: float, loop: asyncio.AbstractEventLoop) -> None:
        heapq.heappush(self._heap, (when, next(self._order), attempt))
        if when < self._armed_at:
            if self._timer is not None:
                self._timer.cancel()
            self._arm(when, loop)

    def leave(self) -> None:
        """An attempt left before its deadline: it stays on the heap (marked) until it comes to the top or the
        heap is swept, once most of it is such attempts."""
        self._left += 1
        if self._left > _SWEEP_AFTER and 2 * self._left > len(self._heap):
            self._heap = [entry for entry in self._heap if entry[2].task is not None]
            heapq.heapify(self._heap)
            self._left = 0

    def _arm(self, when: float, loop: asyncio.AbstractEventLoop) -> None:
        self._armed_at = when
        self._timer = loop.call_at(when, self._expire, loop)

    def _expire(self, loop: asyncio.AbstractEventLoop) -> None:
        """The timer: every attempt whose deadline has come is cut short; the timer is armed again at the
        earliest deadline of those still running."""
        self._timer = None
        # The loop runs a timer once its time is within the clock's resolution of it: what is due with this
        # timer is due now, though `loop.time()` may read a hair earlier.
        now = max(self._armed_at, loop.time())
        heap = self._heap
        while heap and (heap[0][0] <= now or heap[0][2].task is None):
            attempt = heapq.heappop(heap)[2]
            if attempt.task is None:
                self._left -= 1
            else:
                attempt.expire()
        if heap:
            self._arm(heap[0][0], loop)
        else:
            self._armed_at = math.inf


class _Attempt:
    """One attempt's block of `AttemptDeadlines.within`: `asyncio.Timeout`'s rules (the task's own
    cancellations counted on entry: one from elsewhere is never taken for the deadline) on a shared timer."""

    __slots__ = ("_cancelling", "_deadline", "_deadlines", "expired", "task")

    def __init__(self, deadlines: AttemptDeadlines, deadline: float) -> None:
        self._deadlines = deadlines
        self._deadline = deadline
        self.task: asyncio.Task[Any] | None = None  # None once it left: its heap entry is dead
        self.expired = False

    async def __aenter__(self) -> None:
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("an attempt's deadline is kept inside a task")
        loop = asyncio.get_running_loop()
        self.task, self._cancelling = task, task.cancelling()
        self._deadlines.add(self, loop.time() + (self._deadline - time.monotonic()), loop)

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        task, self.task = self.task, None
        if not self.expired:
            self._deadlines.leave()
        # Only the deadline's own cancellation becomes the timeout; the transport's own timeout (aiohttp's are
        # TimeoutErrors) leaves the block as it is, its to report.
        elif task is not None and task.uncancel() <= self._cancelling and kind is asyncio.CancelledError:
            raise httpx.ReadTimeout(TIMED_OUT) from None

    def expire(self) -> None:
        assert self.task is not None  # only an attempt still in its block is on the heap
        self.expired = True
        self.task.cancel()


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """`timeout`, cut to what is left until the attempt's deadline; `expired` once nothing is left."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired(TIMED_OUT)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose waits end at the attempt's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # httpcore writes each request's (empty) body and end of message too: no wait to bound, and the sync
        # socket's write returns at once for them, so they skip the deadline's look-up.
        if buffer:
            self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's blocking sockets, each stream bounded by the attempt's deadline."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _httpx_error(exc: Exception) -> Exception | None:
    """The httpx exception of an httpcore one: httpx names each of httpcore's classes alike."""
    for cls in type(exc).__mro__:
        mapped = getattr(httpx, cls.__name__, None)
        if isinstance(mapped, type) and issubclass(mapped, httpx.TransportError) and cls.__module__ == "httpcore":
            return mapped(str(exc))
    return None


class _Mapped:
    """In its block, an httpcore exception is raised as httpx's. A class, and one instance (it holds nothing):
    entered twice in every sync exchange, where a `contextlib.contextmanager` generator costs several times as
    much."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if isinstance(error, Exception) and (mapped := _httpx_error(error)) is not None:
            raise mapped from error


_mapped = _Mapped()


def _core_url(url: httpx.URL) -> httpcore.URL:
    return httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path)


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        with _mapped:
            yield from self._inner

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


class DeadlineTransport(httpx.BaseTransport):
    """`httpx.HTTPTransport(verify=tls, limits=limits, proxy=proxy)` on `_DeadlineBackend`: the same pool (direct,
    or through an HTTP(S) or SOCKS proxy) and the same errors, with every network wait bounded by the
    attempt's deadline."""

    def __init__(self, tls: ssl.SSLContext, limits: httpx.Limits, proxy: httpx.Proxy | None = None) -> None:
        pool: dict[str, Any] = {
            "ssl_context": tls,
            "max_connections": limits.max_connections,
            "max_keepalive_connections": limits.max_keepalive_connections,
            "keepalive_expiry": limits.keepalive_expiry,
            "network_backend": _DeadlineBackend(),
        }
        self._pool: httpcore.ConnectionPool | httpcore.HTTPProxy | httpcore.SOCKSProxy
        if proxy is None:
            self._pool = httpcore.ConnectionPool(**pool)
        elif proxy.url.scheme in ("http", "https"):
            self._pool = httpcore.HTTPProxy(
                proxy_url=_core_url(proxy.url),
                proxy_auth=proxy.raw_auth,
                proxy_headers=proxy.headers.raw,
                proxy_ssl_context=proxy.ssl_context,
                **pool,
            )
        else:  # socks5 / socks5h (the socksio package is checked for when the client is made)
            self._pool = httpcore.SOCKSProxy(proxy_url=_core_url(proxy.url), proxy_auth=proxy.raw_auth, **pool)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=_core_url(request.url),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _mapped:
            response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
