"""`tbapi fleet …`: price runs spread over worker processes on many machines (taskiq on Redis).

    tbapi fleet submit RUN --from ids.txt [--kind item|product] [--language en] [--watch NAME]
    tbapi fleet worker [--concurrency 64] [--rate-limit 40]
    tbapi fleet status RUN [--json]
    tbapi fleet collect RUN --output items.jsonl [--follow] [--changed-only]

The engine (`tbapi.fleet`, the `fleet` extra) is imported when a fleet command runs, not for every `tbapi`
command: taskiq and pydantic take longer to import than the rest of the CLI.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs
import click
from rich.console import Console

from .._exceptions import TbapiError
from .._support.redis import RedisConnection, is_redis_failure
from .._version import install_command
from ..shanjing._changes import with_result
from ._app import client_options, settings
from ._bulk import JsonLines, Tally, opened, progress_bar, read_ids
from ._errors import EXIT_OK, EXIT_SOME_FAILED
from ._output import moment, stderr_console
from ._shanjing_options import access_token_option, base_url_option, language_option, refresh_token_option

if TYPE_CHECKING:
    from ..fleet import FleetSettings, Progress, RunSpec, RunStore

T = TypeVar("T")
# How long `collect --follow` waits when it found nothing new: at most this after a run's last result is
# stored, collect writes it and ends. Each wait costs two small Redis reads: ten a second is nothing to Redis.
FOLLOW_POLL_S = 0.1


def engine() -> ModuleType:
    """`tbapi.fleet`, or a usage error saying which extra installs it."""
    try:
        from .. import fleet
    except ImportError as exc:
        raise click.UsageError(f"tbapi fleet needs the fleet extra: {install_command('fleet')} ({exc})") from None
    return fleet


redis_option = click.option(
    "--redis",
    "redis_url",
    envvar="TBAPI_REDIS_URL",
    metavar="URL",
    help="The fleet's Redis [env TBAPI_REDIS_URL; default redis://localhost:6379/0].",
)


@click.group()
def fleet() -> None:
    """Price runs spread over worker processes on many machines: one Redis, taskiq workers.

    \b
    tbapi fleet submit monday --from ids.txt --watch prices   # once, anywhere
    tbapi fleet worker --rate-limit 40                        # on every machine, until stopped
    tbapi fleet status monday
    tbapi fleet collect monday --output monday.jsonl --follow --changed-only
    """


def fleet_settings(redis_url: str | None, **given: Any) -> FleetSettings:
    """The fleet's settings: the variables (TBAPI_FLEET_*), the options given on top."""
    chosen = {name: value for name, value in given.items() if value is not None}
    chosen |= {} if redis_url is None else {"redis_url": redis_url}
    made: FleetSettings = attrs.evolve(engine().FleetSettings.from_env(), **chosen)
    RedisConnection(made.redis_url, "--redis")  # a bad URL is refused (exit 2) before anything connects
    return made


def no_run(run: str, config: FleetSettings) -> click.UsageError:
    return click.UsageError(f"no run {run} in {config.namespace} (never submitted, or expired)")


def run_async(make: Callable[[], Coroutine[Any, Any, T]], config: FleetSettings, what: str) -> T:
    """Run a command's coroutine; a Redis that cannot be reached is an `APIConnectionError` naming it."""
    with RedisConnection(config.redis_url, "--redis").errors(what):
        return asyncio.run(make())


@contextlib.asynccontextmanager
async def opened_store(config: FleetSettings) -> AsyncIterator[RunStore]:
    store: RunStore = engine().RunStore.from_url(config.redis_url, config.namespace)
    try:
        yield store
    finally:
        await store.close()


# --- submit ------------------------------------------------------------------------------------------------


@fleet.command()
@click.argument("run")
@click.option(
    "--from",
    "source",
    type=click.File("rb"),
    required=True,
    metavar="FILE|-",
    help="The run's ids: one per line, blank lines and # comments ignored.",
)
@click.option(
    "--kind",
    type=click.Choice(["item", "product"]),
    default="item",
    show_default=True,
    help="item: items.get_many; product: products.get_many (撞库).",
)
@language_option
@click.option("--watch", metavar="NAME", help="Compare each item with its last state in this watch list.")
@click.option("--chunk-size", type=click.IntRange(1, 10_000), default=100, show_default=True, help="Ids per chunk.")
@redis_option
def submit(
    run: str,
    source: IO[bytes],
    kind: str,
    language: str | None,
    watch: str | None,
    chunk_size: int,
    redis_url: str | None,
) -> None:
    """Put the ids of FILE on the fleet as run RUN; submitting the same RUN again adds nothing twice."""
    ids = read_ids(source, source=str(getattr(source, "name", "<stdin>")))
    spec = engine().RunSpec.of(ids, kind=kind, chunk_size=chunk_size, language=language, watch=watch)
    config = fleet_settings(redis_url)
    sent = run_async(lambda: submitted(config, run, spec, ids), config, "submitting the run")
    click.echo(f"run {run}: {len(ids)} ids in {spec.chunks} chunk(s), {sent} submitted now", err=True)


async def submitted(config: FleetSettings, run: str, spec: RunSpec, ids: list[int]) -> int:
    """Make the run and put its chunks not yet on the stream there; how many were put."""
    fleet_engine = engine()
    broker = fleet_engine.fleet_broker(config)
    await broker.startup()  # declares the consumer group: workers started later still get every chunk
    try:
        async with opened_store(config) as store:
            existing = await store.create(run, spec)
            if existing != spec:
                raise click.UsageError(f"run {run} exists with other ids or options: give the new ones a new RUN")
            task = broker.find_task(fleet_engine.TASK_NAME)
            todo = await store.unsubmitted(run, spec.chunks)
            for number in todo:
                await task.kiq(run, number, ids[number * spec.chunk_size : (number + 1) * spec.chunk_size])
                await store.submitted(run, number)
            return len(todo)
    finally:
        await broker.shutdown()


# --- worker ------------------------------------------------------------------------------------------------


@fleet.command()
@click.option(
    "--concurrency",
    type=click.IntRange(1, 512),
    help="Calls in flight in this worker [env TBAPI_FLEET_CONCURRENCY; default 64].",
)
@click.option(
    "--rate-limit",
    type=click.FloatRange(min=0, min_open=True),
    metavar="CALLS/S",
    help="Calls per second for the whole fleet: one rate limit in Redis (give every worker the same) "
    "[env TBAPI_FLEET_RATE_LIMIT].",
)
@click.option(
    "--reclaim-after",
    type=click.FloatRange(min=0.5),
    metavar="SECONDS",
    help="A chunk held by a worker not heard of for this long goes to another worker "
    "[env TBAPI_FLEET_RECLAIM_AFTER; default 30].",
)
@access_token_option
@refresh_token_option
@base_url_option
@redis_option
def worker(
    concurrency: int | None, rate_limit: float | None, reclaim_after: float | None, redis_url: str | None
) -> None:
    """Run chunks of every run until stopped; SIGTERM or Ctrl-C finishes the chunks started, then exits
    (a second one stops at once and hands the unfinished chunks back to the fleet).

    Tokens are kept in the fleet's Redis (one refresh for the whole fleet).
    """
    config = fleet_settings(redis_url, concurrency=concurrency, rate_limit=rate_limit, reclaim_after=reclaim_after)
    given = {name: value for name, value in settings().credentials.items() if value is not None}
    options = given | client_options()
    fleet_engine = engine()
    check_token(config, options)
    broker = fleet_engine.fleet_broker(config, **options)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("tbapi").setLevel(logging.INFO)  # took over a chunk, Redis unreachable: worth seeing
    click.echo(f"tbapi fleet worker {broker.consumer_name} on {config.namespace} (Ctrl-C stops)", err=True)
    asyncio.run(fleet_engine.work(broker))


def check_token(config: FleetSettings, options: dict[str, Any]) -> None:
    """Refuse to start a worker with no token to call with (no option, no variable, none in the fleet's
    Redis): it would take chunks and fail each of their ids. A Redis not answering yet is left to the worker,
    which waits for it."""
    from ..fleet._worker import no_token
    from ..shanjing import RedisTokenStore, ShanjingClient

    try:
        with ShanjingClient(token_store=RedisTokenStore(config.redis_url, key=config.token_key), **options) as client:
            missing = client.token is None
    except TbapiError as error:
        if is_redis_failure(error):
            return
        raise
    if missing:
        how = "pass --access-token TOKEN (and --refresh-token TOKEN) or set TBAPI_SHANJING_ACCESS_TOKEN (and TBAPI_SHANJING_REFRESH_TOKEN)"
        raise no_token(config, "--access-token", how)


# --- status ------------------------------------------------------------------------------------------------


@fleet.command()
@click.argument("run")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@redis_option
def status(run: str, as_json: bool, redis_url: str | None) -> None:
    """How far RUN has got: done, failed, pending, rate, ETA, and the workers last seen."""
    config = fleet_settings(redis_url)

    async def read() -> tuple[Progress | None, list[Any]]:
        async with opened_store(config) as store:
            return await store.progress(run), await store.workers()

    progress, workers = run_async(read, config, "reading the run's status")
    if progress is None:
        raise no_run(run, config)
    report = status_report(run, progress, workers)
    if as_json or settings().as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(status_text(report))


def status_report(run: str, progress: Progress, workers: list[Any]) -> dict[str, Any]:
    now = time.time()
    return {
        "run": run,
        "total": progress.spec.total,
        "done": progress.done,
        "failed": progress.failed,
        "pending": progress.pending,
        "not_collected": progress.uncollected,
        "rate_per_s": None if progress.rate is None else round(progress.rate, 1),
        "eta_s": None if progress.eta is None else round(progress.eta, 1),
        "submitted_at": moment(progress.submitted_at),
        "workers": [
            {
                "name": w.name,
                "host": w.host,
                "pid": w.pid,
                "chunks_held": w.held,
                "seen_s_ago": round(now - w.seen_at, 1),
            }
            for w in workers
        ],
    }


def status_text(report: dict[str, Any]) -> str:
    rate = "?" if report["rate_per_s"] is None else f"{report['rate_per_s']:,.0f}/s"
    eta = "-" if report["eta_s"] is None else f"{report['eta_s']:,.0f} s"
    lines = [
        f"run {report['run']}: {report['done']:,} of {report['total']:,} done ({report['failed']:,} failed), "
        f"{report['pending']:,} pending · {rate} · ETA {eta} · {report['not_collected']:,} not collected yet",
        f"workers seen: {len(report['workers'])}",
    ]
    lines += [
        f"  {w['host']} pid {w['pid']} ({w['name'][:8]}): seen {w['seen_s_ago']:,.0f} s ago, "
        f"holding {w['chunks_held']} chunk(s)"
        for w in report["workers"]
    ]
    return "\n".join(lines)


# --- collect -----------------------------------------------------------------------------------------------


@fleet.command()
@click.argument("run")
@click.option("--output", required=True, metavar="FILE.jsonl|-", help="Append one JSON line per id (- is stdout).")
@click.option("--follow", is_flag=True, help="Keep collecting as results arrive, until every id has one.")
@click.option("--changed-only", is_flag=True, help="Only the items that changed, appeared or vanished (--watch runs).")
@redis_option
def collect(run: str, output: str, follow: bool, changed_only: bool, redis_url: str | None) -> None:
    """Write RUN's results (each id exactly once) and take them out of Redis.

    Lines are those of `tbapi shanjing item-get --from`; with --changed-only, the change lines of --changed-since.
    """
    config = fleet_settings(redis_url)
    job = Collect(run, output, follow, changed_only, stderr_console())
    code = run_async(lambda: job.run(config), config, "collecting the run")
    click.get_current_context().exit(code)


class Collect:
    """One `collect`: the run's results into the output (an output collected into before is continued: the
    ids it holds are not written again)."""

    def __init__(self, run: str, output: str, follow: bool, changed_only: bool, console: Console) -> None:
        self.run_name, self.output, self.follow, self.changed_only = run, output, follow, changed_only
        self.written: set[int] = set()
        self.console = console
        self.lines = 0
        self.errors = 0

    async def run(self, config: FleetSettings) -> int:
        async with opened_store(config) as store:
            progress = await store.progress(self.run_name)
            if progress is None:
                raise no_run(self.run_name, config)
            if self.changed_only and progress.spec.watch is None:
                raise click.UsageError(f"--changed-only: run {self.run_name} was submitted without --watch NAME")
            with (
                opened(self.output, resume=True, retry_failed=False) as (out, held),
                progress_bar(self.run_name, progress.spec.total, self.console) as update,
            ):
                self.written |= held
                while True:
                    taken = await self._take(store, out)
                    progress = await store.progress(self.run_name)
                    if progress is None:
                        break
                    update(Tally(ok=progress.done - progress.failed, failed=progress.failed))
                    finished = progress.pending == 0 and progress.uncollected == 0
                    if not taken and (finished or not self.follow):
                        break
                    if not taken:
                        await asyncio.sleep(FOLLOW_POLL_S)
        self.console.print(self._summary(progress), highlight=False)
        return EXIT_SOME_FAILED if self.errors else EXIT_OK

    async def _take(self, store: RunStore, out: JsonLines) -> int:
        batch = await store.uncollected(self.run_name)
        for item_id, line, change in batch:
            if item_id in self.written:
                continue
            record = json.loads(line)
            self.errors += "error" in record
            if not self.changed_only:
                out.write(record)
                self.lines += 1
            elif change is not None:
                out.write(with_result(json.loads(change), record))
                self.lines += 1
            self.written.add(item_id)
        await store.collected(self.run_name, [item_id for item_id, _, _ in batch])
        return len(batch)

    def _summary(self, progress: Progress | None) -> str:
        what = "change line(s)" if self.changed_only else "line(s)"
        if progress is None:
            return f"{self.lines} {what} written; the run expired"
        return (
            f"{self.lines} {what} written; run {self.run_name}: {progress.done} of {progress.spec.total} done "
            f"({progress.failed} failed)"
        )
