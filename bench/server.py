"""The bench server: a tiny keep-alive HTTP/1.1 server on uvloop + httptools, plain and TLS, in its own process.

    python -m bench.server [--certfile PEM --keyfile PEM] [--calls-per-second N --ban-seconds S --latency S]

It listens on two loopback ports chosen by the OS (plain HTTP, and HTTPS when given a certificate), prints
`{"http": PORT, "https": PORT}` on one line once it is ready, and serves until its standard input closes
(so it never outlives the runner that started it). Answers are prebuilt bytes:

- `POST /router/rest` (TOP): the `method` is read from the query or, as taobaopy sends it, from the form
  body; `taobao.products.search` gets the 100-product page, any other method the gateway's `error_response`.
  No signature or timestamp check: the bench measures clients, not the gateway.
- `GET /rest/taobao-global/traffic/item/search` (Shanjing keyword search): the 20-item page.
- `GET /rest/taobao-global/traffic/item/get?item_id=N` (Shanjing item detail): one item, its id N.
- `GET /__stats`: `{"connections": N, "requests": N, "refused": N}` per listener since start (to show
  connection reuse; `refused` counts the ban answers).

With `--calls-per-second` the TOP path plays the gateway's call limit per app key (the mock gateway front's
`CallLimit`: over the cap, code 7 `This ban will last for N more seconds` for `--ban-seconds`), answered at
once; the Shanjing item detail path has the same limit, over it an HTTP 429 with `Retry-After`. With `--latency`, every other API answer is sent that many seconds after its request arrived (a WAN
round trip, without holding the event loop): the quota and bulk cases of `make bench`.

Not Prism, not an ASGI framework: their own per-request cost would hide the clients' cost being measured.
"""

from __future__ import annotations

import argparse
import asyncio
import email.utils
import functools
import json
import re
import socket
import ssl
import sys
import time

import attrs
import httptools
import uvloop

from bench.bodies import (
    FIRST_PRODUCT_ID,
    ITEM_ID,
    PRODUCTS_PER_PAGE,
    item_detail_body,
    items_search_body,
    products_search_body,
    top_ban_body,
    top_error_body,
)
from mock.top_gateway import CallLimit

TOP_PATH = b"/router/rest"
SHANJING_SEARCH_PATH = b"/rest/taobao-global/traffic/item/search"
SHANJING_DETAIL_PATH = b"/rest/taobao-global/traffic/item/get"
_ITEM_ID_PARAM = re.compile(rb"(?:^|&)item_id=([0-9]{1,19})(?:&|$)")
STATS_PATH = b"/__stats"
SHANJING_LIMIT_KEY = "shanjing"  # one access token: the item detail path has one limit
SHANJING_BAN_BODY = b'{"errorCode":"TooManyRequests","errorMsg":"call limit exceeded","data":null}'
_METHOD_PARAM = re.compile(rb"(?:^|&)method=([^&]*)")
_PAGE_NO_PARAM = re.compile(rb"(?:^|&)page_no=([0-9]{1,9})(?:&|$)")
_APP_KEY_PARAM = re.compile(rb"(?:^|&)app_key=([^&]*)")
_JSON = b"application/json;charset=UTF-8"


class Stats:
    def __init__(self) -> None:
        self.connections = 0
        self.requests = 0
        self.refused = 0


@attrs.frozen
class Quota:
    """The gateway's call limit (None: none) and the latency of every API answer but a ban."""

    limit: CallLimit | None
    latency: float


class Answers:
    """Prebuilt bodies, and the head of a response with a `Date` header cached for the current second."""

    def __init__(self) -> None:
        self.products = products_search_body()
        self.items = items_search_body()
        self.detail = item_detail_body()
        self.not_found = b'{"title":"Not Found","status":404}'
        self._date_second = 0
        self._date = b""

    def products_page(self, page_no: bytes) -> bytes:
        """The 100-product page, its first product id made unique per page: tbapi refuses a page sent twice."""
        if page_no in (b"", b"1"):
            return self.products
        first = str(FIRST_PRODUCT_ID + PRODUCTS_PER_PAGE * int(page_no)).encode("ascii")
        return self.products.replace(b'"product_id":%d' % FIRST_PRODUCT_ID, b'"product_id":' + first, 1)

    def date(self) -> bytes:
        now = int(time.time())
        if now != self._date_second:
            self._date_second, self._date = now, email.utils.formatdate(now, usegmt=True).encode("ascii")
        return self._date

    def response(self, status: bytes, body: bytes, *, keep_alive: bool, headers: bytes = b"") -> bytes:
        connection = b"" if keep_alive else b"Connection: close\r\n"
        return b"".join(
            (
                b"HTTP/1.1 ",
                status,
                b"\r\n",
                headers,
                b"Server: tbapi-bench\r\nDate: ",
                self.date(),
                b"\r\nContent-Type: ",
                _JSON,
                b"\r\nContent-Length: ",
                str(len(body)).encode("ascii"),
                b"\r\n",
                connection,
                b"\r\n",
                body,
            )
        )


def top_param(pattern: re.Pattern[bytes], query: bytes, body: bytes) -> bytes:
    """A TOP system parameter, from the query (topsdk, tbapi) or the form body (taobaopy)."""
    for source in (query, body):
        found = pattern.search(source)
        if found:
            return found.group(1)
    return b""


def top_method(query: bytes, body: bytes) -> bytes:
    return top_param(_METHOD_PARAM, query, body)


class HttpProtocol(asyncio.Protocol):
    """One connection: parse requests with httptools, answer each from `Answers`, keep the connection open."""

    def __init__(self, answers: Answers, stats: Stats, quota: Quota | None = None) -> None:
        self._answers = answers
        self._stats = stats
        self._quota = quota
        self._parser = httptools.HttpRequestParser(self)
        self._transport: asyncio.Transport | None = None
        self._url = b""
        self._body: list[bytes] = []

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # uvloop's transports do not subclass asyncio's
        self._stats.connections += 1

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError:
            if self._transport is not None:
                self._transport.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                self._transport.close()

    # httptools callbacks
    def on_message_begin(self) -> None:
        self._url = b""
        self._body = []

    def on_url(self, url: bytes) -> None:
        self._url += url

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        self._stats.requests += 1
        keep_alive = self._parser.should_keep_alive()
        status, body, delay, headers = self._route()
        if delay:
            asyncio.get_running_loop().call_later(delay, self._answer, transport, status, body, keep_alive, headers)
        else:
            self._answer(transport, status, body, keep_alive, headers)

    def _answer(
        self, transport: asyncio.Transport, status: bytes, body: bytes, keep_alive: bool, headers: bytes = b""
    ) -> None:
        if transport.is_closing():
            return
        transport.write(self._answers.response(status, body, keep_alive=keep_alive, headers=headers))
        if not keep_alive:
            transport.close()

    def _route(self) -> tuple[bytes, bytes, float, bytes]:
        """(status, body, seconds before answering, extra header lines)."""
        url = httptools.parse_url(self._url)
        path, query = url.path, url.query or b""
        if path == STATS_PATH or self._quota is None:
            return (*self._plain(path, query), 0.0, b"")
        if path == TOP_PATH and self._quota.limit is not None:
            form = b"".join(self._body)
            left = self._quota.limit.refused_for(top_param(_APP_KEY_PARAM, query, form).decode("ascii", "replace"))
            if left is not None:
                self._stats.refused += 1
                return b"200 OK", top_ban_body(left), 0.0, b""
            return (*self._top(query, form), self._quota.latency, b"")
        if path == SHANJING_DETAIL_PATH and self._quota.limit is not None:
            left = self._quota.limit.refused_for(SHANJING_LIMIT_KEY)
            if left is not None:
                self._stats.refused += 1
                return b"429 Too Many Requests", SHANJING_BAN_BODY, 0.0, b"Retry-After: %d\r\n" % left
        return (*self._plain(path, query), self._quota.latency, b"")

    def _top(self, query: bytes, form: bytes) -> tuple[bytes, bytes]:
        method = top_method(query, form)
        if method == b"taobao.products.search":
            return b"200 OK", self._answers.products_page(top_param(_PAGE_NO_PARAM, query, form))
        return b"200 OK", top_error_body(method.decode("ascii", errors="replace"))

    def _plain(self, path: bytes, query: bytes) -> tuple[bytes, bytes]:
        if path == TOP_PATH:
            return self._top(query, b"".join(self._body))
        if path == SHANJING_SEARCH_PATH:
            return b"200 OK", self._answers.items
        if path == SHANJING_DETAIL_PATH:
            found = _ITEM_ID_PARAM.search(query)
            return b"200 OK", self._answers.detail.replace(ITEM_ID, found.group(1) if found else b"0", 1)
        if path == STATS_PATH:
            stats = {
                "connections": self._stats.connections,
                "requests": self._stats.requests,
                "refused": self._stats.refused,
            }
            return b"200 OK", json.dumps(stats).encode("ascii")
        return b"404 Not Found", self._answers.not_found


def listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def server_tls_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certfile, keyfile)
    return context


async def serve(certfile: str | None, keyfile: str | None, quota: Quota | None = None) -> None:
    loop = asyncio.get_running_loop()
    answers = Answers()
    listeners: dict[str, tuple[socket.socket, ssl.SSLContext | None]] = {"http": (listening_socket(), None)}
    if certfile and keyfile:
        listeners["https"] = (listening_socket(), server_tls_context(certfile, keyfile))
    servers = []
    for sock, tls in listeners.values():
        factory = functools.partial(HttpProtocol, answers, Stats(), quota)  # one Stats per listener
        servers.append(await loop.create_server(factory, sock=sock, ssl=tls, backlog=1024))
    print(json.dumps({name: sock.getsockname()[1] for name, (sock, _) in listeners.items()}), flush=True)
    # Serve until the runner closes our stdin (or dies): read it in a thread, it is a blocking pipe.
    await loop.run_in_executor(None, sys.stdin.buffer.read)
    for server in servers:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certfile", help="PEM certificate chain for the HTTPS listener")
    parser.add_argument("--keyfile", help="PEM private key for the HTTPS listener")
    parser.add_argument("--calls-per-second", type=int, default=0, help="TOP call limit per app key (0: none)")
    parser.add_argument("--ban-seconds", type=float, default=1.0, help="how long an overrun bans the app key")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before an API answer (not a ban) is sent")
    args = parser.parse_args()
    quota = None
    if args.calls_per_second > 0 or args.latency > 0:
        limit = CallLimit(args.calls_per_second, args.ban_seconds) if args.calls_per_second > 0 else None
        quota = Quota(limit, args.latency)
    uvloop.run(serve(args.certfile, args.keyfile, quota))


if __name__ == "__main__":
    main()
