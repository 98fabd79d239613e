"""Many flows at once, at most `limit` in flight, their outcomes as they complete — for both drivers.

`fan_out(jobs, limit, make)` is an item flow (see `_twins`) that makes every decision: it starts the
first `limit` jobs, and each time one finishes it starts the next one and emits the finished one's
outcome. A `TbapiError` a job raises is part of its outcome; any other exception is a bug and ends the
whole fan-out. When its driver stops it early (`Cancelled`), it stops every job still in flight and
waits until none runs. It yields only three effects, on one `Pool`:

    Start(pool, key, flow)   run `flow` beside the others (sync: a worker thread or a loop's task; async: a task)
    NextDone(pool)           wait for any started flow to finish: (key, value, error)
    StopAll(pool)            stop those still running and wait for them to end

The sync driver runs the jobs in worker threads. A sync client on its own pool (`LoopSide`) has its whole
fan-out driven instead on an event loop in one background thread (`on_loop`, `_Relay`), with the async
driver and the jobs as tasks, their calls over aiohttp: 64 threads each sending through httpx's sync client
are bound by the CPU and the GIL, tasks are not. A job in a thread stops at its next effect (a sleep is cut
short); a task is cancelled at once. A job runs in a copy of the context it was started from, in a thread as
in a task: the caller's trace context (`tbapi._telemetry`) follows it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import itertools
import queue
import threading
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar

import attrs

from .._exceptions import CLIENT_CLOSED, ClientStateError, TbapiError
from .._ratelimit.limiter import Confirm, Reserve, Throttled
from .flow import Call, Effect, Flow, Sleep, advance, outcome_sync, run_async
from .twins import Emit, ItemFlow, iterate_async

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")

_pool_numbers = itertools.count(1)
Done = tuple[Any, Any, BaseException | None]  # (key, value, error) of a finished job


class _Stopped(BaseException):
    """Raised in a worker thread whose pool was stopped: its job ends at its next effect."""


class _Threads:
    """The sync side of a pool: jobs in worker threads, finished ones reported through a queue."""

    def __init__(self, limit: int) -> None:
        self._name = f"tbapi-fan-out-{next(_pool_numbers)}"
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=limit, thread_name_prefix=self._name)
        self._finished: queue.SimpleQueue[tuple[Any, concurrent.futures.Future[Any]]] = queue.SimpleQueue()
        self._stop = threading.Event()

    def start(self, key: Any, flow: Flow[Any]) -> None:
        # In a copy of the starting thread's context, as a task is (a call's per-call options, its attempt, the
        # caller's span and tbapi's current trace).
        future = self._executor.submit(contextvars.copy_context().run, self._run, flow)
        future.add_done_callback(lambda done: self._finished.put((key, done)))

    def next_done(self) -> Done:
        key, future = self._finished.get()  # interruptible: Ctrl-C reaches the waiting main thread
        error = future.exception()
        return key, None if error else future.result(), error

    def stop_all(self, *, wait: bool = True) -> None:
        self._stop.set()
        self._executor.shutdown(wait=wait, cancel_futures=True)
        if wait:  # also a worker whose start a Ctrl-C interrupted: the executor does not know it yet
            for thread in threading.enumerate():
                if thread.name.startswith(f"{self._name}_"):
                    thread.join()

    def _run(self, flow: Flow[Any]) -> Any:
        done, value = advance(flow, None, None)
        while not done:
            done, value = advance(flow, *self._perform(value))
        return value

    def _perform(self, effect: Effect[Any]) -> tuple[Any, Exception | None]:
        if self._stop.is_set():
            raise _Stopped
        if isinstance(effect, Sleep) and effect.sleep is None:  # a retry's wait ends early when the pool stops
            if self._stop.wait(effect.seconds):
                raise _Stopped
            return None, None
        return outcome_sync(effect)


@attrs.frozen
class Twin:
    """A sync client's generated client made anew inside an event loop, on an async pool; `close` ends that pool."""

    api: Any
    close: Callable[[], Awaitable[None]]


@attrs.frozen
class LoopSide:
    """What lets the sync driver run a sync client's flows on an event loop: its generated client `api`, whose
    `Call`s go instead through the twin that `connect()` makes inside the loop (the client's options, auth and
    limits, over aiohttp), refused once `closed()` (the client's pool, which its `with_options` copies share, is
    closed). A client on the user's own `http_client` has none: its jobs run in threads."""

    api: Any
    connect: Callable[[], Twin]
    closed: Callable[[], bool]


class _Relay:
    """A sync client's item flow driven on an event loop in a background thread, its items handed to the caller.

    The loop drives the flow (`make(via)`: a fan-out) with `await`, as the async client would, so a finished
    call's successor starts in the loop without waiting for the caller; at most `room` items wait for the
    caller. Its jobs run their effects `via` this relay: with `await` where that blocks nothing — a `Call`
    of the client through its twin, a plain wait (`asyncio.sleep`, cut short by a stop), a local rate
    limit's bookkeeping — and otherwise (a token refresh, a Redis rate limit, the client's own `sleep=`
    function) with their blocking twin in a worker thread, as in the threads: a refresh stays single-flight
    with the client's other threads, and a blocking call in progress finishes before the relay has stopped.
    """

    def __init__(self, side: LoopSide, make: Callable[[Via], ItemFlow[Any]], room: int) -> None:
        self._side, self._make, self._room_size = side, make, room
        self._items: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._twin: Twin | None = None
        self._closing = False  # touched in the loop's thread only
        self._owed = 0  # items taken by the caller whose room the loop has not been given back yet
        self._thread: threading.Thread | None = None  # started with the first item asked for

    def next_item(self) -> Any:
        """The flow's next item, or `_END`; its failure (a bug) is raised here."""
        if self._thread is None:
            self._start()
        else:
            self._owed += 1  # the caller has taken the previous one: its room is given back in batches
            if self._owed * 2 >= self._room_size or self._items.empty():
                with contextlib.suppress(RuntimeError):  # the loop has ended: nothing waits for room
                    self._loop.call_soon_threadsafe(self._give_back, self._owed)
                self._owed = 0
        got = self._items.get()  # interruptible: Ctrl-C reaches the waiting main thread
        if isinstance(got, _Failed):
            raise got.error
        return got

    def _start(self) -> None:
        name = f"tbapi-fan-out-{next(_pool_numbers)}"
        self._room = asyncio.Semaphore(self._room_size)
        self._loop = asyncio.new_event_loop()
        blocking = concurrent.futures.ThreadPoolExecutor(self._room_size, thread_name_prefix=f"{name}-blocking")
        self._loop.set_default_executor(blocking)
        self._main = self._loop.create_task(self._drive())
        self._thread = threading.Thread(target=self._run, name=f"{name}-loop", daemon=True)
        self._thread.start()

    def stop(self, *, wait: bool = True) -> None:
        """Cancel the flow (it stops its jobs), close the twin's pool and the worker threads, end the loop."""
        if self._thread is not None and self._thread.is_alive():
            with contextlib.suppress(RuntimeError):  # the loop has already ended
                self._loop.call_soon_threadsafe(self._cancel)
            if wait:
                self._thread.join()

    def _give_back(self, places: int) -> None:
        for _ in range(places):
            self._room.release()

    def _cancel(self) -> None:
        if not self._closing:  # the clean-up itself runs to its end
            self._main.cancel()

    def _run(self) -> None:
        try:
            with contextlib.suppress(asyncio.CancelledError):  # stopped early: the caller knows
                self._loop.run_until_complete(self._main)
        finally:
            self._loop.close()

    async def _drive(self) -> None:
        try:
            self._twin = self._side.connect()
            async with contextlib.aclosing(iterate_async(self._make(self.via))) as items:
                async for item in items:
                    await self._room.acquire()
                    self._items.put(item)
            self._items.put(_END)
        except Exception as exc:  # a bug: the caller raises it
            self._items.put(_Failed(exc))
        finally:
            self._closing = True
            if self._twin is not None:
                await self._twin.close()
            await self._loop.shutdown_default_executor()

    def via(self, effect: Effect[Any]) -> Effect[Any]:
        """How a job's `effect` runs on this loop (see the class docstring)."""
        if isinstance(effect, Call) and effect.client is self._side.api and self._twin is not None:
            return _TwinCall(effect, self._twin.api, self._side.closed)
        if isinstance(effect, Sleep) and effect.sleep is None:
            return effect
        if isinstance(effect, Reserve | Confirm | Throttled) and effect.budget.local:
            return effect
        return _Blocking(effect)


Via = Callable[[Effect[Any]], Effect[Any]]
_END = object()


@attrs.frozen
class _Failed:
    error: Exception


@attrs.frozen
class NextItem:
    """The sync driver's wait for the relay's next item (never met by the async driver: no relay there)."""

    relay: _Relay

    def run_sync(self) -> Any:
        return self.relay.next_item()

    async def run_async(self) -> Any:
        raise NotImplementedError("a relay serves the sync driver only")


@attrs.frozen
class StopRelay:
    relay: _Relay

    def run_sync(self) -> None:
        self.relay.stop()

    async def run_async(self) -> None:
        raise NotImplementedError("a relay serves the sync driver only")


def on_loop(side: LoopSide, make: Callable[[Via], ItemFlow[R]], room: int) -> ItemFlow[R]:
    """The item flow `make(via)` driven on an event loop in a background thread (see `_Relay`), for the sync
    driver: its items are emitted here as the loop hands them over. Stopped early (a `break`, Ctrl-C), the
    relay cancels it there and waits until nothing of it runs."""
    relay = _Relay(side, make, room)
    try:
        while (item := (yield NextItem(relay))) is not _END:
            yield Emit(item)
    except GeneratorExit:  # closed by the garbage collector, not by a driver: no effect can run now
        relay.stop(wait=False)
        raise
    except BaseException:
        yield StopRelay(relay)
        raise
    yield StopRelay(relay)


@attrs.frozen
class _TwinCall:
    """A sync client's `Call`, sent through its twin on the loop (refused once the sync client is closed)."""

    call: Call
    twin: Any
    closed: Callable[[], bool]

    def run_sync(self) -> Any:
        raise NotImplementedError("runs on the loop only")

    async def run_async(self) -> Any:
        if self.closed():
            raise ClientStateError(CLIENT_CLOSED)
        return await attrs.evolve(self.call, client=self.twin).run_async()


@attrs.frozen
class _Blocking:
    """An effect that blocks, run with its blocking twin in a worker thread of the loop."""

    effect: Effect[Any]

    def run_sync(self) -> Any:
        return self.effect.run_sync()

    async def run_async(self) -> Any:
        # In the loop's default executor (the relay's blocking threads), in a copy of the job's context.
        return await asyncio.to_thread(self.effect.run_sync)


class _Tasks:
    """The async side of a pool: jobs in tasks of the running loop, finished ones reported through a queue;
    each effect of a job runs `via` (if given: a sync client's jobs on a relay's loop)."""

    def __init__(self, via: Via | None = None) -> None:
        self._via = via
        self._tasks: set[asyncio.Task[Any]] = set()
        self._finished: asyncio.Queue[tuple[Any, asyncio.Task[Any]]] = asyncio.Queue()

    def start(self, key: Any, flow: Flow[Any]) -> None:
        task = asyncio.ensure_future(run_async(flow, self._via))
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._finished.put_nowait((key, done)))

    async def next_done(self) -> Done:
        key, task = await self._finished.get()
        self._tasks.discard(task)
        error = None if task.cancelled() else task.exception()
        return key, None if error else task.result(), error

    async def stop_all(self) -> None:
        self.abandon()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()

    def abandon(self) -> None:
        for task in self._tasks:
            task.cancel()


class Pool:
    """The jobs of one fan-out: worker threads when the sync driver runs it, tasks when the async one does
    (their effects run `via`, if given)."""

    def __init__(self, limit: int, via: Via | None = None) -> None:
        self.limit = limit
        self._via = via
        self._threads: _Threads | None = None
        self._tasks: _Tasks | None = None

    def threads(self) -> _Threads:
        if self._threads is None:
            self._threads = _Threads(self.limit)
        return self._threads

    def tasks(self) -> _Tasks:
        if self._tasks is None:
            self._tasks = _Tasks(self._via)
        return self._tasks

    def abandon(self) -> None:
        """Stop without waiting (the flow was closed without its driver: nothing may block or await)."""
        if self._threads is not None:
            self._threads.stop_all(wait=False)
        if self._tasks is not None:
            self._tasks.abandon()


@attrs.frozen
class Start:
    pool: Pool
    key: Any
    flow: Flow[Any] = attrs.field(repr=False)

    def run_sync(self) -> None:
        self.pool.threads().start(self.key, self.flow)

    async def run_async(self) -> None:
        self.pool.tasks().start(self.key, self.flow)


@attrs.frozen
class NextDone:
    pool: Pool

    def run_sync(self) -> Done:
        return self.pool.threads().next_done()

    async def run_async(self) -> Done:
        return await self.pool.tasks().next_done()


@attrs.frozen
class StopAll:
    pool: Pool

    def run_sync(self) -> None:
        self.pool.threads().stop_all()

    async def run_async(self) -> None:
        await self.pool.tasks().stop_all()


def fan_out(
    jobs: Iterable[tuple[K, Flow[V]]],
    limit: int,
    make: Callable[[K, V | None, TbapiError | None], R],
    via: Via | None = None,
) -> ItemFlow[R]:
    """Run `jobs` (key, flow) with at most `limit` in flight; emit `make(key, value, error)` as each ends.

    `via`: how the jobs' effects run when the async driver runs them (a sync client's, on a relay: `on_loop`)."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    pool = Pool(limit, via)
    pending = iter(jobs)
    running = 0
    try:
        for key, flow in itertools.islice(pending, limit):
            yield Start(pool, key, flow)
            running += 1
        while running:
            key, value, error = yield NextDone(pool)
            running -= 1
            following = next(pending, None)  # refill first: the next call flies while the consumer works
            if following is not None:
                yield Start(pool, *following)
                running += 1
            if error is not None and not isinstance(error, TbapiError):
                raise error
            yield Emit(make(key, value, error))
    except GeneratorExit:  # closed by the garbage collector, not by a driver: no effect can run now
        pool.abandon()
        raise
    except BaseException:
        yield StopAll(pool)
        raise
    yield StopAll(pool)  # none runs any more: this ends the idle worker threads
