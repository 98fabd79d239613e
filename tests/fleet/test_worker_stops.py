"""A fleet worker stops when told, whichever way it was started and whenever the signal comes.

On Python 3.11, redis-py sends each command through `asyncio.wait_for`, which swallows a cancellation that
arrives as the command is sent (fixed in 3.12): the task goes on as if nothing had been asked. taskiq stops a
worker by cancelling the read of the next chunk and the broker's heartbeat; a broker that kept reading or beating
after such a cancellation left `taskiq worker` (and its main process, which waits for it) running forever.
`SwallowingConnection` makes that moment happen on demand, on every Python: the command is sent, the
cancellation that comes meanwhile is swallowed, the answer is read as usual.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
from typing import Any

import pytest
from redis.asyncio import Connection

from tbapi.fleet import FleetBroker, FleetSettings
from tests.fleet.fleet_runner import STOPPED_WITHIN_S, Fleet, wait_until

ENDS_WITHIN_S = 10.0  # a broker that ends at all ends within milliseconds; this only fails what would hang


class SwallowingConnection(Connection):
    """A Redis connection that, once `armed` with a command name, swallows the cancellation that comes while
    that command is being sent (as `asyncio.wait_for` does on Python 3.11); `reached` is set meanwhile."""

    armed: bytes | None = None
    reached: asyncio.Event

    async def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        await super().send_packed_command(command, check_health)
        cls = type(self)
        if cls.armed is not None and cls.armed in b"".join(command if isinstance(command, list) else [command]):
            cls.armed = None
            cls.reached.set()
            with contextlib.suppress(asyncio.CancelledError):  # sent; the cancellation comes now, and is lost
                await asyncio.sleep(ENDS_WITHIN_S)


@pytest.fixture
async def broker(redis_url: str, namespace: str) -> Any:
    made = FleetBroker(FleetSettings(redis_url=redis_url, namespace=namespace, reclaim_after=0.3))
    made.connection_pool.connection_class = SwallowingConnection
    SwallowingConnection.reached = asyncio.Event()
    yield made
    SwallowingConnection.armed = None
    await made.connection_pool.disconnect()


async def test_reading_chunks_ends_when_cancelled_even_if_redis_swallowed_the_cancellation(
    broker: FleetBroker,
) -> None:
    await broker.startup()
    deliveries = broker.listen()
    SwallowingConnection.armed = b"XREADGROUP"
    reading = asyncio.ensure_future(anext(deliveries))
    await SwallowingConnection.reached.wait()
    reading.cancel()  # what taskiq's receiver does to stop reading
    done, _ = await asyncio.wait({reading}, timeout=ENDS_WITHIN_S)
    assert (reading in done, reading.cancelled()) == (True, True)
    await deliveries.aclose()
    await broker.shutdown()


async def test_the_heartbeat_ends_on_shutdown_even_if_redis_swallowed_its_cancellation(broker: FleetBroker) -> None:
    broker.is_worker_process = True
    await broker.startup()
    broker.held.add(b"0-1")  # a chunk held: every beat claims it again (XCLAIM)
    SwallowingConnection.armed = b"XCLAIM"
    await SwallowingConnection.reached.wait()
    broker.held.clear()  # nothing to hand back: only the heartbeat is stopped
    stopping = asyncio.ensure_future(broker.shutdown())
    done, _ = await asyncio.wait({stopping}, timeout=ENDS_WITHIN_S)
    assert stopping in done
    stopping.result()


def session_processes(session: int) -> list[str]:
    """The processes of a session (a worker started with its own session: the main process and its children)."""
    listed = subprocess.run(["ps", "-eo", "pid=,sid=,args="], capture_output=True, text=True, check=True).stdout
    return [line for line in listed.splitlines() if int(line.split()[1]) == session]


def test_taskiq_worker_stops_with_its_children_on_sigterm_to_its_main_process_alone(fleet: Fleet) -> None:
    fleet.submit("r", list(range(1, 31)))
    main = fleet.start_taskiq_worker()
    wait_until(lambda: "Listening started" in fleet.worker_log(0), "the worker listening")
    os.kill(main.pid, signal.SIGTERM)  # the main process only, as a supervisor that knows one pid does
    assert main.wait(timeout=STOPPED_WITHIN_S) == 0
    wait_until(lambda: not session_processes(main.pid), "the worker processes gone", within=STOPPED_WITHIN_S)


def test_taskiq_worker_with_no_token_anywhere_fails_at_startup_and_takes_no_chunk(fleet: Fleet) -> None:
    fleet.submit("r", list(range(1, 31)))
    main = fleet.start_taskiq_worker("--max-fails", "1", token=None)
    assert main.wait(timeout=STOPPED_WITHIN_S) != 0  # taskiq gives up after one failed start
    log = fleet.worker_log(0)
    assert "tbapi.ValidationError: access_token: missing: set TBAPI_SHANJING_ACCESS_TOKEN" in log
    assert (fleet.chunks_waiting(), fleet.unfinished_chunks()) == (3, 0)  # nothing taken, nothing failed
