"""A loopback Shanjing stand-in for the bulk commands: item details and 撞库 records, each after `delay` seconds.

Ids in `missing` answer the service's error envelope, ids in `fail_first` an HTTP 503 to their first request,
ids in `always_fail` an HTTP 503 to every request; an item's price is `prices[id]` when set, else 100 + id;
every request is counted per id, and the client port it came from is kept (`ports`: which connection carried
it); `most_at_once` is the most requests it was answering at one moment. With `fresh_token` set, a request
without that Bearer token is refused (HTTP 401) and a token refresh (`refreshes` counts them) hands it out.
`on_request` (if set) is called with each item id as it arrives. It runs in a background thread of the test
process (a `ThreadingHTTPServer` on a free port) and stops with its `with`; `connections` counts the
connections open at the moment. With `echo_token` set, every item request is refused with the caller's token
echoed back in the error's code, message and request id (a hostile or careless service).
"""

from __future__ import annotations

import collections
import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.loopback import send_json

ITEM_PATH = "/rest/taobao-global/traffic/item/get"
PRODUCT_PATH = "/rest/taobao-global/product/get"
REFRESH_PATH = "/rest/taobao-global/auth/token/refresh"


class ItemServer:
    def __init__(
        self, *, delay: float = 0.0, missing: frozenset[int] = frozenset(), fail_first: frozenset[int] = frozenset()
    ) -> None:
        self.delay = delay
        self.missing = missing
        self.fail_first = fail_first
        self.always_fail: frozenset[int] = frozenset()
        self.prices: dict[int, int] = {}
        self.fresh_token: str | None = None
        self.echo_token = False
        self.on_request: Callable[[int], None] | None = None
        self.requests: collections.Counter[int] = collections.Counter()
        self.ports: dict[int, int] = {}  # item id -> the client port of its (last) request
        self.refreshes = 0
        self.connections = 0
        self.most_at_once = 0  # the most requests being answered at the same moment
        self._at_once = 0
        self._lock = threading.Lock()
        self.url = ""

    def answer(self, path: str, item_id: int, port: int = 0) -> tuple[int, dict[str, object]]:
        with self._lock:
            self.requests[item_id] += 1
            self.ports[item_id] = port
            first = self.requests[item_id] == 1
        if self.on_request is not None:
            self.on_request(item_id)
        with self._lock:
            self._at_once += 1
            self.most_at_once = max(self.most_at_once, self._at_once)
        time.sleep(self.delay)
        with self._lock:
            self._at_once -= 1
        if item_id in self.always_fail or (item_id in self.fail_first and first):
            return 503, {"errorCode": "ServiceUnavailable", "errorMsg": "try again", "data": None}
        if item_id in self.missing:
            return 200, {"errorCode": "InvalidParameter", "errorMsg": f"no item {item_id}", "data": None}
        if path == PRODUCT_PATH:
            return 200, {"success": True, "data": {"itemId": item_id, "mpId": f"mp{item_id}"}}
        return 200, {
            "errorCode": None,
            "data": {"tbItemId": item_id, "title": f"item {item_id}", "price": self.prices.get(item_id, 100 + item_id)},
        }

    def refreshed(self) -> dict[str, object]:
        with self._lock:
            self.refreshes += 1
        return {"access_token": self.fresh_token, "refresh_token": "refresh-token-0002", "expires_in": 3600}

    def counted(self, change: int) -> None:
        with self._lock:
            self.connections += change

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self.requests.values())


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a client that gave up waiting (a timeout test) is not the server's error."""


@contextlib.contextmanager
def item_server(
    *, delay: float = 0.0, missing: frozenset[int] = frozenset(), fail_first: frozenset[int] = frozenset()
) -> Iterator[ItemServer]:
    state = ItemServer(delay=delay, missing=missing, fail_first=fail_first)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            state.counted(+1)

        def finish(self) -> None:
            state.counted(-1)
            super().finish()

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == REFRESH_PATH:
                return self.send(200, state.refreshed())
            if state.fresh_token is not None and self.headers.get("Authorization") != f"Bearer {state.fresh_token}":
                return self.send(401, {"errorCode": "IllegalAccessToken", "errorMsg": "expired", "data": None})
            if state.echo_token:
                token = str(self.headers.get("Authorization", "")).removeprefix("Bearer ")
                return self.send(200, {"errorCode": token, "errorMsg": f"{token} refused", "requestId": token})
            item_id = int(parse_qs(url.query)["item_id"][0])
            self.send(*state.answer(url.path, item_id, self.client_address[1]))

        def send(self, status: int, answer: dict[str, object]) -> None:
            send_json(self, status, answer)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), name="item-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
