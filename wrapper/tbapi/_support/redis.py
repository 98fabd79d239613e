"""What tbapi's Redis parts share: the optional import, the connections, and Redis failures as tbapi errors.

redis-py comes with `pip install 'tbapi-sdk[redis]'`. A Redis that cannot be reached, or that refuses a
command, is an `APIConnectionError` naming Redis (the API request was never sent), never a silent
fallback: an unlimited fleet would ban itself, and a fleet without a shared lock would refresh N times.
A key that holds something tbapi cannot use is a `ValidationError` naming Redis and the key.

tbapi's keys are namespaced by purpose (`redis_key`): a rate limit and a token store given the same `key`
use different Redis keys and never meet.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .._exceptions import APIConnectionError, ValidationError
from .._logs import register_secret
from .._version import install_command

if TYPE_CHECKING:
    import redis

REDIS_FAILED = "Redis at"  # how the message of an error raised for a Redis failure starts
T = TypeVar("T")
SOCKET_TIMEOUT_S = 5.0  # a Redis that does not answer within this fails the call instead of hanging it
MAX_CONNECTIONS = 16  # per limiter or token store: a command holds one for a round trip of well under a millisecond
CORRUPT = "TBAPI_CORRUPT"  # how tbapi's Lua scripts report a field they cannot read: `CORRUPT <field>`


def redis_module(param: str) -> Any:
    try:
        import redis
    except ImportError:
        raise ValidationError(param, f"Redis needs the redis extra: {install_command('redis')}") from None
    return redis


class RedisConnection:
    """A Redis URL and one blocking client on a bounded pool, made on first use.

    The async clients and tasks use the same client, from a worker thread (`run_async`): a redis.asyncio
    connection belongs to one event loop, so a client per loop would open connections for every loop a
    shared limiter ever served. Here each limiter or token store holds at most `MAX_CONNECTIONS`, whatever the
    threads and loops that use it.
    """

    def __init__(self, url: str, param: str = "redis_url") -> None:
        module = redis_module(param)
        if not isinstance(url, str) or not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValidationError(param, f"must be a redis://, rediss:// or unix:// URL, got {url!r}")
        try:
            kwargs = module.connection.parse_url(url)
        except ValueError as exc:
            raise ValidationError(param, f"not a Redis URL ({exc})") from None
        register_secret(kwargs.get("password"))
        self.url = url
        self.where = _where(kwargs)
        self._sync: redis.Redis | None = None
        self._made = threading.Lock()
        self._scripts: dict[str, Any] = {}  # Lua source → the script registered on the client

    def sync_client(self) -> redis.Redis:
        if self._sync is None:
            import redis

            with self._made:
                if self._sync is None:
                    pool = redis.BlockingConnectionPool.from_url(
                        self.url,
                        max_connections=MAX_CONNECTIONS,
                        timeout=SOCKET_TIMEOUT_S,  # the wait for a free connection
                        socket_timeout=SOCKET_TIMEOUT_S,
                        socket_connect_timeout=SOCKET_TIMEOUT_S,
                    )
                    self._sync = redis.Redis(connection_pool=pool)
        return self._sync

    def script(self, lua: str) -> Any:
        """`lua` registered on the client (redis-py loads it again if the server forgot it)."""
        if lua not in self._scripts:
            self._scripts[lua] = self.sync_client().register_script(lua)
        return self._scripts[lua]

    @staticmethod
    async def run_async(work: Callable[[], T]) -> T:
        """`work()` (blocking Redis calls) in a worker thread: the event loop goes on meanwhile."""
        return await asyncio.to_thread(work)

    @contextlib.contextmanager
    def errors(self, what: str, key: str | None = None, param: str = "key") -> Iterator[None]:
        """Turn a redis-py failure into an `APIConnectionError` naming Redis and what it was needed for.

        With `key`: a key holding another Redis type, or a record no tbapi wrote (`CORRUPT`), is a
        `ValidationError` (`param`) naming Redis and the key instead: no retry mends it.
        """
        import redis

        try:
            yield
        except redis.ResponseError as exc:
            text = str(exc)
            if key is not None and "WRONGTYPE" in text:
                raise self.foreign(key, param, "holds another type of Redis value") from None
            if key is not None and CORRUPT in text:
                field = (text.split(CORRUPT, 1)[1].split() or ["?"])[0]
                raise self.foreign(key, param, f"holds a record no tbapi wrote (its field {field!r})") from None
            raise self._failed(what, exc) from None
        except redis.RedisError as exc:
            raise self._failed(what, exc) from None

    def foreign(self, key: str, param: str, problem: str) -> ValidationError:
        """The error for a key that holds what tbapi cannot use: names Redis and the key, says how to mend it."""
        return ValidationError(
            param,
            f"the Redis key {key!r} at {self.where} {problem}: tbapi keeps its own keys there; delete that key "
            "if nothing else uses it, or give tbapi another key",
        )

    def _failed(self, what: str, exc: Exception) -> APIConnectionError:
        return APIConnectionError(
            f"{REDIS_FAILED} {self.where} failed while {what}: {type(exc).__name__}: {exc}", request_sent=False
        )

    def __repr__(self) -> str:
        return f"redis at {self.where}"


def is_redis_failure(error: BaseException) -> bool:
    """Whether `error` is a call's failure to reach Redis (its rate limit or tokens), not an answer of the API."""
    return isinstance(error, APIConnectionError) and error.message.startswith(REDIS_FAILED)


def redis_key(purpose: str, key: str) -> str:
    """The Redis key tbapi keeps `purpose`'s state in for the user's `key`: `tbapi:<purpose>:<key>`."""
    return f"tbapi:{purpose}:{key}"


def _where(kwargs: dict[str, Any]) -> str:
    """host:port/db (or the socket path) of parsed URL arguments: never the password."""
    if "path" in kwargs:
        return str(kwargs["path"])
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"
