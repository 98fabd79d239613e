"""The fleet's broker: taskiq-redis's `RedisStreamBroker` (a Redis stream read by one consumer group, each
message acknowledged when its task is done), with what a fleet that must lose nothing needs on top:

- Reclaim whenever the worker looks for work. taskiq-redis 1.2.4 claims the messages of a dead consumer
  (`XAUTOCLAIM`) only after a read that found new messages, so the chunk a SIGKILLed worker held at the
  end of a run would wait forever; here every read is followed by a reclaim.
- A heartbeat. A message a live worker holds is re-claimed by it (`XCLAIM … JUSTID`, which resets its idle
  time) every third of the reclaim delay, so the delay can be short (seconds) without another worker taking
  a chunk that is merely slow; the heartbeat also records the worker as seen.
- Returning work on a clean stop: messages read but not run are handed back at once (their idle time set
  past the delay) instead of waiting for the delay.
- Waiting out Redis: a lost connection (or a restarted Redis that lost the group) is retried with backoff —
  reading, acknowledging, heartbeats — never a crashed worker or a dropped acknowledgement.
- Bounded memory: an acknowledged message is deleted from the stream (`XACK` + `XDEL`); a stream only ever
  holds the chunks not yet done.
- Stopping when told. taskiq stops a worker by cancelling its read of the next chunk, and the broker stops its
  heartbeat the same way; on Python 3.11 redis-py loses a cancellation that comes while a command is being sent
  (it sends through `asyncio.wait_for`, fixed in 3.12), and a read or heartbeat that went on would keep the
  worker, and the `taskiq worker` process waiting for it, alive forever. Both look for a lost cancellation
  after every command (`_raise_lost_cancellation`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Any, Final

from redis.asyncio import Redis
from redis.exceptions import ResponseError
from taskiq import AckableMessage
from taskiq_redis import RedisStreamBroker

from .._logs import logger
from ._patience import OUTAGE, patiently, wait_out
from ._settings import FleetSettings

READ_BLOCK_MS: Final = 1000  # how long one read waits for a new chunk before looking for abandoned ones
RECLAIM_BATCH: Final = 1  # chunks claimed at once: a worker takes what it can run, the others stay for others
# What a message's idle time is set to when it is handed back: any reclaim delay is shorter.
HANDED_BACK_IDLE_MS: Final = 10 * 365 * 24 * 3600 * 1000

Beat = Callable[[int], Awaitable[None]]  # called on each heartbeat with the number of messages held


class FleetBroker(RedisStreamBroker):
    """`RedisStreamBroker` on the fleet's stream (`{namespace}:chunks`), for the settings given."""

    def __init__(self, settings: FleetSettings) -> None:
        super().__init__(
            settings.redis_url,
            queue_name=f"{settings.namespace}:chunks",
            consumer_group_name=f"{settings.namespace}:workers",
            consumer_id="0",  # a group made after chunks were submitted still delivers them
            xread_block=READ_BLOCK_MS,
            xread_count=1,  # take one chunk at a time: the receiver asks again when it can run another
            idle_timeout=int(settings.reclaim_after * 1000),
            unacknowledged_batch_size=RECLAIM_BATCH,
            socket_timeout=READ_BLOCK_MS / 1000 + 10,
            socket_connect_timeout=5,
        )
        self.settings = settings
        self.held: set[bytes] = set()  # ids of the stream messages this worker read and has not acknowledged
        self.on_beat: Beat | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    # --- the worker's life ---------------------------------------------------------------------------------

    async def startup(self) -> None:
        await super().startup()
        if self.is_worker_process:
            self._heartbeat = asyncio.create_task(self._beat(), name="tbapi-fleet-heartbeat")

    async def shutdown(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            await asyncio.wait({self._heartbeat})  # its end; a cancellation of this shutdown is not caught here
        with contextlib.suppress(*OUTAGE):  # not handed back: they come back after the delay anyway
            await self.hand_back()
        await super().shutdown()

    async def hand_back(self) -> None:
        """Give the chunks this worker holds (read, not acknowledged) to the next worker that looks for work."""
        if self.held:
            await self._claim(sorted(self.held), idle_ms=HANDED_BACK_IDLE_MS)
            logger.info("tbapi fleet: handed back %d chunk(s) not finished", len(self.held))

    async def _beat(self) -> None:
        interval = self.idle_timeout / 3000
        while True:
            try:
                if self.held:
                    await self._claim(sorted(self.held), idle_ms=0)
                if self.on_beat is not None:
                    await self.on_beat(len(self.held))
            except OUTAGE as error:
                logger.warning("tbapi fleet: heartbeat: Redis unreachable (%s)", type(error).__name__)
            except Exception:  # a heartbeat that stops would let the chunks held go to other workers
                logger.exception("tbapi fleet: heartbeat failed")
            _raise_lost_cancellation()
            await asyncio.sleep(interval)

    async def _claim(self, ids: list[Any], *, idle_ms: int) -> None:
        """Take `ids` (again) for this consumer with their idle time set to `idle_ms`."""
        async with Redis(connection_pool=self.connection_pool) as redis:
            await redis.xclaim(
                self.queue_name, self.consumer_group_name, self.consumer_name,
                min_idle_time=0, message_ids=ids, idle=idle_ms, justid=True,
            )  # fmt: skip

    # --- delivering and acknowledging ----------------------------------------------------------------------

    async def listen(self) -> AsyncGenerator[AckableMessage, None]:
        """Every chunk for this worker: new ones, then abandoned ones; Redis outages waited out."""
        failures = 0
        while True:
            try:
                await self._declare_consumer_group()  # again after a Redis that lost its data
                _raise_lost_cancellation()
                async for message in self._deliveries():
                    failures = 0
                    yield message
            except (*OUTAGE, ResponseError) as error:
                if isinstance(error, ResponseError) and not str(error).startswith("NOGROUP"):
                    raise
                await wait_out(error, failures, "reading chunks")
                failures += 1

    async def _deliveries(self) -> AsyncGenerator[AckableMessage, None]:
        """New chunks, then abandoned ones; each is held (`_delivered`) before a lost cancellation is raised, so a
        worker that stops hands back what it read."""
        async with Redis(connection_pool=self.connection_pool) as redis:
            while True:
                fetched: Any = await redis.xreadgroup(
                    self.consumer_group_name, self.consumer_name, {self.queue_name: ">"},
                    block=self.block, count=self.count,
                )  # fmt: skip
                new = [self._delivered(id_, fields) for _stream, messages in fetched or () for id_, fields in messages]
                _raise_lost_cancellation()
                for message in new:
                    yield message
                taken = [self._delivered(id_, fields) for id_, fields in await self._abandoned(redis)]
                _raise_lost_cancellation()
                for message in taken:
                    yield message

    async def _abandoned(self, redis: Redis) -> list[tuple[bytes, dict[bytes, bytes]]]:
        _next, claimed, *_ = await redis.xautoclaim(
            self.queue_name, self.consumer_group_name, self.consumer_name,
            min_idle_time=self.idle_timeout, count=self.unacknowledged_batch_size,
        )  # fmt: skip
        taken = [(message_id, fields) for message_id, fields in claimed if fields]  # Redis 6 lists deleted ones
        for message_id, _fields in taken:
            logger.info("tbapi fleet: took over a chunk of a worker not heard of (%s)", message_id)
        return taken

    def _delivered(self, message_id: bytes, fields: dict[bytes, bytes]) -> AckableMessage:
        self.held.add(message_id)
        return AckableMessage(data=fields[b"data"], ack=lambda: self._acknowledge(message_id))

    async def _acknowledge(self, message_id: bytes) -> None:
        async def ack_and_delete() -> None:
            async with Redis(connection_pool=self.connection_pool) as redis, redis.pipeline() as pipe:
                pipe.xack(self.queue_name, self.consumer_group_name, message_id)
                pipe.xdel(self.queue_name, message_id)
                await pipe.execute()

        await patiently(ack_and_delete, "acknowledging a chunk")
        self.held.discard(message_id)


def _raise_lost_cancellation() -> None:
    """Raise the cancellation asked of this task if it was lost on the way (see the module docstring)."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


__all__ = ["FleetBroker"]
