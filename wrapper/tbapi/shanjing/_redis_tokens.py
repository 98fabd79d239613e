"""`RedisTokenStore`: one Shanjing token for a fleet, refreshed once for every process and machine.

The record is one JSON string at `tbapi:token:<key>`; refreshes are serialised by a Redis lock at
`tbapi:token:<key>:lock` with a lease, renewed while its holder runs (a refresh slower than `lease` keeps
it), so a holder that crashed or was stopped loses the lock after `lease` seconds, and every waiter waits at
most its client's timeout. (The namespace keeps a rate limit given the same `key` out of the way.) Whoever gets the lock first refreshes; the others then find a token that
differs from the one that failed and use it (`TokenManager`), so N workers on an expired token make one
refresh call, not N.

Releases before the namespace kept the record at `<key>` itself. A store that finds nothing at its key looks
there once, and moves a token record it finds to the new key (a fleet upgraded keeps its tokens; deleting the
new key later starts from new tokens, as documented, instead of bringing the old ones back). Anything else at
the old key is someone else's and left alone.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from typing import Any

from .._exceptions import LockTimeoutError, ValidationError
from .._logs import logger
from .._support.redis import RedisConnection, redis_key
from ._tokens import TokenRecord

DEFAULT_LEASE_S = 60.0  # longer than a refresh call with its retries takes at the default timeout
PURPOSE = "token"
RENEWALS_PER_LEASE = 3  # the lease is renewed this often within its length: two renewals may fail in a row
# Moves the record found at the old key (ARGV[1], read and checked first) to the new key, unless the new key was
# written meanwhile or the old key changed; the new key's record either way.
MOVE_OLD_RECORD = """
if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2])
end
return redis.call('GET', KEYS[1])
"""


class LeaseRenewal:
    """Renews a held Redis lock's lease every `lease / RENEWALS_PER_LEASE` seconds until `stop()`.

    A refresh slower than the lease (retries, a slow service) keeps the lock, so no second process refreshes
    meanwhile; a holder that crashed or is stopped renews nothing, and its lock expires with the lease.
    """

    def __init__(self, lock: Any, lease: float, name: str) -> None:
        self._lock, self._lease, self._name = lock, lease, name
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tbapi-token-lease", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import redis

        while not self._stopped.wait(self._lease / RENEWALS_PER_LEASE):
            try:
                self._lock.reacquire()  # the lease starts again from now
            except redis.exceptions.LockNotOwnedError:
                logger.warning("the token lock %r was lost before its refresh ended (its lease ran out)", self._name)
                return
            except redis.RedisError as exc:  # Redis away for a moment: the next renewal may still come in time
                logger.warning("renewing the token lock %r failed (%s: %s)", self._name, type(exc).__name__, exc)

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()


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
        self.redis_key = redis_key(PURPOSE, key)
        self.lock_key = f"{self.redis_key}:lock"
        self._old_key_seen = False  # the key of releases before the namespace was looked at (see the module)

    def load(self) -> TokenRecord | None:
        with self._redis.errors("reading the token", key=self.redis_key, param="token_store"):
            raw = self._redis.sync_client().get(self.redis_key)
        if raw is None and not self._old_key_seen:
            raw = self._moved_from_old_key()
        if raw is None:
            return None
        try:
            return TokenRecord.from_json(json.loads(raw))
        except (ValueError, TypeError, RecursionError) as exc:
            problem = f"holds no tbapi token record ({type(exc).__name__})"
            raise self._redis.foreign(self.redis_key, "token_store", problem) from None

    def _moved_from_old_key(self) -> bytes | None:
        """The record a release before the namespace kept at `key`, moved to `redis_key`; None if there is none."""
        import redis

        with self._redis.errors("reading the token", key=self.redis_key, param="token_store"):
            try:
                old = self._redis.sync_client().get(self.key)
            except redis.ResponseError:  # another type of value: not a token of tbapi's
                old = None
            if old is None or not _is_record(old):
                self._old_key_seen = True
                return None
            moved: bytes | None = self._redis.script(MOVE_OLD_RECORD)(keys=[self.redis_key, self.key], args=[old])
        self._old_key_seen = True
        if moved == old:
            logger.info("moved the token an earlier tbapi kept at Redis key %r to %r", self.key, self.redis_key)
        return moved

    def save(self, record: TokenRecord) -> None:
        with self._redis.errors("saving the token", key=self.redis_key, param="token_store"):
            self._redis.sync_client().set(self.redis_key, json.dumps(record.to_json()))

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
        renewal = LeaseRenewal(lock, self.lease, self.lock_key)
        try:
            yield self
        finally:
            renewal.stop()
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


def _is_record(raw: bytes | str) -> bool:
    try:
        TokenRecord.from_json(json.loads(raw))
    except (ValueError, TypeError, RecursionError):
        return False
    return True
