"""Loopback servers for the network tests: an API stand-in (HTTP or HTTPS) and a forward proxy that counts what it
carries. Each runs in a background thread of the test process and stops with its `with`.

`api_server()` answers a Shanjing item detail on the item path and a TOP `taobao.time.get` on the gateway path,
and records every request it gets (method, path, query, headers, body). `forward_proxy()` serves CONNECT
(a tunnel, for https://) and absolute-URI requests (forwarded, for http://), records the target of each, and
can refuse (CONNECT answered 403), insist on credentials (407) or be a port nothing listens on (`closed_port`).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import select
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs
import pytest

ITEM_PATH = "/rest/taobao-global/traffic/item/get"
GATEWAY_PATH = "/router/rest"
TOP_TIME = {"time_get_response": {"time": "2026-01-01 00:00:00", "request_id": "r-1"}}


@attrs.frozen
class Seen:
    """A request as the API stand-in received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # names lower-case
    body: bytes


@attrs.define
class ApiServer:
    url: str = ""
    seen: list[Seen] = attrs.field(factory=list)

    @property
    def shanjing_url(self) -> str:
        return self.url

    @property
    def top_url(self) -> str:
        return self.url + GATEWAY_PATH

    @property
    def address(self) -> str:
        return self.url.split("://", 1)[1]


def _answer(path: str, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
    if path == GATEWAY_PATH:
        return 200, TOP_TIME
    if path == ITEM_PATH:
        item_id = int(query.get("item_id", "0"))
        return 200, {"errorCode": None, "data": {"tbItemId": item_id, "title": f"item {item_id}"}}
    return 404, {"errorCode": "NotFound", "errorMsg": path}


def send_json(handler: BaseHTTPRequestHandler, status: int, answer: object) -> None:
    """Answer `handler`'s request with `answer` as JSON."""
    content = json.dumps(answer).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(content)))
    handler.end_headers()
    handler.wfile.write(content)


def _api_handler(state: ApiServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            headers = {name.lower(): value for name, value in self.headers.items()}
            state.seen.append(Seen(self.command, parts.path, query, headers, body))
            status, answer = _answer(parts.path, query)
            send_json(self, status, answer)

        do_GET = do_POST = _serve

    return Handler


@contextlib.contextmanager
def api_server(tls: ssl.SSLContext | None = None) -> Iterator[ApiServer]:
    """The API stand-in on a free loopback port: `http://`, or `https://` with the server context `tls`."""
    state = ApiServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _api_handler(state))
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    state.url = f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    with _serving(server):
        yield state


@attrs.define
class ForwardProxy:
    url: str = ""
    refuse: bool = False  # answer CONNECT with 403
    credentials: tuple[str, str] | None = None  # insist on these (407 without them)
    tunnels: list[str] = attrs.field(factory=list)  # CONNECT targets, host:port
    forwarded: list[str] = attrs.field(factory=list)  # absolute URIs forwarded
    authorizations: list[str | None] = attrs.field(factory=list)  # the Proxy-Authorization of each request

    @property
    def address(self) -> str:
        return self.url.split("://", 1)[1].rsplit("@", 1)[-1]

    @property
    def carried(self) -> int:
        return len(self.tunnels) + len(self.forwarded)


def _proxy_handler(state: ForwardProxy) -> type[BaseHTTPRequestHandler]:
    import base64

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _admitted(self) -> bool:
            given = self.headers.get("Proxy-Authorization")
            state.authorizations.append(given)
            if state.credentials is None:
                return True
            expected = "Basic " + base64.b64encode(":".join(state.credentials).encode()).decode()
            if given == expected:
                return True
            self._refuse(407, "Proxy Authentication Required")
            return False

        def _refuse(self, status: int, reason: str) -> None:
            self.send_response(status, reason)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.close_connection = True

        def do_CONNECT(self) -> None:
            if not self._admitted():
                return
            if state.refuse:
                self._refuse(403, "Forbidden")
                return
            state.tunnels.append(self.path)
            host, port = self.path.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)))
            self.send_response(200, "Connection established")
            self.end_headers()
            self.close_connection = True
            _relay(self.connection, upstream)

        def _forward(self) -> None:
            if not self._admitted():
                return
            state.forwarded.append(self.path)
            parts = urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k: v for k, v in self.headers.items() if not k.lower().startswith("proxy-")}
            upstream = http.client.HTTPConnection(parts.hostname or "", parts.port or 80, timeout=10)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            upstream.request(self.command, target, body=body or None, headers=headers)
            answer = upstream.getresponse()
            content = answer.read()
            upstream.close()
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in {"content-length", "transfer-encoding", "connection"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = _forward

    return Handler


def _relay(client: socket.socket, upstream: socket.socket) -> None:
    """Carry bytes both ways until either side closes."""
    sockets = [client, upstream]
    try:
        while True:
            readable, _, _ = select.select(sockets, [], [], 10)
            if not readable:
                return
            for source in readable:
                data = source.recv(65536)
                if not data:
                    return
                (upstream if source is client else client).sendall(data)
    except OSError:
        return
    finally:
        upstream.close()


@contextlib.contextmanager
def forward_proxy(*, refuse: bool = False, credentials: tuple[str, str] | None = None) -> Iterator[ForwardProxy]:
    """The forward proxy on a free loopback port; its `url` carries `credentials` when it insists on them."""
    state = ForwardProxy(refuse=refuse, credentials=credentials)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _proxy_handler(state))
    server.daemon_threads = True
    userinfo = f"{credentials[0]}:{credentials[1]}@" if credentials else ""
    state.url = f"http://{userinfo}127.0.0.1:{server.server_address[1]}"
    with _serving(server):
        yield state


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextlib.contextmanager
def _serving(server: ThreadingHTTPServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- fixtures (a plugin of the suite: tests/conftest.py) -------------------------------------------------------

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def api() -> Iterator[ApiServer]:
    """A loopback API server answering both APIs (see `api_server`)."""
    with api_server() as server:
        yield server


@pytest.fixture
def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what a test sets: none of the developer's proxy variables, in either case."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
