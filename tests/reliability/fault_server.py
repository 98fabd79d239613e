"""A loopback fault server: answers each request with a scripted fault, and records what it received.

It runs in-process on a background thread with its own asyncio loop, listens on 127.0.0.1 only, and is
bounded: it serves at most `max_requests` requests, holds no connection longer than `hold_s`, and stops by
itself after `lifetime_s` even if nobody stops it.

A test asks for a `Plan` — routes to lists of `Action`s — and points a client at `plan.url`. Each request
under the plan's prefix is matched to a route (the TOP `method` query parameter, else the path after the
prefix, else `*`), and gets that route's next action; the last action of a route repeats. Two faults need
no server at all and are URLs: `closed_port_url()` (connection refused: nothing listens there) and
`full_backlog_url()` (connect timeout: a listening socket whose accept queue is full, so the kernel drops
the SYNs — an honest loopback connect timeout, no simulation).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
import ssl
import struct
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

HOST = "127.0.0.1"
MAX_HEAD_BYTES = 64 * 1024
MAX_REQUEST_BODY = 8 * 1024 * 1024


# --- actions ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Respond:
    """A complete answer."""

    status: int = 200
    body: bytes = b"{}"
    content_type: str = "application/json;charset=UTF-8"
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ResetBeforeResponse:
    """Read the request, then reset the connection (RST) without a byte of answer."""


@dataclass(frozen=True)
class ResetMidBody:
    """Send the headers and `sent` bytes of a body announced as `declared` bytes long, then reset."""

    sent: bytes = b'{"errorCode":null,"data":{"purchase'
    declared: int = 4096


@dataclass(frozen=True)
class NoResponse:
    """Read the request and never answer (until the client gives up or the hold time ends)."""


@dataclass(frozen=True)
class SlowDrip:
    """A complete, valid answer sent one byte every `interval` seconds."""

    body: bytes
    interval: float = 0.1


@dataclass(frozen=True)
class HugeBody:
    """A 200 JSON answer of `size` bytes, generated as it is sent (never held in memory)."""

    size: int = 50 * 1024 * 1024
    chunk: int = 64 * 1024


@dataclass(frozen=True)
class DripHead:
    """An answer whose status line and headers come one byte every `interval` seconds (then its body at once)."""

    answer: Respond
    interval: float = 0.05


@dataclass(frozen=True)
class ContinueThenSilence:
    """`HTTP/1.1 100 Continue`, then nothing (until the client gives up or the hold time ends)."""


@dataclass(frozen=True)
class Delayed:
    """`answer` after `seconds` of silence (a slow service, well within the client's timeout)."""

    answer: Respond
    seconds: float


Action = (
    Respond
    | ResetBeforeResponse
    | ResetMidBody
    | NoResponse
    | SlowDrip
    | HugeBody
    | DripHead
    | ContinueThenSilence
    | Delayed
)


def json_answer(body: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Respond:
    return Respond(status, json.dumps(body, ensure_ascii=False).encode("utf-8"), headers=headers or {})


def html_answer(status: int) -> Respond:
    page = f"<html><head><title>{status}</title></head><body><h1>{status} Bad Gateway</h1><hr>nginx</body></html>"
    return Respond(status, page.encode(), content_type="text/html")


# --- what was received ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One request the server read."""

    route: str
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes
    at: float  # time.monotonic()

    @property
    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True))

    @property
    def raw(self) -> str:
        """Everything that arrived, as text (for grepping secrets)."""
        head = "".join(f"{k}: {v}\n" for k, v in self.headers.items())
        query = "&".join(f"{k}={v}" for k, v in self.query.items())
        return f"{self.method} {self.path}?{query}\n{head}\n{self.body.decode('utf-8', 'replace')}"


@dataclass
class Plan:
    """The script for one test: its URL prefix, its routes, and what arrived under it."""

    prefix: str
    base: str
    routes: dict[str, list[Action]]
    hits: list[Hit] = field(default_factory=list)
    bytes_sent: int = 0  # bytes of answer bodies written to the socket (HugeBody, SlowDrip)

    @property
    def url(self) -> str:
        return self.base + self.prefix

    def count(self, route: str | None = None) -> int:
        return len([h for h in self.hits if route is None or h.route == route])

    def next_action(self, route: str) -> Action | None:
        key = route if route in self.routes else "*"
        actions = self.routes.get(key)
        if not actions:
            return None
        return actions.pop(0) if len(actions) > 1 else actions[0]


# --- the server ------------------------------------------------------------------------------------------


class FaultServer:
    """See the module doc. Use as a context manager, or `start()` / `stop()`."""

    def __init__(
        self,
        *,
        max_requests: int = 5000,
        lifetime_s: float = 280.0,
        hold_s: float = 10.0,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.max_requests, self.lifetime_s, self.hold_s, self._tls = max_requests, lifetime_s, hold_s, tls
        self._plans: dict[str, Plan] = {}
        self._ids = itertools.count(1)
        self._served = 0
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="fault-server", daemon=True)
        self._ready = threading.Event()
        self._stopped = asyncio.Event()
        self._servers: list[asyncio.Server] = []
        self._held: list[socket.socket] = []
        self.port = 0
        self.tls_port = 0

    # lifecycle

    def start(self) -> FaultServer:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the fault server did not start")
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stopped.set)
            self._thread.join(10)
        for sock in self._held:
            sock.close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())
        self._loop.close()

    async def _serve(self) -> None:
        plain = await asyncio.start_server(self._handle, HOST, 0)
        self._servers.append(plain)
        self.port = plain.sockets[0].getsockname()[1]
        if self._tls is not None:
            secure = await asyncio.start_server(self._handle, HOST, 0, ssl=self._tls)
            self._servers.append(secure)
            self.tls_port = secure.sockets[0].getsockname()[1]
        self._ready.set()
        # Stops by itself: nobody has to remember to, and a stuck test cannot keep it alive.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopped.wait(), self.lifetime_s)
        for server in self._servers:
            server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # plans and fault URLs

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def tls_url(self) -> str:
        return f"https://{HOST}:{self.tls_port}"

    def plan(self, routes: Mapping[str, Sequence[Action]] | Sequence[Action], *, tls: bool = False) -> Plan:
        """A fresh prefix scripted with `routes` (a plain list of actions is the `*` route)."""
        table = {"*": list(routes)} if not isinstance(routes, Mapping) else {k: list(v) for k, v in routes.items()}
        prefix = f"/p{next(self._ids)}"
        plan = Plan(prefix, self.tls_url if tls else self.url, table)
        with self._lock:
            self._plans[prefix] = plan
        return plan

    @staticmethod
    def closed_port_url() -> str:
        """A loopback URL where nothing listens: connecting is refused at once."""
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        return f"http://{HOST}:{port}"

    def full_backlog_url(self) -> str:
        """A loopback URL whose connects time out: a listener with a full accept queue drops new SYNs."""
        listener = socket.socket()
        listener.bind((HOST, 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        self._held.append(listener)
        for _ in range(3):  # fill the accept queue (backlog 0 admits one) and then some
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect((HOST, port))
            self._held.append(filler)
        time.sleep(0.05)
        return f"http://{HOST}:{port}"

    # serving

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await asyncio.wait_for(self._one_request(reader, writer), self.hold_s)
            writer.close()  # an orderly close after a complete answer
        except asyncio.CancelledError:  # the server is stopping
            writer.transport.abort()
        except (
            TimeoutError,
            ConnectionError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ssl.SSLError,
            OSError,
            ValueError,
        ):
            writer.transport.abort()

    async def _one_request(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEAD_BYTES:
            return
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, target, _ = request_line.split(" ", 2)
        headers: dict[str, str] = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        length = min(int(headers.get("content-length", "0") or 0), MAX_REQUEST_BODY)
        body = await reader.readexactly(length) if length else b""
        url = urlsplit(target)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        plan = self._plan_for(url.path)
        with self._lock:
            self._served += 1
            over_budget = self._served > self.max_requests
        if plan is None or over_budget:
            await self._send(writer, json_answer({"error": "no plan for this path"}, 404))
            return
        rest = url.path[len(plan.prefix) :] or "/"
        route = query.get("method") or rest
        plan.hits.append(Hit(route, method, url.path, query, headers, body, time.monotonic()))
        action = plan.next_action(route)
        if action is None:
            await self._send(writer, json_answer({"error": f"no action for route {route}"}, 404))
            return
        await self._act(action, plan, reader, writer)

    def _plan_for(self, path: str) -> Plan | None:
        prefix = "/" + path.lstrip("/").split("/", 1)[0]
        with self._lock:
            return self._plans.get(prefix)

    async def _act(
        self, action: Action, plan: Plan, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        if isinstance(action, Respond):
            await self._send(writer, action)
        elif isinstance(action, ResetBeforeResponse):
            _reset(writer)
        elif isinstance(action, ResetMidBody):
            writer.write(_head(200, "application/json", action.declared) + action.sent)
            await writer.drain()
            await asyncio.sleep(0.05)  # let the client read the headers and start on the body
            _reset(writer)
        elif isinstance(action, NoResponse):
            await reader.read()  # returns when the client hangs up (the handler's hold time bounds it)
        elif isinstance(action, DripHead):
            answer = action.answer
            for byte in _head(answer.status, answer.content_type, len(answer.body), answer.headers):
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(action.interval)
            writer.write(answer.body)
            await writer.drain()
        elif isinstance(action, ContinueThenSilence):
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            await writer.drain()
            await reader.read()
        elif isinstance(action, Delayed):
            await asyncio.sleep(action.seconds)
            await self._send(writer, action.answer)
        elif isinstance(action, SlowDrip):
            writer.write(_head(200, "application/json", len(action.body)))
            for byte in action.body:
                writer.write(bytes([byte]))
                await writer.drain()
                plan.bytes_sent += 1
                await asyncio.sleep(action.interval)
        else:
            await self._huge(action, plan, writer)

    async def _huge(self, action: HugeBody, plan: Plan, writer: asyncio.StreamWriter) -> None:
        opening, closing = b'{"errorCode":null,"data":"', b'"}'
        filler = b"x" * action.chunk
        writer.write(_head(200, "application/json", action.size))
        writer.write(opening)
        remaining = action.size - len(opening) - len(closing)
        plan.bytes_sent = len(opening)
        while remaining > 0:
            piece = filler[: min(remaining, action.chunk)]
            writer.write(piece)
            await writer.drain()  # raises once the client has hung up
            plan.bytes_sent += len(piece)
            remaining -= len(piece)
        writer.write(closing)
        await writer.drain()
        plan.bytes_sent += len(closing)

    async def _send(self, writer: asyncio.StreamWriter, answer: Respond) -> None:
        writer.write(_head(answer.status, answer.content_type, len(answer.body), answer.headers) + answer.body)
        await writer.drain()


def _head(status: int, content_type: str, length: int, extra: Mapping[str, str] | None = None) -> bytes:
    """The status line and headers; a header of `extra` replaces the default of the same name (a `Date`)."""
    extra = extra or {}
    defaults = {
        "Content-Type": content_type,
        "Content-Length": str(length),
        "Connection": "close",
        "Date": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime()),
    }
    given = {name.lower() for name in extra}
    lines = [
        f"HTTP/1.1 {status} {'OK' if status == 200 else 'Fault'}",
        *(f"{k}: {v}" for k, v in defaults.items() if k.lower() not in given),
        *(f"{k}: {v}" for k, v in extra.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP RST (SO_LINGER 0) instead of an orderly FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


@contextlib.contextmanager
def running(**kwargs: Any) -> Iterator[FaultServer]:
    server = FaultServer(**kwargs).start()
    try:
        yield server
    finally:
        server.stop()
