"""Case "bulk": 2,000 item details, 64 in flight, against the bench server answering after 30 ms.

The ideal wall time is what the latency alone allows: 2,000 / 64 * 30 ms ≈ 0.94 s. Measured: `items.get_many`
on `ShanjingClient` (tasks of an event loop in a background thread) and on `AsyncShanjingClient` (tasks), each on one warm client, and the
`tbapi shanjing item-get --from … --output ….jsonl` command as a fresh process (start-up included), in
interleaved rounds. Every run is checked: 2,000 results, each the detail of its own id.

Two baselines with no tbapi code: raw httpx in 64 threads (what a sync user writes by hand), and the async
client's own stack — httpx over the aiohttp transport, orjson and the generated `ItemDetail` parse, 64 tasks.
On a machine where a call's CPU time, not the latency, bounds the run, the second shows how far below the
ideal that stack reaches at all.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import orjson
from httpx_aiohttp import HttpxAiohttpClient

import tbapi
from bench.cases import ACCESS_TOKEN, Result, Row, Target
from bench.harness import ROOT, Tls, bench_server, wall_time

IDS = [689_542_170_000 + n for n in range(2000)]
IN_FLIGHT = 64
LATENCY = 0.030
IDEAL = len(IDS) / IN_FLIGHT * LATENCY
TARGET = 1.5


def checked(results: list[tbapi.shanjing.BulkResult[tbapi.types.ItemDetail]]) -> None:
    wrong = [r.item_id for r in results if r.item is None or r.item.tb_item_id != r.item_id]
    if len(results) != len(IDS) or wrong:
        raise RuntimeError(f"bulk: {len(results)} results, {len(wrong)} wrong (first: {wrong[:3]})")


def sync_run(client: tbapi.ShanjingClient) -> float:
    started = time.perf_counter()
    results = list(client.items.get_many(IDS, concurrency=IN_FLIGHT))
    seconds = time.perf_counter() - started
    checked(results)
    return seconds


def raw_threads_run(raw: httpx.Client, pool: concurrent.futures.ThreadPoolExecutor, base_url: str) -> float:
    """The sync baseline: raw httpx + json.loads in as many threads as calls in flight."""
    url = base_url + "/rest/taobao-global/traffic/item/get"

    def one(item_id: int) -> int:
        params: dict[str, str | int] = {"item_resource": "taobao", "item_id": item_id}
        try:
            answer = raw.get(url, params=params)
        except httpx.TransportError:  # httpcore's sync pool now and then drops a connection under 64 threads
            answer = raw.get(url, params=params)
        return int(json.loads(answer.content)["data"]["tbItemId"])

    started = time.perf_counter()
    fetched = list(pool.map(one, IDS))
    seconds = time.perf_counter() - started
    if fetched != IDS:
        raise RuntimeError("bulk: the raw baseline got the wrong items")
    return seconds


async def raw_async_run(base_url: str) -> float:
    """The async baseline: the same requests and typed parse as the async client, on its transport, no tbapi;
    64 tasks each taking the next id (a task per id would make 2,000 waiters on one semaphore)."""
    url = base_url + "/rest/taobao-global/traffic/item/get"
    headers = {"Authorization": f"Bearer {ACCESS_TOKEN}"}
    fetched: dict[int, int | None] = {}

    async def take(raw: HttpxAiohttpClient, ids: Iterator[int]) -> None:
        for item_id in ids:  # shared by the tasks
            answer = await raw.get(url, params={"item_resource": "taobao", "item_id": item_id}, headers=headers)
            fetched[item_id] = tbapi.types.ItemDetail.from_dict(orjson.loads(answer.content)["data"]).tb_item_id

    async with HttpxAiohttpClient() as raw:
        opening = iter(IDS[:IN_FLIGHT])
        await asyncio.gather(*(take(raw, opening) for _ in range(IN_FLIGHT)))  # open the connections
        fetched.clear()
        ids = iter(IDS)
        started = time.perf_counter()
        await asyncio.gather(*(take(raw, ids) for _ in range(IN_FLIGHT)))
        seconds = time.perf_counter() - started
    if sorted(fetched) != IDS or any(fetched[item_id] != item_id for item_id in IDS):
        raise RuntimeError("bulk: the raw async baseline got the wrong items")
    return seconds


def machine_note(timings: dict[str, list[float]]) -> str:
    """How far below the ideal the async client's own stack reaches on this machine, and tbapi above it."""
    stack = statistics.median(timings["raw async"]) / IDEAL
    tbapi_share = statistics.median(timings["async"]) / statistics.median(timings["raw async"])
    bound = f", over the {TARGET}x target with no tbapi code at all" if stack > TARGET else ""
    return (
        f"The async client's stack without tbapi (httpx + aiohttp transport + orjson + the typed parse) took "
        f"{stack:.2f}x the ideal{bound}. AsyncShanjingClient.items.get_many ÷ that baseline: {tbapi_share:.2f}x."
    )


async def async_runs(base_url: str, rounds: int) -> list[float]:
    async with tbapi.AsyncShanjingClient(access_token=ACCESS_TOKEN, base_url=base_url) as client:
        [r async for r in client.items.get_many(IDS[:IN_FLIGHT], concurrency=IN_FLIGHT)]  # open the connections
        seconds = []
        for _ in range(rounds):
            started = time.perf_counter()
            results = [r async for r in client.items.get_many(IDS, concurrency=IN_FLIGHT)]
            seconds.append(time.perf_counter() - started)
            checked(results)
        return seconds


def cli_run(base_url: str, folder: Path) -> float:
    ids, out = folder / "ids.txt", folder / "items.jsonl"
    ids.write_text("\n".join(map(str, IDS)), encoding="utf-8")
    out.unlink(missing_ok=True)
    argv = [
        *(sys.executable, "-m", "tbapi", "shanjing", "item-get", "--base-url", base_url),
        *("--access-token", ACCESS_TOKEN, "--from", str(ids), "--output", str(out), "--concurrency", str(IN_FLIGHT)),
    ]
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    if sorted(line["item"]["tbItemId"] for line in lines) != IDS:
        raise RuntimeError("bulk: the CLI's output does not hold each id's detail once")
    return seconds


def _row(name: str, seconds: list[float]) -> Row:
    median = statistics.median(seconds)
    return Row(name, median, "s", (min(seconds), max(seconds)), note=f"{median / IDEAL:.2f}x ideal")


def bulk(tls: Tls, *, rounds: int) -> Result:
    timings: dict[str, list[float]] = {"raw": [], "raw async": [], "sync": [], "async": [], "cli": []}
    with (
        bench_server(tls, "--latency", str(LATENCY)) as server,
        tempfile.TemporaryDirectory(prefix="tbapi-bulk-") as folder,
    ):
        with (
            tbapi.ShanjingClient(access_token=ACCESS_TOKEN, base_url=server.http) as client,
            httpx.Client() as raw,  # httpx's default limits, which are also tbapi's (100, 20 kept alive)
            concurrent.futures.ThreadPoolExecutor(IN_FLIGHT) as threads,
        ):
            list(client.items.get_many(IDS[:IN_FLIGHT], concurrency=IN_FLIGHT))  # open the connections
            steps: dict[str, Callable[[], list[float]]] = {
                "raw": lambda: [raw_threads_run(raw, threads, server.http)],
                "raw async": lambda: [asyncio.run(raw_async_run(server.http))],
                "sync": lambda: [sync_run(client)],
                "async": lambda: asyncio.run(async_runs(server.http, 1)),
                "cli": lambda: [cli_run(server.http, Path(folder))],
            }
            for _ in range(rounds):
                for name, step in steps.items():
                    timings[name] += step()
        start_up = [wall_time([sys.executable, "-m", "tbapi", "--version"]) for _ in range(rounds)]
    sync_ratio = statistics.median(timings["sync"]) / IDEAL
    async_ratio = statistics.median(timings["async"]) / IDEAL
    return Result(
        "bulk",
        f"Bulk: {len(IDS):,} item details, {IN_FLIGHT} in flight, {LATENCY * 1e3:.0f} ms latency "
        f"(ideal {IDEAL * 1e3:,.0f} ms)",
        [
            _row(f"raw httpx.Client + json.loads in {IN_FLIGHT} threads (baseline)", timings["raw"]),
            _row(
                f"raw httpx + aiohttp transport + orjson + ItemDetail, {IN_FLIGHT} tasks (baseline)",
                timings["raw async"],
            ),
            _row("ShanjingClient.items.get_many (a loop in a thread)", timings["sync"]),
            _row("AsyncShanjingClient.items.get_many (tasks)", timings["async"]),
            _row("tbapi shanjing item-get --from --output (a new process)", timings["cli"]),
            Row("  of which the process start-up (python -m tbapi --version)", statistics.median(start_up), "s"),
        ],
        [
            Target("get_many (sync) ÷ ideal wall time", sync_ratio, TARGET, False),
            Target("get_many (async) ÷ ideal wall time", async_ratio, TARGET, False),
        ],
        [
            f"{rounds} interleaved rounds; round medians low to high are the spread. The async client runs on "
            "its default transport; each async round opens its client (and pool) first, outside the timing.",
            machine_note(timings),
            "The CLI row is a whole `tbapi` process: interpreter and import start-up, the id file read, each line "
            "written and flushed.",
        ],
    )
