"""The sync clients' own pool: httpx's transport, one connection pool per thread.

httpcore's sync pool (1.0.9) can close a connection under a request of another thread: a pass of its
bookkeeping picks an idle connection to close (a surplus keep-alive one) while that connection is already
handed to a waiting request, and closes it outside its lock, after the waiting thread has started to send
on it. That thread's read then waits until its read timeout (encode/httpcore#1110; bench/FINDINGS.md, case
bulk: 64 threads stalled a batch for 30 s). Keeping every connection alive avoids the close, but then every
pass polls each idle socket under the pool's one lock, which costs more than the calls themselves at 64
threads. A pool used by one thread only has neither problem: its passes never race, and it holds the one
connection its thread's calls reuse. So each thread that sends gets its own pool (`DeadlineTransport`:
httpx's transport whose network waits end at the attempt's deadline, with the client's limits, proxy and one
shared TLS context: `network.py`); the pool of a thread that has ended is closed when the next thread's pool
is made, and `close()` closes them all.
"""

from __future__ import annotations

import threading
from importlib.util import find_spec

import httpx

from .._exceptions import CLIENT_CLOSED, ClientStateError, ValidationError
from .deadline import DeadlineTransport
from .network import Network


class ThreadPools(httpx.BaseTransport):
    """`DeadlineTransport(limits=limits)` through the network's proxy, one per sending thread (see the module
    docstring)."""

    def __init__(self, limits: httpx.Limits, network: Network) -> None:
        if network.proxy is not None and network.proxy.url.scheme.startswith("socks") and not find_spec("socksio"):
            # httpx would raise ImportError in the first call's thread
            raise ValidationError("proxy", "a SOCKS proxy needs the socksio package: pip install 'httpx[socks]'")
        self._limits = limits
        self._network = network  # its TLS context is made once: loading the CA bundle costs ~10 ms a pool
        self._mine = threading.local()
        self._lock = threading.Lock()
        self._pools: list[tuple[threading.Thread, DeadlineTransport]] = []
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        pool: DeadlineTransport | None = getattr(self._mine, "pool", None)
        if pool is None:
            pool = self._mine.pool = self._new_pool()
        return pool.handle_request(request)

    def _new_pool(self) -> DeadlineTransport:
        pool = DeadlineTransport(self._network.tls, self._limits, self._network.proxy)
        with self._lock:
            if self._closed:  # a call that passed the client's closed check as `close()` ran: no pool outlives it
                raise ClientStateError(CLIENT_CLOSED)
            ended = [old for thread, old in self._pools if not thread.is_alive()]
            self._pools = [(thread, old) for thread, old in self._pools if thread.is_alive()]
            self._pools.append((threading.current_thread(), pool))
        for old in ended:  # no thread uses these any more: closing them races with nothing
            old.close()
        return pool

    def close(self) -> None:
        with self._lock:
            self._closed = True
            pools, self._pools = self._pools, []
        for _, pool in pools:
            pool.close()
