"""A loopback Shanjing stand-in for the bulk commands: item details and 撞库 records, each after `delay` seconds.

Ids in `missing` answer the service's error envelope; every request is counted per id, and the client port
it came from is kept (`ports`: which connection carried it). It runs in a
background thread of the test process (a `ThreadingHTTPServer` on a free port) and stops with its `with`.
"""

from __future__ import annotations

import collections
import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ITEM_PATH = "/rest/taobao-global/traffic/item/get"
PRODUCT_PATH = "/rest/taobao-global/product/get"


class ItemServer:
    def __init__(self, *, delay: float = 0.0, missing: frozenset[int] = frozenset()) -> None:
        self.delay = delay
        self.missing = missing
        self.requests: collections.Counter[int] = collections.Counter()
        self.ports: dict[int, int] = {}  # item id -> the client port of its (last) request
        self._lock = threading.Lock()
        self.url = ""

    def answer(self, path: str, item_id: int, port: int = 0) -> dict[str, object]:
        with self._lock:
            self.requests[item_id] += 1
            self.ports[item_id] = port
        time.sleep(self.delay)
        if item_id in self.missing:
            return {"errorCode": "InvalidParameter", "errorMsg": f"no item {item_id}", "data": None}
        if path == PRODUCT_PATH:
            return {"success": True, "data": {"itemId": item_id, "mpId": f"mp{item_id}"}}
        return {"errorCode": None, "data": {"tbItemId": item_id, "title": f"item {item_id}", "price": 100 + item_id}}

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self.requests.values())


@contextlib.contextmanager
def item_server(*, delay: float = 0.0, missing: frozenset[int] = frozenset()) -> Iterator[ItemServer]:
    state = ItemServer(delay=delay, missing=missing)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            item_id = int(parse_qs(url.query)["item_id"][0])
            body = json.dumps(state.answer(url.path, item_id, self.client_address[1])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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
