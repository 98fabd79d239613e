"""What every bench case shares: the server process, the throwaway certificate, interleaved rounds, medians."""

from __future__ import annotations

import asyncio
import json
import os
import random
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import httpx
import trustme

ROOT = Path(__file__).resolve().parent.parent


@attrs.frozen
class Tls:
    """A throwaway CA and a server certificate for 127.0.0.1 / localhost, as files."""

    ca_file: str
    cert_file: str
    key_file: str


@contextmanager
def throwaway_tls() -> Iterator[Tls]:
    ca = trustme.CA()
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    with tempfile.TemporaryDirectory(prefix="tbapi-bench-") as folder:
        tls = Tls(
            ca_file=os.path.join(folder, "ca.pem"),
            cert_file=os.path.join(folder, "server.pem"),
            key_file=os.path.join(folder, "server.key"),
        )
        ca.cert_pem.write_to_path(tls.ca_file)
        leaf.private_key_pem.write_to_path(tls.key_file)
        with open(tls.cert_file, "wb") as chain:
            for blob in leaf.cert_chain_pems:
                chain.write(blob.bytes())
        yield tls


@attrs.frozen
class Server:
    http: str  # http://127.0.0.1:PORT
    https: str  # https://127.0.0.1:PORT
    process: subprocess.Popen[bytes] = attrs.field(repr=False)


@contextmanager
def bench_server(tls: Tls | None, *options: str) -> Iterator[Server]:
    """Start `bench.server` in its own process (HTTPS too with `tls`); it stops when its stdin is closed."""
    certificate = ["--certfile", tls.cert_file, "--keyfile", tls.key_file] if tls else []
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.server", *certificate, *options],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the bench server did not start (see its error above)")
        ports = json.loads(line)
        https = f"https://127.0.0.1:{ports['https']}" if "https" in ports else ""
        yield Server(http=f"http://127.0.0.1:{ports['http']}", https=https, process=process)
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class ServerStats:
    """Connections and requests the server saw, to tell connection reuse from a new connection per call."""

    def __init__(self, base_url: str, verify: ssl.SSLContext | bool = True) -> None:
        self._client = httpx.Client(base_url=base_url, verify=verify, trust_env=False)

    def snapshot(self) -> tuple[int, int]:
        stats = self._client.get("/__stats").json()
        return int(stats["connections"]), int(stats["requests"]) - 1  # not counting this request

    def close(self) -> None:
        self._client.close()


@attrs.define
class Samples:
    """Every measurement of one variant, and the median of each round (to show how stable they are)."""

    values: list[float] = attrs.Factory(list)
    round_medians: list[float] = attrs.Factory(list)
    connections: int = 0
    requests: int = 0

    def add_round(self, values: list[float]) -> None:
        self.values.extend(values)
        self.round_medians.append(statistics.median(values))

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.round_medians), max(self.round_medians)

    @property
    def connections_per_call(self) -> float | None:
        return self.connections / self.requests if self.requests else None


SyncCall = Callable[[], object]


def interleaved_sync(
    variants: dict[str, SyncCall],
    *,
    rounds: int,
    calls: int,
    warmup: int = 5,
    stats: ServerStats | None = None,
) -> dict[str, Samples]:
    """Seconds per call of each variant: `rounds` rounds of `calls` calls of every variant.

    Without `stats`, a round takes the variants call by call, each call in a new random order: this machine's
    speed drifts (the same variant's round medians seen 0.53 to 1.1 ms within a run), and variants that take
    their turns call by call meet the same drift, where blocks of 100 calls each met the speed of their own
    moment. With `stats` (connections counted per variant from the server's totals), each variant's calls of a
    round run as one block, the blocks in a new random order each round, so that no variant always follows the
    same one."""
    for call in variants.values():
        for _ in range(warmup):
            call()
    samples = {name: Samples() for name in variants}
    order = list(variants)
    rng = random.Random(7)
    for _ in range(rounds):
        if stats is None:
            for name, timings in _call_by_call(variants, calls, rng).items():
                samples[name].add_round(timings)
            continue
        rng.shuffle(order)
        for name in order:
            before = stats.snapshot()
            samples[name].add_round(_timed(variants[name], calls))
            after = stats.snapshot()
            samples[name].connections += after[0] - before[0]
            samples[name].requests += after[1] - before[1]
    return samples


def _timed(call: SyncCall, calls: int) -> list[float]:
    timings = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return timings


def _call_by_call(variants: dict[str, SyncCall], calls: int, rng: random.Random) -> dict[str, list[float]]:
    """`calls` calls of every variant, taking turns call by call, in a new random order each turn."""
    timings: dict[str, list[float]] = {name: [] for name in variants}
    order = list(variants)
    for _ in range(calls):
        rng.shuffle(order)
        for name in order:
            started = time.perf_counter()
            variants[name]()
            timings[name].append(time.perf_counter() - started)
    return timings


AsyncCall = Callable[[], Awaitable[object]]


async def _in_flight(call: AsyncCall, total: int, concurrency: int) -> float:
    """Calls per second of `total` calls with `concurrency` of them in flight at any time."""
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return total / (time.perf_counter() - started)


async def interleaved_async(
    variants: dict[str, AsyncCall], *, rounds: int, total: int, concurrency: int
) -> dict[str, Samples]:
    """Calls per second of each variant with `concurrency` calls in flight, in interleaved rounds."""
    for call in variants.values():
        await _in_flight(call, concurrency * 2, concurrency)  # warm up: open the pool's connections
    samples = {name: Samples() for name in variants}
    order = list(variants)
    rng = random.Random(11)
    for _ in range(rounds):
        rng.shuffle(order)
        for name in order:
            samples[name].add_round([await _in_flight(variants[name], total, concurrency)])
    return samples


def run_python(code: str, *, env: dict[str, str] | None = None, timeout: float = 120) -> str:
    """Run `python -c code` in a fresh interpreter; its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"python -c {code!r} failed:\n{result.stderr}")
    return result.stdout


def wall_time(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def versions(*distributions: str) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str] = {}
    for name in distributions:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def machine() -> dict[str, Any]:
    import platform

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version() + " (" + platform.python_implementation() + ")",
        "openssl": ssl.OPENSSL_VERSION,
        "load": os.getloadavg(),
    }
