"""A fleet's settings: where its Redis is, how its workers pace and hold their work — from the environment.

`taskiq worker tbapi.fleet:broker` has no flags of tbapi's, so every setting has a variable; the `tbapi fleet`
commands set them from their flags. The Shanjing credentials come from the client's usual variables
(TBAPI_SHANJING_ACCESS_TOKEN, TBAPI_SHANJING_REFRESH_TOKEN, TBAPI_SHANJING_BASE_URL).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

import attrs

from .._exceptions import ValidationError

ENV_REDIS_URL: Final = "TBAPI_REDIS_URL"
ENV_NAMESPACE: Final = "TBAPI_FLEET_NAMESPACE"
ENV_RATE_LIMIT: Final = "TBAPI_FLEET_RATE_LIMIT"
ENV_CONCURRENCY: Final = "TBAPI_FLEET_CONCURRENCY"
ENV_RECLAIM_AFTER: Final = "TBAPI_FLEET_RECLAIM_AFTER"

DEFAULT_REDIS_URL: Final = "redis://localhost:6379/0"
DEFAULT_NAMESPACE: Final = "tbapi:fleet"
DEFAULT_CONCURRENCY: Final = 64
# A chunk a worker holds comes back to the fleet this long after the worker was last heard of (its
# heartbeat keeps the chunks it works on from being taken while it lives, however long they take).
DEFAULT_RECLAIM_AFTER_S: Final = 30.0
CHUNKS_IN_FLIGHT: Final = 2  # per worker: the next chunk starts while the last calls of one finish


@attrs.frozen
class FleetSettings:
    """redis_url: the fleet's Redis. namespace: the prefix of every key (and the stream) of this fleet.
    rate_limit: calls per second for the whole fleet (one `RateLimiter` on Redis), None: unpaced.
    concurrency: calls in flight per worker. reclaim_after: seconds after which the chunks of a worker not
    heard of go to another worker."""

    redis_url: str = DEFAULT_REDIS_URL
    namespace: str = DEFAULT_NAMESPACE
    rate_limit: float | None = None
    concurrency: int = DEFAULT_CONCURRENCY
    reclaim_after: float = DEFAULT_RECLAIM_AFTER_S

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> FleetSettings:
        def given(name: str) -> str | None:
            return environ.get(name) or None

        return cls(
            redis_url=given(ENV_REDIS_URL) or DEFAULT_REDIS_URL,
            namespace=given(ENV_NAMESPACE) or DEFAULT_NAMESPACE,
            rate_limit=_number(ENV_RATE_LIMIT, given(ENV_RATE_LIMIT), float),
            concurrency=int(_number(ENV_CONCURRENCY, given(ENV_CONCURRENCY), int) or DEFAULT_CONCURRENCY),
            reclaim_after=_number(ENV_RECLAIM_AFTER, given(ENV_RECLAIM_AFTER), float) or DEFAULT_RECLAIM_AFTER_S,
        )

    def as_env(self) -> dict[str, str]:
        """The variables that give these settings to a worker (`from_env` reads them back)."""
        env = {
            ENV_REDIS_URL: self.redis_url,
            ENV_NAMESPACE: self.namespace,
            ENV_CONCURRENCY: str(self.concurrency),
            ENV_RECLAIM_AFTER: str(self.reclaim_after),
        }
        return env | ({} if self.rate_limit is None else {ENV_RATE_LIMIT: str(self.rate_limit)})

    @property
    def rate_limit_key(self) -> str:
        """The Redis key of the fleet's shared rate limit (`tbapi.RateLimiter`)."""
        return f"{self.namespace}:budget"

    @property
    def token_key(self) -> str:
        """The key of the fleet's shared Shanjing tokens (`tbapi.shanjing.RedisTokenStore`)."""
        return f"{self.namespace}:token"


def _number(name: str, text: str | None, kind: type[int] | type[float]) -> int | float | None:
    if text is None:
        return None
    try:
        value = kind(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise ValidationError(name, f"must be a positive number, got {text!r}")
    return value
