"""A fleet as a user runs one: `tbapi fleet submit|status|collect` (in-process, through click's CliRunner) and
worker processes started from the command line (`tbapi fleet worker`, or `taskiq worker tbapi.fleet:broker`)
against a loopback item server, on a Redis of the test's choosing, in a namespace of the test's own."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import redis
from click.testing import CliRunner, Result

from tbapi.cli import command
from tests.cli.item_server import ItemServer

BIN = Path(sys.executable).parent
TOKEN = "access-token-0001"
RECLAIM_AFTER_S = "2"  # short, so a killed worker's chunk comes back within the test
STOPPED_WITHIN_S = 30.0  # a worker told to stop that has not exited by then is hung: the test fails
# Variables that change whether rich draws on a terminal: a test of what a terminal shows drops them (sets TERM).
TERMINAL_OVERRIDES = frozenset({"FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR", "TERM"})


class Fleet:
    def __init__(self, redis_url: str, namespace: str, server: ItemServer, logs: Path) -> None:
        self.redis_url = redis_url
        self.namespace = namespace
        self.server = server
        self.logs = logs
        self.workers: list[subprocess.Popen[bytes]] = []

    @property
    def env(self) -> dict[str, str]:
        return {"TBAPI_REDIS_URL": self.redis_url, "TBAPI_FLEET_NAMESPACE": self.namespace}

    def cli(self, *args: str) -> Result:
        return CliRunner().invoke(command(), ["fleet", *args], env=self.env, catch_exceptions=False)

    def submit(self, run: str, ids: list[int], *options: str) -> Result:
        source = self.logs / f"{run}-ids.txt"
        source.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
        return self.cli("submit", run, "--from", str(source), "--chunk-size", "10", *options)

    def collect(self, run: str, *options: str) -> list[dict[str, Any]]:
        """`collect RUN --follow` into a new file: the lines it wrote."""
        output = self.logs / f"{run}-{time.monotonic_ns()}.jsonl"
        self.cli("collect", run, "--output", str(output), "--follow", *options)
        return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]

    def collect_screen(self, run: str, *, terminal: bool) -> str:
        """`tbapi fleet collect RUN --follow` as a process whose stderr is a terminal (a pseudo-terminal) or a
        pipe: what it showed there."""
        argv = [str(BIN / "tbapi"), "fleet", "collect", run, "--follow",
                "--output", str(self.logs / f"{run}-{time.monotonic_ns()}.jsonl")]  # fmt: skip
        env = {name: value for name, value in os.environ.items() if name not in TERMINAL_OVERRIDES}
        env |= self.env | {"TERM": "xterm-256color", "COLUMNS": "120"}
        if not terminal:
            piped = subprocess.run(
                argv, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=STOPPED_WITHIN_S
            )
            return piped.stderr.decode("utf-8", errors="replace")
        screen, stderr = pty.openpty()
        process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stderr=stderr)
        os.close(stderr)  # the process holds the terminal now: reading it ends when the process closes it
        try:
            return _read_until_closed(screen).decode("utf-8", errors="replace")
        finally:
            os.close(screen)
            process.wait(timeout=STOPPED_WITHIN_S)

    def status(self, run: str) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.cli("status", run, "--json").stdout)
        return result

    def start_worker(self, *options: str) -> subprocess.Popen[bytes]:
        """`tbapi fleet worker` against the item server; `options` come last, so one given again here wins
        (click keeps an option's last value)."""
        argv = [str(BIN / "tbapi"), "--max-retries", "0", "fleet", "worker", "--base-url", self.server.url,
                "--access-token", TOKEN, "--reclaim-after", RECLAIM_AFTER_S, "--concurrency", "8", *options]  # fmt: skip
        return self._started(argv, os.environ | self.env)

    def start_taskiq_worker(self, *options: str, token: str | None = TOKEN) -> subprocess.Popen[bytes]:
        """`taskiq worker tbapi.fleet:broker`: taskiq's own command, configured by the environment alone (with
        no access token there when `token` is None); `options` are taskiq's."""
        env = {name: value for name, value in os.environ.items() if not name.startswith("TBAPI_SHANJING_")}
        env |= self.env | {
            "TBAPI_SHANJING_BASE_URL": self.server.url,
            "TBAPI_FLEET_RECLAIM_AFTER": RECLAIM_AFTER_S,
        }  # fmt: skip
        env |= {} if token is None else {"TBAPI_SHANJING_ACCESS_TOKEN": token}
        return self._started([str(BIN / "taskiq"), "worker", "tbapi.fleet:broker", "--workers", "1", *options], env)

    def _started(self, argv: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = (self.logs / f"worker-{len(self.workers)}.log").open("wb")
        worker = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.workers.append(worker)
        return worker

    def stop(self, worker: subprocess.Popen[bytes], signum: int = signal.SIGTERM) -> int:
        """Send `signum` to the worker's process group; its exit code."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(worker.pid, signum)
        return worker.wait(timeout=STOPPED_WITHIN_S)

    def stop_all(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                try:
                    self.stop(worker)
                except subprocess.TimeoutExpired:
                    self.stop(worker, signal.SIGKILL)

    def redis(self) -> redis.Redis:
        return redis.Redis.from_url(self.redis_url)

    def chunks_waiting(self) -> int:
        """Chunks on the fleet's stream (a chunk leaves it when a worker acknowledges it)."""
        return int(self.redis().xlen(f"{self.namespace}:chunks"))

    def _delivered(self) -> list[dict[str, Any]]:
        """The consumer group's pending entries: chunks delivered to a worker and not acknowledged."""
        found: list[dict[str, Any]] = self.redis().xpending_range(
            f"{self.namespace}:chunks", f"{self.namespace}:workers", min="-", max="+", count=1000
        )
        return found

    def unfinished_chunks(self) -> int:
        return len(self._delivered())

    def held_chunks(self) -> int:
        """Unfinished chunks a worker still holds: not idle past the reclaim delay, so no other takes them."""
        reclaim_ms = float(RECLAIM_AFTER_S) * 1000
        return sum(1 for entry in self._delivered() if entry["time_since_delivered"] < reclaim_ms)

    def worker_log(self, number: int) -> str:
        return (self.logs / f"worker-{number}.log").read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def fleet_on(redis_url: str, namespace: str, server: ItemServer, logs: Path) -> Iterator[Fleet]:
    fleet = Fleet(redis_url, namespace, server, logs)
    try:
        yield fleet
    finally:
        fleet.stop_all()


def _read_until_closed(terminal: int) -> bytes:
    """All a pseudo-terminal's process wrote to it, until the process closed it (fails, not hangs, after
    STOPPED_WITHIN_S)."""
    drawn = bytearray()
    deadline = time.monotonic() + STOPPED_WITHIN_S
    while (left := deadline - time.monotonic()) > 0:
        if not select.select([terminal], [], [], left)[0]:
            break
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # EIO: every process holding the terminal closed it
            return bytes(drawn)
        if not chunk:
            return bytes(drawn)
        drawn += chunk
    raise AssertionError(f"the process still held its terminal after {STOPPED_WITHIN_S:.0f} s")


def ids_of(lines: list[dict[str, Any]]) -> list[int]:
    return sorted(line["item_id"] for line in lines)


def wait_until(condition: Callable[[], bool], what: str, within: float = 20.0) -> None:
    """Poll `condition` until it holds; fail (not hang) when it does not within `within` seconds."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {within:.0f} s: {what}")
        time.sleep(0.02)
