"""A fleet worker: the chunk task on the fleet's broker, and the one client each worker process holds.

On taskiq's WORKER_STARTUP a worker makes its `AsyncShanjingClient` — paced by the fleet's
`tbapi.RateLimiter` on Redis (one rate limit for every worker on every machine) and with its tokens in a
`tbapi.shanjing.RedisTokenStore` (refreshed once for the fleet) — and keeps it in the broker's state until
WORKER_SHUTDOWN. Your own taskiq tasks on the same broker reach it with `worker_client(context.state)`. A worker
with no token to call with (none given, none in the fleet's Redis) fails there, before it takes a chunk
(`tbapi.ValidationError`), whether started by `tbapi fleet worker` or `taskiq worker tbapi.fleet:broker`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Final, cast

from taskiq import Context, TaskiqDepends, TaskiqEvents, TaskiqState
from taskiq.acks import AcknowledgeType
from taskiq.receiver import Receiver

from .._exceptions import TbapiError, ValidationError
from .._logs import logger
from .._ratelimit.limiter import RateLimiter
from .._support.redis import RedisConnection, is_redis_failure, redis_key
from ._broker import FleetBroker
from ._chunks import Chunk, ChunkRunner
from ._settings import CHUNKS_IN_FLIGHT, ENV_REDIS_URL, FleetSettings
from ._store import RunStore, WorkerSeen

if TYPE_CHECKING:
    from ..shanjing import AsyncShanjingClient

TASK_NAME: Final = "tbapi.fleet.run_chunk"
EXIT_STOPPED_AT_ONCE: Final = 130  # what a shell reports for a command ended by Ctrl-C
HAND_BACK_WITHIN_S: Final = 5.0  # a Redis that does not answer by then: the chunks come back after the delay


async def run_chunk(run: str, number: int, ids: list[int], context: Context = TaskiqDepends()) -> int:  # noqa: B008 (taskiq injects it)
    """The task of one chunk of a run: how many results it stored."""
    runner = cast(ChunkRunner, context.state.tbapi_runner)
    return await runner.run(Chunk(run=run, number=number, ids=ids))


def worker_client(state: TaskiqState) -> AsyncShanjingClient:
    """The client of this worker process (made on WORKER_STARTUP, closed on WORKER_SHUTDOWN)."""
    return cast("AsyncShanjingClient", state.tbapi_client)


def fleet_broker(settings: FleetSettings | None = None, **client_options: Any) -> FleetBroker:
    """A broker of the fleet (settings from the environment when not given) with the chunk task on it;
    `client_options` go to each worker's `AsyncShanjingClient` (else it reads TBAPI_SHANJING_*)."""
    settings = settings or FleetSettings.from_env()
    RedisConnection(settings.redis_url, ENV_REDIS_URL)  # a bad URL fails here; its password is never logged
    broker = FleetBroker(settings)
    broker.register_task(run_chunk, task_name=TASK_NAME)

    async def start(state: TaskiqState) -> None:
        await _start_worker(broker, state, client_options)

    async def stop(state: TaskiqState) -> None:
        if getattr(state, "tbapi_store", None) is None:
            return  # the start failed (no token): it closed what it had made
        await worker_client(state).aclose()
        await cast(RunStore, state.tbapi_store).close()

    broker.add_event_handler(TaskiqEvents.WORKER_STARTUP, start)
    broker.add_event_handler(TaskiqEvents.WORKER_SHUTDOWN, stop)
    return broker


async def _start_worker(broker: FleetBroker, state: TaskiqState, client_options: dict[str, Any]) -> None:
    from ..shanjing import AsyncShanjingClient, RedisTokenStore  # the worker's alone: submit and status need no client

    settings = broker.settings
    limiter = None
    if settings.rate_limit is not None:
        limiter = RateLimiter(settings.rate_limit, redis_url=settings.redis_url, key=settings.rate_limit_key)
    client = AsyncShanjingClient(
        token_store=RedisTokenStore(settings.redis_url, key=settings.token_key),
        rate_limit=limiter,
        **client_options,
    )
    try:
        await _check_token(client, settings)
    except BaseException:
        await client.aclose()
        raise
    store = RunStore.from_url(settings.redis_url, settings.namespace)
    state.tbapi_client = client
    state.tbapi_store = store
    state.tbapi_runner = ChunkRunner(client, store, max(1, settings.concurrency // CHUNKS_IN_FLIGHT))
    host, pid = socket.gethostname(), os.getpid()

    async def seen(held: int) -> None:
        await store.seen(WorkerSeen(name=broker.consumer_name, host=host, pid=pid, held=held, seen_at=time.time()))

    broker.on_beat = seen


async def _check_token(client: AsyncShanjingClient, settings: FleetSettings) -> None:
    """Refuse to start with no token to call with: the worker would take chunks and fail each of their ids. A
    Redis not answering yet is left to the chunks, which wait for it."""
    try:
        missing = await asyncio.to_thread(lambda: client.token is None)  # a Redis read: not on the loop
    except TbapiError as error:
        if is_redis_failure(error):
            return
        raise
    if missing:
        how = (
            "set TBAPI_SHANJING_ACCESS_TOKEN (and TBAPI_SHANJING_REFRESH_TOKEN) where the worker runs, or give "
            "access_token= (and refresh_token=) to fleet_broker()"
        )
        raise no_token(settings, "access_token", how)


def no_token(settings: FleetSettings, param: str, how: str) -> ValidationError:
    """The error of a worker with no token to call with: `how` says how to give one."""
    where = redis_key("token", settings.token_key)
    return ValidationError(param, f"missing: {how}; the fleet then keeps them in Redis ({where}) for every worker")


async def work(broker: FleetBroker) -> None:
    """Run chunks until SIGTERM or Ctrl-C, then finish the chunks started and return. A second signal stops
    at once: the chunks started are handed back unfinished (another worker takes them now) and the process
    exits with EXIT_STOPPED_AT_ONCE — a chunk cancelled inside taskiq's receiver would count as done."""
    broker.is_worker_process = True
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []  # the task that stops at once, kept from the garbage collector

    def on_signal() -> None:
        if stop.is_set():
            stopping.append(loop.create_task(_stop_at_once(broker)))
        else:
            logger.info("tbapi fleet: stopping after the chunks started (signal again to stop at once)")
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, on_signal)
    receiver = Receiver(
        broker,
        executor=ThreadPoolExecutor(max_workers=1),
        max_async_tasks=CHUNKS_IN_FLIGHT,
        ack_type=AcknowledgeType.WHEN_SAVED,
    )
    try:
        await receiver.listen(stop)
    finally:
        await broker.shutdown()


async def _stop_at_once(broker: FleetBroker) -> None:
    try:
        await asyncio.wait_for(broker.hand_back(), HAND_BACK_WITHIN_S)
    finally:
        logger.warning("tbapi fleet: stopped at once; the unfinished chunks went back to the fleet")
        os._exit(EXIT_STOPPED_AT_ONCE)
