"""Many flows at once, at most `limit` in flight, their outcomes as they complete — for both drivers.

`fan_out(jobs, limit, make)` is an item flow (see `_twins`) that makes every decision: it starts the
first `limit` jobs, and each time one finishes it starts the next one and emits the finished one's
outcome. A `TbapiError` a job raises is part of its outcome; any other exception is a bug and ends the
whole fan-out. When its driver stops it early (`Cancelled`), it stops every job still in flight and
waits until none runs. It yields only three effects, on one `Pool`:

    Start(pool, key, flow)   run `flow` beside the others (sync: in a worker thread; async: as a task)
    NextDone(pool)           wait for any started flow to finish: (key, value, error)
    StopAll(pool)            stop those still running and wait for them to end

A job in a thread stops at its next effect (a plain wait is cut short); a task is cancelled at once. (A sync
client on its own pool runs its `get_many` with the async driver on a loop of its own: `shanjing/_relay.py`.)
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import contextvars
import functools
import itertools
import queue
import threading
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

import attrs

from .._exceptions import TbapiError
from .flow import Effect, Flow, Sleep, advance, outcome_sync, run_async
from .twins import Emit, ItemFlow

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")

_pool_numbers = itertools.count(1)
Done = tuple[Any, Any, BaseException | None]  # (key, value, error) of a finished job


class _Stopped(BaseException):
    """Raised in a worker thread whose pool was stopped: its job ends at its next effect."""


class _Threads:
    """The sync side of a pool: jobs in at most `limit` worker threads, finished ones reported through a queue.

    The workers are this pool's own threads, each listed before it starts: a Ctrl-C that interrupts a start
    still leaves the thread among those `stop_all` waits for.
    """

    def __init__(self, limit: int) -> None:
        self._name = f"tbapi-fan-out-{next(_pool_numbers)}"
        self._limit = limit
        self._jobs: queue.SimpleQueue[tuple[Any, Flow[Any], contextvars.Context] | None] = queue.SimpleQueue()
        self._finished: queue.SimpleQueue[Done] = queue.SimpleQueue()
        self._workers: list[threading.Thread] = []
        self._stop = threading.Event()

    def start(self, key: Any, flow: Flow[Any]) -> None:
        # In a copy of the starting thread's context, as a task is (a call's per-call options, its attempt).
        self._jobs.put((key, flow, contextvars.copy_context()))
        if len(self._workers) < self._limit:  # at most `limit` jobs run at once: each finds a worker
            worker = threading.Thread(target=self._work, name=f"{self._name}_{len(self._workers)}", daemon=True)
            self._workers.append(worker)
            worker.start()

    def next_done(self) -> Done:
        return self._finished.get()  # interruptible: Ctrl-C reaches the waiting main thread

    def stop_all(self, *, wait: bool = True) -> None:
        self._stop.set()
        for _ in self._workers:
            self._jobs.put(None)
        if wait:
            for worker in self._workers:
                with contextlib.suppress(RuntimeError):  # a start a Ctrl-C interrupted before the thread ran
                    worker.join()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            key, flow, context = job
            try:
                self._finished.put((key, context.run(self._run, flow), None))
            except BaseException as error:  # the job's outcome, reported: the fan-out decides
                self._finished.put((key, None, error))

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


class _Tasks:
    """The async side of a pool: jobs in tasks of the running loop, finished ones handed over in the order they
    finish. Its own list and one future to wait on rather than an `asyncio.Queue`: one job finishes per item of
    a `get_many`, and the queue's general machinery (its getters, putters and unfinished-task count) costs
    several times as much for the one consumer here."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._finished: collections.deque[tuple[Any, asyncio.Task[Any]]] = collections.deque()
        self._waiting: asyncio.Future[None] | None = None  # `next_done`'s, while none has finished

    def start(self, key: Any, flow: Flow[Any]) -> None:
        task = asyncio.ensure_future(run_async(flow))
        self._tasks.add(task)
        task.add_done_callback(functools.partial(self._finish, key))

    def _finish(self, key: Any, task: asyncio.Task[Any]) -> None:
        self._finished.append((key, task))
        waiting = self._waiting
        if waiting is not None and not waiting.done():
            waiting.set_result(None)

    async def next_done(self) -> Done:
        while not self._finished:
            self._waiting = asyncio.get_running_loop().create_future()
            await self._waiting
        key, task = self._finished.popleft()
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
    """The jobs of one fan-out: worker threads when the sync driver runs it, tasks when the async one does."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._threads: _Threads | None = None
        self._tasks: _Tasks | None = None

    def threads(self) -> _Threads:
        if self._threads is None:
            self._threads = _Threads(self.limit)
        return self._threads

    def tasks(self) -> _Tasks:
        if self._tasks is None:
            self._tasks = _Tasks()
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
    blocking: ClassVar[bool] = True
    key: Any
    flow: Flow[Any] = attrs.field(repr=False)

    def run_sync(self) -> None:
        self.pool.threads().start(self.key, self.flow)

    async def run_async(self) -> None:
        self.pool.tasks().start(self.key, self.flow)


@attrs.frozen
class NextDone:
    pool: Pool
    blocking: ClassVar[bool] = True

    def run_sync(self) -> Done:
        return self.pool.threads().next_done()

    async def run_async(self) -> Done:
        return await self.pool.tasks().next_done()


@attrs.frozen
class StopAll:
    pool: Pool
    blocking: ClassVar[bool] = True

    def run_sync(self) -> None:
        self.pool.threads().stop_all()

    async def run_async(self) -> None:
        await self.pool.tasks().stop_all()


def fan_out(
    jobs: Iterable[tuple[K, Flow[V]]],
    limit: int,
    make: Callable[[K, V | None, TbapiError | None], R],
) -> ItemFlow[R]:
    """Run `jobs` (key, flow) with at most `limit` in flight; emit `make(key, value, error)` as each ends."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    pool = Pool(limit)
    next_done = NextDone(pool)  # the same effect each time: made once
    pending = iter(jobs)
    running = 0
    try:
        for key, flow in itertools.islice(pending, limit):
            yield Start(pool, key, flow)
            running += 1
        while running:
            key, value, error = yield next_done
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
