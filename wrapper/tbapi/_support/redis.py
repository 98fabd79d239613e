"""What tbapi's Redis parts share: the optional import, the connections, and Redis failures as tbapi errors.

redis-py comes with `pip install 'tbapi-sdk[redis]'`. A Redis that cannot be reached, or that refuses a
command, is an `APIConnectionError` naming Redis (the API request was never sent), never a silent
fallback: an unlimited fleet would ban itself, and a fleet without a shared lock would refresh N times.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._exceptions import APIConnectionError, ValidationError
from .._logs import register_secret
from .._version import install_command

if TYPE_CHECKING:
    import redis
    import redis.asyncio

SOCKET_TIMEOUT_S = 5.0  # a Redis that does not answer within this fails the call instead of hanging it


def redis_module(param: str) -> Any:
    try:
        import redis
    except ImportError:
        raise ValidationError(param, f"Redis needs the redis extra: {install_command('redis')}") from None
    return redis


class RedisConnection:
    """A Redis URL with a blocking client, and an asyncio client per event loop, made on first use."""

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
        self._async: tuple[asyncio.AbstractEventLoop, redis.asyncio.Redis] | None = None
        self._scripts: dict[tuple[int, str], Any] = {}  # (id of the client, Lua source) → registered script

    def sync_client(self) -> redis.Redis:
        if self._sync is None:
            import redis

            self._sync = redis.Redis.from_url(
                self.url, socket_timeout=SOCKET_TIMEOUT_S, socket_connect_timeout=SOCKET_TIMEOUT_S
            )
        return self._sync

    def async_client(self) -> redis.asyncio.Redis:
        """The asyncio client of the running loop (a redis.asyncio connection belongs to one loop)."""
        loop = asyncio.get_running_loop()
        if self._async is None or self._async[0] is not loop:
            import redis.asyncio

            client = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=SOCKET_TIMEOUT_S, socket_connect_timeout=SOCKET_TIMEOUT_S
            )
            self._async = (loop, client)
        return self._async[1]

    def script(self, lua: str) -> Any:
        """`lua` registered on the blocking client (redis-py loads it again if the server forgot it)."""
        return self._registered(self.sync_client(), lua)

    def async_script(self, lua: str) -> Any:
        """`lua` registered on the asyncio client of the running loop."""
        return self._registered(self.async_client(), lua)

    def _registered(self, client: Any, lua: str) -> Any:
        key = (id(client), lua)
        if key not in self._scripts:
            self._scripts = {k: v for k, v in self._scripts.items() if k[1] != lua}  # a loop's old client
            self._scripts[key] = client.register_script(lua)
        return self._scripts[key]

    @contextlib.contextmanager
    def errors(self, what: str) -> Iterator[None]:
        """Turn a redis-py failure into an `APIConnectionError` naming Redis and what it was needed for."""
        import redis

        try:
            yield
        except redis.RedisError as exc:
            raise APIConnectionError(
                f"Redis at {self.where} failed while {what}: {type(exc).__name__}: {exc}", request_sent=False
            ) from None

    def __repr__(self) -> str:
        return f"redis at {self.where}"


def _where(kwargs: dict[str, Any]) -> str:
    """host:port/db (or the socket path) of parsed URL arguments: never the password."""
    if "path" in kwargs:
        return str(kwargs["path"])
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"
