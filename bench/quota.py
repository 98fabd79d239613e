"""Case "quota": one app key's call limit, shared by one client, a fleet of processes, and a peer.

A bench server plays the gateway's limit (100 calls/s per app key, 1 s bans, 20 ms for a call it lets
through, a ban answered at once) and counts its ban answers. Each run of a variant makes 1,000 calls of
`taobao.products.search` and is measured for calls/s (calls that succeeded ÷ wall time), ban answers,
and calls lost (failed after their retries). The no-limiter variant runs in interleaved rounds.

    python -m bench.quota worker BASE_URL REDIS_URL KEY CALLS IN_FLIGHT START_AT   # one fleet process
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import attrs
import httpx

import tbapi
from bench.cases import APP_KEY, APP_SECRET, FIELDS, QUERY, Result, Row, Target, taobaopy_call
from bench.harness import ROOT, bench_server
from mock.redis_server import running_redis

LIMIT, BAN_S, LATENCY_S = 100, 1, 0.020
CALLS, IN_FLIGHT = 1000, 64
PROCESSES, THREADS = 4, 8
MAX_RETRIES = 5  # every variant may retry a call this often before it counts as lost
SETTLE_S = 1.5  # between variants: the last ban ends and the server's window empties
# The runs of the no-limiter variant: one run's ban count swings with the machine's load (how late the client's
# event loop reads the first ban answer), so its target is met or missed on the median of several.
ROUNDS = 3


@attrs.frozen
class Run:
    ok: int
    lost: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.ok / self.seconds


# One run of a variant: (bench server URL, Redis URL, a Redis key of this round's own) -> its calls.
Variant = Callable[[str, str, str], Run]


async def _in_flight(call: Callable[[], Awaitable[object]], total: int, concurrency: int) -> tuple[int, int]:
    remaining, ok, lost = total, 0, 0

    async def worker() -> None:
        nonlocal remaining, ok, lost
        while remaining > 0:
            remaining -= 1
            try:
                await call()
                ok += 1
            except tbapi.TbapiError:
                lost += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return ok, lost


async def timed_calls(
    base_url: str, rate_limit: float | tbapi.RateLimiter | None, total: int, concurrency: int, start_at: float = 0.0
) -> dict[str, float]:
    """`total` searches on one AsyncTopClient, `concurrency` in flight, from `start_at` (epoch seconds) on."""
    async with tbapi.AsyncTopClient(
        app_key=APP_KEY,
        app_secret=APP_SECRET,
        base_url=base_url + "/router/rest",
        max_retries=MAX_RETRIES,
        rate_limit=rate_limit,
    ) as client:

        async def call() -> object:
            return await client.products.search(fields=FIELDS, q=QUERY, page_no=1, page_size=100)

        await asyncio.sleep(max(0.0, start_at - time.time()))
        started = time.time()
        ok, lost = await _in_flight(call, total, concurrency)
        return {"ok": ok, "lost": lost, "started": started, "ended": time.time()}


def tbapi_run(base_url: str, rate_limit: float | None, total: int, concurrency: int) -> Run:
    done = asyncio.run(timed_calls(base_url, rate_limit, total, concurrency))
    return Run(int(done["ok"]), int(done["lost"]), done["ended"] - done["started"])


def fleet_run(base_url: str, redis_url: str, key: str) -> Run:
    """PROCESSES processes on one Redis rate limit (`key`), started together; calls/s over the whole fleet's
    wall time."""
    start_at = time.time() + 2.0  # every process has imported tbapi and connected by then
    argv = [sys.executable, "-m", "bench.quota", "worker", base_url, redis_url, key]
    procs = [
        subprocess.Popen(
            [*argv, str(CALLS // PROCESSES), str(IN_FLIGHT // PROCESSES), repr(start_at)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
        )
        for _ in range(PROCESSES)
    ]
    answers = [json.loads(proc.communicate(timeout=300)[0]) for proc in procs]
    seconds = max(a["ended"] for a in answers) - min(a["started"] for a in answers)
    return Run(sum(a["ok"] for a in answers), sum(a["lost"] for a in answers), seconds)


def worker(base_url: str, redis_url: str, key: str, calls: int, in_flight: int, start_at: float) -> None:
    limiter = tbapi.RateLimiter(LIMIT, redis_url=redis_url, key=key)
    print(json.dumps(asyncio.run(timed_calls(base_url, limiter, calls, in_flight, start_at))), flush=True)


def taobaopy_run(base_url: str) -> Run:
    call = taobaopy_call(base_url)
    from taobaopy.taobao import TaoBaoAPIError  # type: ignore[import-untyped]

    def one(_: int) -> bool:
        try:
            call()
            return True
        except TaoBaoAPIError:
            return False

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(one, range(CALLS)))
    return Run(sum(outcomes), outcomes.count(False), time.perf_counter() - started)


def refused(base_url: str) -> int:
    return int(httpx.get(base_url + "/__stats", trust_env=False).json()["refused"])


@attrs.frozen
class Measured:
    """One variant's runs, one per round: each run's calls and the ban answers the server counted during it."""

    runs: list[Run]
    bans: list[int]

    @property
    def rate(self) -> float:
        return statistics.median(run.rate for run in self.runs)

    @property
    def median_bans(self) -> float:
        return statistics.median(self.bans)

    @property
    def most_lost(self) -> int:
        """The calls lost in the worst run: a call lost in any run is a miss, not averaged away."""
        return max(run.lost for run in self.runs)

    def row(self, name: str) -> Row:
        """Calls/s (median, and low to high over the runs), ban answers and calls lost of each run."""
        if len(self.runs) == 1:
            run, bans = self.runs[0], self.bans[0]
            return Row(name, run.rate, "calls/s", note=f"{bans} ban answers, {run.lost} calls lost (one run)")
        rates = [run.rate for run in self.runs]
        lost = ", ".join(str(run.lost) for run in self.runs)
        note = f"ban answers {self.median_bans:g} ({min(self.bans)} to {max(self.bans)}); calls lost per run {lost}"
        return Row(name, self.rate, "calls/s", (min(rates), max(rates)), note=note)


def interleaved(variants: dict[str, tuple[Variant, int]], server_url: str, redis_url: str) -> dict[str, Measured]:
    """Each variant with its number of runs: round r runs, in a new random order, every variant with more than r
    runs (as the other cases' rounds do). Every run starts `SETTLE_S` after the last, once the last ban has
    ended, and makes `CALLS` calls."""
    measured = {name: Measured([], []) for name in variants}
    rng = random.Random(13)
    for round_no in range(max(runs for _, runs in variants.values())):
        order = [name for name, (_, runs) in variants.items() if runs > round_no]
        rng.shuffle(order)
        for name in order:
            time.sleep(SETTLE_S)
            before = refused(server_url)
            run = variants[name][0](server_url, redis_url, f"bench:quota:{round_no}")
            measured[name].bans.append(refused(server_url) - before)
            measured[name].runs.append(run)
    return measured


def quota(rounds: int = ROUNDS) -> Result:
    options = ("--calls-per-second", str(LIMIT), "--ban-seconds", str(BAN_S), "--latency", str(LATENCY_S))
    none_name = f"AsyncTopClient, no limiter, {IN_FLIGHT} in flight"
    one_name = f"AsyncTopClient, rate_limit={LIMIT}, {IN_FLIGHT} in flight"
    fleet_name = f"{PROCESSES} processes, one RateLimiter on Redis, {IN_FLIGHT // PROCESSES} in flight each"
    # (a run, how many runs). The no-limiter variant runs once per round: its ban count swings with the machine's
    # load, close to its target. The others run once: each further run adds 12-17 s to the case (1,000 calls
    # at ≤ 100 calls/s).
    variants: dict[str, tuple[Variant, int]] = {
        none_name: (lambda url, _redis, _key: tbapi_run(url, None, CALLS, IN_FLIGHT), rounds),
        one_name: (lambda url, _redis, _key: tbapi_run(url, LIMIT, CALLS, IN_FLIGHT), 1),
        fleet_name: (fleet_run, 1),  # a Redis key per round: no run inherits another's pace, pause or lowered rate
        f"taobaopy, {THREADS} threads": (lambda url, _redis, _key: taobaopy_run(url), 1),
    }
    with bench_server(None, *options) as server, running_redis() as redis_url:
        measured = interleaved(variants, server.http, redis_url)
    rows = [m.row(name) for name, m in measured.items()]
    none, one, fleet = measured[none_name], measured[one_name], measured[fleet_name]
    banned = ", ".join(f"{bans * 100 / CALLS:.1f} %" for bans in none.bans)
    return Result(
        "quota",
        f"One app key's limit ({LIMIT} calls/s, {BAN_S} s bans, {LATENCY_S * 1e3:.0f} ms per call): {CALLS:,} calls",
        rows,
        [
            Target(f"rate_limit={LIMIT}: calls/s", one.rate, 90, True, unit="calls/s"),
            Target(
                f"rate_limit={LIMIT}: ban answers per 1,000 calls", one.median_bans * 1000 / CALLS, 10, False, "bans"
            ),
            Target(f"{PROCESSES} processes on Redis: calls/s in all", fleet.rate, 85, True, unit="calls/s"),
            Target(
                f"{PROCESSES} processes on Redis: ban answers per 1,000 calls",
                fleet.median_bans * 1000 / CALLS,
                20,
                False,
                "bans",
            ),
            Target("no limiter: % of calls banned", none.median_bans * 100 / CALLS, 5, False, unit="%"),
            Target("no limiter: calls lost", none.most_lost, 0, False, unit="calls"),
        ],
        [
            f"A bench server plays the gateway: a sliding one-second window of {LIMIT} calls per app key; the call "
            f"over it starts a {BAN_S} s ban (code 7, `This ban will last for N more seconds`), answered at once; a "
            f"call let through is answered after {LATENCY_S * 1e3:.0f} ms. Ban answers are counted by the server.",
            f"The no-limiter variant runs in {rounds} interleaved rounds ({CALLS:,} calls each; the first round runs "
            "every variant, in a random order): its calls/s and ban answers are the medians of its runs, low to "
            "high their spread, and so is its `% of calls banned` target; its calls lost are the worst run's. "
            "The other variants run once.",
            f"tbapi variants retry up to {MAX_RETRIES} times; `calls lost` failed after them. taobaopy sleeps 1 s on "
            "each ban answer and tries 3 times.",
            f"The fleet: {PROCESSES} processes started together, calls/s over the fleet's wall time.",
        ],
        [f"quota, no limiter: % of calls banned in each round {banned} (the target is their median)."],
    )


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    url, redis, key, calls, in_flight, start_at = sys.argv[2:8]
    worker(url, redis, key, int(calls), int(in_flight), float(start_at))
