"""Case "fleet": a price run on worker processes of `tbapi fleet`, one Redis, one capped gateway.

The bench server plays one access token's limit on the item detail path: a strict sliding second of 200
calls, the call over it banned for 1 s (an HTTP 429 with `Retry-After`, answered at once, counted), a call let
through answered after 30 ms. 3 `tbapi fleet worker` processes (`--rate-limit 200`: one rate limit in Redis)
run 3,000 ids submitted with `tbapi fleet submit`; `tbapi fleet collect --follow` writes them. The ideal wall
time is what the cap allows: 3,000 / 200 = 15 s. Measured from the run's submit to its last result stored
(the run's own times in Redis; the workers were started and seen before), once as is and once with one worker SIGKILLed when half the ids
are done (its chunks go to the others after `--reclaim-after 3`). Every run is checked: the file holds each
id exactly once.

Redis memory is measured apart, on a smaller run (MEMORY_IDS ids, no cap, with a watch list) of a Redis of
its own: `INFO memory` (`used_memory`) before the submit, when every id has its result (nothing collected
yet), and after `collect` took them out; the growth is scaled to 10^5 items.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import httpx
import redis

from bench.cases import ACCESS_TOKEN, Result, Row, Target
from bench.harness import ROOT, bench_server
from mock.redis_server import running_redis
from tbapi._ratelimit.pacing import PACING_MARGIN, pacing_rate

WORKERS, IDS_COUNT, CAP, BAN_S, LATENCY_S = 3, 3000, 200, 1, 0.030
IDS = [689_542_170_000 + n for n in range(IDS_COUNT)]
IDEAL_S = IDS_COUNT / CAP
FLOOR_S = IDS_COUNT / pacing_rate(CAP)  # what the RateLimiter's pacing allows
RECLAIM_AFTER_S = 3
MEMORY_IDS = 5000
TBAPI = str(Path(sys.executable).parent / "tbapi")


@attrs.frozen
class Run:
    seconds: float  # from the chunks on the stream to the last result stored (the run's own times in Redis)
    end_to_end: float  # from starting `tbapi fleet submit` to the end of `tbapi fleet collect --follow`
    before: float  # of end_to_end, before the run's record is made: the submit process starting
    after: float  # of end_to_end, after the last result is stored: collect's last poll, its last lines, its exit
    lines: int
    distinct: int
    bans: int


class Fleet:
    """Worker processes of one namespace on one Redis, calling one bench server."""

    def __init__(self, base_url: str, redis_url: str, namespace: str, folder: Path) -> None:
        self.base_url, self.redis_url, self.namespace, self.folder = base_url, redis_url, namespace, folder
        self.env = os.environ | {"TBAPI_REDIS_URL": redis_url, "TBAPI_FLEET_NAMESPACE": namespace}
        self.workers: list[subprocess.Popen[bytes]] = []
        self.redis = redis.Redis.from_url(redis_url)

    def start_workers(self, count: int, *options: str) -> None:
        for _ in range(count):
            argv = [TBAPI, "fleet", "worker", "--base-url", self.base_url, "--access-token", ACCESS_TOKEN,
                    "--concurrency", "64", "--reclaim-after", str(RECLAIM_AFTER_S), *options]  # fmt: skip
            self.workers.append(subprocess.Popen(argv, env=self.env, stderr=subprocess.DEVNULL, cwd=ROOT))
        wait_until(lambda: int(self.redis.hlen(f"{self.namespace}:workers")) >= count, "the workers start")

    def submit(self, run: str, ids: list[int], *options: str) -> None:
        source = self.folder / f"{run}.txt"
        source.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
        subprocess.run([TBAPI, "fleet", "submit", run, "--from", str(source), *options], env=self.env, check=True)

    def collecting(self, run: str, output: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen([TBAPI, "fleet", "collect", run, "--output", str(output), "--follow"], env=self.env)

    def done(self, run: str) -> int:
        return int(self.redis.hget(f"{self.namespace}:run:{run}", "done") or 0)

    def stop(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in self.workers:
            worker.wait(timeout=60)


def wait_until(condition: Callable[[], bool], what: str, within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"fleet bench: not within {within:.0f} s: {what}")
        time.sleep(0.05)


def refused(base_url: str) -> int:
    return int(httpx.get(base_url + "/__stats", trust_env=False).json()["refused"])


def timed_run(base_url: str, folder: Path, name: str, *, kill_one: bool) -> Run:
    with running_redis() as redis_url:
        fleet = Fleet(base_url, redis_url, f"bench:{name}", folder)
        try:
            fleet.start_workers(WORKERS, "--rate-limit", str(CAP))
            output = folder / f"{name}.jsonl"
            bans_before = refused(base_url)
            started = time.time()  # the clock the run's own times in Redis are on (one machine)
            fleet.submit(name, IDS)
            collect = fleet.collecting(name, output)
            if kill_one:
                wait_until(lambda: fleet.done(name) >= IDS_COUNT // 2, "half the ids")
                fleet.workers[0].send_signal(signal.SIGKILL)
            collect.wait(timeout=300)
            ended = time.time()
            bans = refused(base_url) - bans_before
            times = fleet.redis.hmget(f"bench:{name}:run:{name}", ["submitted_at", "last_at"])
            submitted_at, last_at = float(times[0] or 0), float(times[1] or 0)
        finally:
            fleet.stop()
    ids = [json.loads(line)["item_id"] for line in output.read_text(encoding="utf-8").splitlines()]
    if sorted(set(ids)) != IDS:
        raise RuntimeError(f"fleet bench: {len(set(ids))} distinct ids collected of {IDS_COUNT}")
    return Run(
        seconds=last_at - submitted_at,
        end_to_end=ended - started,
        before=submitted_at - started,
        after=ended - last_at,
        lines=len(ids),
        distinct=len(set(ids)),
        bans=bans,
    )


def used_memory(client: redis.Redis) -> int:
    return int(client.info("memory")["used_memory"])


def memory_per_100k(base_url: str, folder: Path) -> tuple[float, float]:
    """Redis bytes per 10^5 items: with every result stored and none collected, and after collecting."""
    ids = [IDS[0] + IDS_COUNT + n for n in range(MEMORY_IDS)]
    with running_redis() as redis_url:
        fleet = Fleet(base_url, redis_url, "bench:memory", folder)
        try:
            fleet.start_workers(WORKERS)
            base = used_memory(fleet.redis)
            fleet.submit("memory", ids, "--watch", "prices")
            wait_until(lambda: fleet.done("memory") >= len(ids), "every result stored", within=300)
            stored = used_memory(fleet.redis)
            fleet.collecting("memory", folder / "memory.jsonl").wait(timeout=120)
            drained = used_memory(fleet.redis)
        finally:
            fleet.stop()
    scale = 100_000 / len(ids)
    return (stored - base) * scale, (drained - base) * scale


def noted(run: Run) -> str:
    return (
        f"{run.seconds:.1f} s ({run.end_to_end:.1f} s end to end: {run.before:.2f} s before the run's record, "
        f"{run.after:.2f} s after its last result), {run.bans} ban "
        f"answers, {run.lines} lines, {run.distinct} ids"
    )


def fleet() -> Result:
    folder = Path(tempfile.mkdtemp(prefix="tbapi-bench-fleet-"))
    capped = ("--calls-per-second", str(CAP), "--ban-seconds", str(BAN_S), "--latency", str(LATENCY_S))
    with bench_server(None, *capped) as server:
        whole = timed_run(server.http, folder, "whole", kill_one=False)
        time.sleep(BAN_S + 0.5)  # the server's window empties between the runs
        killed = timed_run(server.http, folder, "killed", kill_one=True)
    with bench_server(None, "--latency", str(LATENCY_S)) as server:
        stored, drained = memory_per_100k(server.http, folder)
    rows = [
        Row(f"{WORKERS} workers, {IDS_COUNT:,} ids", IDS_COUNT / whole.seconds, "calls/s", note=noted(whole)),
        Row(f"{WORKERS} workers, one SIGKILLed halfway", IDS_COUNT / killed.seconds, "calls/s", note=noted(killed)),
        Row("Redis memory per 10^5 items, results not collected yet", stored, "bytes"),
        Row("Redis memory per 10^5 items, after collect (state flags, watch list)", drained, "bytes"),
    ]
    return Result(
        "fleet",
        f"A fleet run: {WORKERS} worker processes, {IDS_COUNT:,} ids, a gateway capped at {CAP} calls/s "
        f"({LATENCY_S * 1e3:.0f} ms per call)",
        rows,
        [
            Target("fleet rate, % of the cap", IDS_COUNT / whole.seconds / CAP * 100, 90, True, unit="%"),
            Target("ban answers, % of calls", whole.bans * 100 / IDS_COUNT, 1, False, unit="%"),
            Target("wall time ÷ ideal", whole.seconds / IDEAL_S, 1.15, False),
            Target(
                "wall time ÷ ideal, end to end (submit and collect processes too)",
                whole.end_to_end / IDEAL_S,
                1.15,
                False,
            ),
            Target("one worker SIGKILLed: ids lost", IDS_COUNT - killed.distinct, 0, False, unit="ids"),
            Target("one worker SIGKILLed: ids written twice", killed.lines - killed.distinct, 0, False, "ids"),
            Target("one worker SIGKILLed: wall time ÷ ideal", killed.seconds / IDEAL_S, 1.5, False),
        ],
        [
            f"The bench server: a sliding one-second window of {CAP} calls on the item detail path; the call over "
            f"it starts a {BAN_S} s ban (HTTP 429, `Retry-After`), answered at once; a call let through is "
            f"answered after {LATENCY_S * 1e3:.0f} ms. Ideal wall time: {IDS_COUNT:,} / {CAP} = {IDEAL_S:.0f} s.",
            f"`tbapi fleet worker --rate-limit {CAP} --concurrency 64 --reclaim-after {RECLAIM_AFTER_S}` in "
            f"{WORKERS} processes, started and seen before the clock starts. Wall time: from the run submitted "
            "(its record made, just before its chunks go on the stream) to its last result stored (the run's own times in Redis, what `status` reports); the note "
            "adds the end-to-end time, from starting `tbapi fleet submit` (chunks of 100) to the end of "
            "`tbapi fleet collect --follow` (started when submit ends): before the run's record, the submit "
            "process starting (it imports tbapi's CLI, the Shanjing client and taskiq); after the last result, "
            "collect's last poll (every 0.1 s while it finds nothing new), its last lines and its exit. The "
            f"workers' RateLimiter paces {PACING_MARGIN * 100:.0f} % under the {CAP} calls/s asked (the window is strict), "
            f"so {IDS_COUNT:,} calls take at least {FLOOR_S:.1f} s: {FLOOR_S / IDEAL_S:.2f}x the ideal.",
            f"Redis memory: `INFO memory` used_memory on a run of {MEMORY_IDS:,} ids with `--watch` (no cap), "
            "scaled linearly to 10^5 items (the hashes are past their small encodings at this size, so the cost "
            "per item is the large-hash one). Results not collected: the JSON line of the bench item (about "
            "1.9 KB), the state flag and the watch list's fingerprint per id (its change line, `appeared` on a "
            "first watched run, is stored without the item). After collect: the state "
            "flags (kept until the run expires, 7 days after its last write) and the watch list (90 days).",
        ],
    )
