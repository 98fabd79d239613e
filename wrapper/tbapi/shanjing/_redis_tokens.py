"""`RedisTokenStore`: one Shanjing token for a fleet, refreshed once for every process and machine.

The record is one JSON string at `key`; refreshes are serialised by a Redis lock at `<key>:lock` with a
lease, so a holder that crashed (or hangs) loses the lock after `lease` seconds, and every waiter waits at
most its client's timeout. Whoever gets the lock first refreshes; the others then find a token that
differs from the one that failed and use it (`TokenManager`), so N workers on an expired token make one
refresh call, not N.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from .._exceptions import LockTimeoutError, ValidationError
from .._logs import logger
from .._support.redis import RedisConnection
from ._tokens import TokenRecord

DEFAULT_LEASE_S = 60.0  # longer than a refresh call with its retries takes at the default timeout


class RedisTokenStore:
    """Tokens in Redis, shared by every client, process and machine that uses the same `url` and `key`.

        store = tbapi.shanjing.RedisTokenStore("redis://redis.internal:6379/0", key="shanjing:shop-42")
        client = tbapi.ShanjingClient(token_store=store, refresh_token=…)

    Every request reads the current token from Redis (one GET), so a token refreshed anywhere is used
    everywhere from the next request on. `lease` is how long a refresh may hold the lock before Redis lets
    it go (a crashed holder cannot block the fleet). Needs `pip install 'tbapi-sdk[redis]'`.

    Args:
        url: A `redis://`, `rediss://` or `unix://` URL.
        key: The Redis key of the token record (one per Shanjing account).
        lease: Seconds a refresh may hold the lock before Redis lets it go.

    Raises:
        tbapi.ValidationError: a bad `url`, an empty `key`, a `lease` that is not a positive number.
        tbapi.APIConnectionError: (when used) Redis cannot be reached; the message names Redis.
        tbapi.LockTimeoutError: (when used) the lock was not free within the client's timeout.
    """

    def __init__(self, url: str, *, key: str, lease: float = DEFAULT_LEASE_S) -> None:
        if not isinstance(key, str) or not key:
            raise ValidationError("key", f"must be a non-empty string, got {key!r}")
        if isinstance(lease, bool) or not isinstance(lease, int | float) or not lease > 0:
            raise ValidationError("lease", f"must be a positive number of seconds, got {lease!r}")
        self._redis = RedisConnection(url, "url")
        self.key, self.lease = key, float(lease)
        self.lock_key = f"{key}:lock"

    def load(self) -> TokenRecord | None:
        with self._redis.errors("reading the token"):
            raw = self._redis.sync_client().get(self.key)
        if raw is None:
            return None
        try:
            return TokenRecord.from_json(json.loads(raw))
        except (ValueError, TypeError) as exc:
            raise ValidationError(
                "token_store", f"Redis key {self.key!r} holds no tbapi token record ({exc})"
            ) from None

    def save(self, record: TokenRecord) -> None:
        with self._redis.errors("saving the token"):
            self._redis.sync_client().set(self.key, json.dumps(record.to_json()))

    @contextlib.contextmanager
    def lock(self, timeout: float | None = None) -> Iterator[object]:
        """Hold the fleet's refresh lock; wait at most `timeout` seconds for it (None: as long as it takes)."""
        with self._redis.errors("waiting for the token lock"):
            lock: Any = self._redis.sync_client().lock(
                self.lock_key, timeout=self.lease, blocking_timeout=timeout, thread_local=False
            )
            acquired = lock.acquire()
        if not acquired:
            raise LockTimeoutError(f"{self.lock_key!r} in {self._redis!r}", timeout or 0.0)
        try:
            yield self
        finally:
            self._release(lock)

    def _release(self, lock: Any) -> None:
        import redis

        try:
            lock.release()
        except redis.RedisError as exc:  # the refresh is saved; a lease that ran out first is worth a warning
            logger.warning(
                "the token lock %r was not released cleanly (%s: %s)", self.lock_key, type(exc).__name__, exc
            )

    def __repr__(self) -> str:
        return f"RedisTokenStore({self._redis!r}, key={self.key!r})"
