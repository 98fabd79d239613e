"""Waiting out a Redis that cannot be reached: what a worker must store or acknowledge is retried with backoff
until Redis answers again, never dropped."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Final, TypeVar

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .._engine.retry import RetryPolicy
from .._logs import logger

T = TypeVar("T")

OUTAGE: Final = (RedisConnectionError, RedisTimeoutError, OSError)
"""What redis-py raises while Redis cannot be reached (down, restarting, a network cut)."""
OUTAGE_BACKOFF: Final = RetryPolicy(initial_delay=0.25, max_delay=5.0)


async def patiently(operation: Callable[[], Awaitable[T]], what: str) -> T:
    """`operation()`, again and again with backoff while Redis cannot be reached."""
    failures = 0
    while True:
        try:
            return await operation()
        except OUTAGE as error:
            await wait_out(error, failures, what)
            failures += 1


async def wait_out(error: Exception, failures: int, what: str) -> None:
    """Wait before trying again what failed on Redis (`failures` times in a row before this one), and say so."""
    delay = OUTAGE_BACKOFF.backoff(failures)
    logger.warning("tbapi fleet: Redis unreachable while %s (%s); again in %.1f s", what, type(error).__name__, delay)
    await asyncio.sleep(delay)
