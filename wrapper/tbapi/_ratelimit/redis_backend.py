"""A rate limit in Redis: one pace, one pause and one adapted rate for every process on a key.

Two Lua scripts make each step atomic on the Redis server, with the server's clock (`TIME`), so machines
with different clocks agree. They mirror `tbapi._ratelimit.pacing.reserve` and `.paused` (same rules, in
microseconds); the adapted rate (`Cubic`) is computed here from the state the last script returned.

Why not a library: `limits` counts calls per window of whole seconds and cannot space calls 10 ms apart, so
a window's calls leave in one burst; `pyrate-limiter` (4.5, `RedisBucket`) can, but its blocking acquire
polls: measured with 4 processes x 16 threads on one bucket of 1 call per 11 ms against this Redis, it let
17 calls/s through (of 91 allowed), ran 18 scripts per call, and let bursts through (35 calls within one
second, gaps down to 0.08 ms). Neither can pause a rate limit or change its rate while it is in use. These
scripts give every call its slot in one round trip, so a caller sleeps exactly until its slot.
"""

from __future__ import annotations

import math
import time
from typing import Any

from .._support.redis import RedisConnection
from . import pacing

# KEYS[1]: the rate limit's hash. ARGV: interval (µs; 0 = unlimited), burst, max pause (µs), ignore the pause
# (1/0), time to live (ms). Returns {1, slot at, now, w_max, throttled_at} or {0, pause left, now, …}.
RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local s = redis.call('HMGET', KEYS[1], 'next_at', 'paused_until', 'w_max', 'throttled_at')
local next_at = tonumber(s[1]) or 0
local paused = tonumber(s[2]) or 0
if ARGV[4] == '1' then paused = 0 end
local interval = tonumber(ARGV[1])
if paused - now > tonumber(ARGV[3]) then
  return {0, paused - now, now, s[3] or '', s[4] or ''}
end
local earliest = math.max(now, paused)
local due = earliest
if interval > 0 then due = math.max(next_at, earliest) end
local at = math.max(earliest, due - (tonumber(ARGV[2]) - 1) * interval)
redis.call('HSET', KEYS[1], 'next_at', string.format('%d', due + interval))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {1, at, now, s[3] or '', s[4] or ''}
"""

# KEYS[1]: the rate limit's hash. ARGV: pause (µs), the rate that was throttled (calls/s), time to live (ms).
# A throttle while a pause runs is the same episode: it may lengthen the pause but lowers the rate only once.
THROTTLE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused_until')) or 0
local until_at = math.max(paused, now + tonumber(ARGV[1]))
redis.call('HSET', KEYS[1], 'paused_until', string.format('%d', until_at))
if now >= paused then
  redis.call('HSET', KEYS[1], 'w_max', ARGV[2], 'throttled_at', string.format('%d', now))
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return now
"""

TTL_MS = 3_600_000  # an idle rate limit forgets its state after an hour (the pace and an old ban are long over)
MICROS = 1_000_000


class RedisBackend:
    """`tbapi._ratelimit.limiter.Backend` on a Redis hash named `key`."""

    def __init__(self, url: str, key: str) -> None:
        self._redis = RedisConnection(url)
        self._key = key
        self._cubic = pacing.Cubic()
        self._offset = 0.0  # the Redis clock minus time.monotonic(), from the last answer

    # reserve ------------------------------------------------------------------------------------------

    def _reserve_args(self, ceiling: float, burst: int, max_pause: float, ignore_pause: bool) -> list[Any]:
        rate = pacing.allowed_rate(self._cubic, time.monotonic() + self._offset, ceiling)
        interval = 0 if math.isinf(rate) else round(MICROS / rate)
        return [interval, burst, _micros(max_pause), int(ignore_pause), TTL_MS]

    def _slot(self, answer: list[Any], interval_us: int) -> pacing.Slot:
        ok, at, now, w_max, throttled_at = answer
        self._offset = int(now) / MICROS - time.monotonic()
        if throttled_at:
            self._cubic = pacing.Cubic(w_max=float(w_max), throttled_at=int(throttled_at) / MICROS)
        if not int(ok):
            raise pacing.PauseTooLong(int(at) / MICROS)
        return pacing.Slot(at=int(at) / MICROS, wait=(int(at) - int(now)) / MICROS, interval=interval_us / MICROS)

    def reserve(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot:
        with self._redis.errors("reserving a rate-limit slot"):
            args = self._reserve_args(ceiling, burst, max_pause, ignore_pause)
            answer = self._redis.script(RESERVE)(keys=[self._key], args=args)
        return self._slot(answer, args[0])

    async def reserve_async(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot:
        with self._redis.errors("reserving a rate-limit slot"):
            args = self._reserve_args(ceiling, burst, max_pause, ignore_pause)
            answer = await self._redis.async_script(RESERVE)(keys=[self._key], args=args)
        return self._slot(answer, args[0])

    # a slot overtaken by a pause ----------------------------------------------------------------------

    def still_valid(self, slot: pacing.Slot) -> bool:
        with self._redis.errors("checking the rate-limit pause"):
            paused = self._redis.sync_client().hget(self._key, "paused_until")
        return _valid(paused, slot)

    async def still_valid_async(self, slot: pacing.Slot) -> bool:
        with self._redis.errors("checking the rate-limit pause"):
            paused = await self._redis.async_client().hget(self._key, "paused_until")
        return _valid(paused, slot)

    # feedback -----------------------------------------------------------------------------------------

    def _throttle_args(self, ceiling: float, pause: float) -> list[Any]:
        rate = pacing.allowed_rate(self._cubic, time.monotonic() + self._offset, ceiling)
        return [_micros(pause), repr(rate), TTL_MS + _micros(pause) // 1000]

    def throttled(self, ceiling: float, pause: float) -> None:
        with self._redis.errors("pausing the rate limit"):
            script = self._redis.script(THROTTLE)
            script(keys=[self._key], args=self._throttle_args(ceiling, pause))

    async def throttled_async(self, ceiling: float, pause: float) -> None:
        with self._redis.errors("pausing the rate limit"):
            script = self._redis.async_script(THROTTLE)
            await script(keys=[self._key], args=self._throttle_args(ceiling, pause))

    def answered(self) -> None:
        """Nothing to count: a shared rate limit always has a configured rate to restart from."""

    def __repr__(self) -> str:
        return f"{self._redis!r}, key={self._key!r}"


def _micros(seconds: float) -> int:
    return round(seconds * MICROS)


def _valid(paused: Any, slot: pacing.Slot) -> bool:
    return paused is None or int(paused) / MICROS <= slot.at
