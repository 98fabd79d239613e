"""A sync client's `get_many` run as the async client runs it: on an event loop in a background thread.

Threads each sending through httpx's sync client are bound by the CPU and the GIL long before 64 calls are in
flight; tasks of one loop over aiohttp are not. So `relayed` starts a new event loop in a thread of its own,
opens a connection there (`connect`: the client's sibling pool), drives the item flow `make(connection)` with
the async driver, as the async client would, and hands each item to the caller through a queue, at most
`room` of them waiting: a finished call's successor starts in the loop without waiting for the caller.

An effect that blocks runs in a worker thread of the loop (the async driver's rule); those threads, the loop's
thread and the connection end with the iterator: at its end, when the caller leaves early (`break`,
`close()`, Ctrl-C), or when a bug in the flow is raised in the caller.

The items that finish in one turn of the loop are handed over together, as one list: each hand-over wakes the
caller's thread, which then takes the GIL from the loop's, and one per item made that the cost of the relay.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import itertools
import queue
import threading
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar

import attrs

from .._engine.twins import ItemFlow, iterate_async

C = TypeVar("C")
T = TypeVar("T")

_relay_numbers = itertools.count(1)


@attrs.frozen
class Connection(Generic[C]):
    """What `connect` opened inside the loop (`value`), and how to close it there."""

    value: C
    close: Callable[[], Awaitable[None]]


@attrs.frozen
class _Failed:
    error: Exception


_END = object()


def relayed(
    connect: Callable[[], Connection[C]], make: Callable[[C], ItemFlow[T]], room: int
) -> Generator[T, None, None]:
    """The items of `make(connect().value)`, driven on an event loop in a background thread (module docstring)."""
    relay = _Relay(connect, make, room)
    try:
        while (item := relay.next_item()) is not _END:
            yield item
    finally:
        relay.stop()


class _Relay(Generic[C, T]):
    """The loop's thread and the queue between it and the caller."""

    def __init__(self, connect: Callable[[], Connection[C]], make: Callable[[C], ItemFlow[T]], room: int) -> None:
        self._connect, self._make, self._room_size = connect, make, room
        self._items: queue.SimpleQueue[list[Any]] = queue.SimpleQueue()
        self._taken: collections.deque[Any] = collections.deque()  # the caller's side: handed over, not yet taken
        self._finished: list[Any] = []  # the loop's side: finished in this turn of the loop, not yet handed over
        self._closing = False  # touched in the loop's thread only
        self._owed = 0  # items taken by the caller whose room the loop has not been given back yet
        self._thread: threading.Thread | None = None  # started with the first item asked for

    def next_item(self) -> Any:
        """The flow's next item, or `_END`; its failure (a bug) is raised here."""
        if self._thread is None:
            self._start()
        else:
            self._owed += 1  # the caller has taken the previous one: its room is given back in batches
            if self._owed * 2 >= self._room_size:
                with contextlib.suppress(RuntimeError):  # the loop has ended: nothing waits for room
                    self._loop.call_soon_threadsafe(self._give_back, self._owed)
                self._owed = 0
        if not self._taken:
            self._taken.extend(self._items.get())  # interruptible: Ctrl-C reaches the waiting main thread
        got = self._taken.popleft()
        if isinstance(got, _Failed):
            raise got.error
        return got

    def _start(self) -> None:
        name = f"tbapi-fan-out-relay-{next(_relay_numbers)}"
        self._room = asyncio.Semaphore(self._room_size)
        self._loop = asyncio.new_event_loop()
        blocking = concurrent.futures.ThreadPoolExecutor(self._room_size, thread_name_prefix=f"{name}-blocking")
        self._loop.set_default_executor(blocking)
        self._main = self._loop.create_task(self._drive())
        self._thread = threading.Thread(target=self._run, name=f"{name}-loop", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Cancel the flow (it stops its jobs), close the connection and the worker threads, end the loop."""
        thread = self._thread
        if thread is None or not thread.is_alive():
            return
        with contextlib.suppress(RuntimeError):  # the loop has already ended
            self._loop.call_soon_threadsafe(self._cancel)
        if thread is not threading.current_thread():  # the collector may drop the iterator in any thread
            thread.join()

    def _finish(self, item: Any) -> None:
        """Hand `item` over with the others that finish in this turn of the loop (module docstring)."""
        self._finished.append(item)
        if len(self._finished) == 1:
            self._loop.call_soon(self._hand_over)

    def _hand_over(self, last: Any = None) -> None:
        """Hand the finished items over now, and `last` (the end, or a failure) after them."""
        finished, self._finished = self._finished, []
        if last is not None:
            finished.append(last)
        if finished:
            self._items.put(finished)

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
        connection: Connection[C] | None = None
        try:
            connection = self._connect()
            async with contextlib.aclosing(iterate_async(self._make(connection.value))) as items:
                async for item in items:
                    await self._room.acquire()
                    self._finish(item)
            self._hand_over(_END)
        except Exception as exc:  # a bug: the caller raises it
            self._hand_over(_Failed(exc))
        finally:
            self._closing = True
            if connection is not None:
                await connection.close()
            await self._loop.shutdown_default_executor()
