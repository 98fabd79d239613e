"""A rate limit in Redis: one pace, one pause and one adapted rate for every process on a key.

Two Lua scripts make each step atomic on the Redis server, with the server's clock (`TIME`), so machines
with different clocks agree. They mirror `tbapi._ratelimit.pacing.reserve` and `.paused` (same rules, in
microseconds, the same bounds on pauses and on how far ahead a pace may be); the adapted rate (`Cubic`) is
computed here from the state the last script returned. A field that is not a number was not written by
these scripts: they refuse it (`CORRUPT`), and the call fails with a `ValidationError` naming Redis and the key.

The rate limit of `key` is the hash `tbapi:ratelimit:<key>` (`redis_key`). The async driver runs the same
blocking calls in a worker thread (`RedisConnection.run_async`), on the one bounded pool of the process.

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

from .._support.redis import CORRUPT, RedisConnection, redis_key
from . import pacing

# Reads the numeric fields of KEYS[1] (nil when absent); a field that is no number is refused.
_FIELDS = f"""
local function field(value, name)
  if not value then return nil end
  local n = tonumber(value)
  if n == nil or n ~= n or n == math.huge or n == -math.huge then
    return redis.error_reply('{CORRUPT} ' .. name)
  end
  return n
end
"""

# KEYS[1]: the rate limit's hash. ARGV: interval (µs; 0 = unlimited), burst, max pause (µs), ignore the pause
# (1/0), time to live (ms), intervals this call holds, longest pause (µs), furthest pace ahead (µs).
# Returns {1, slot at, now, w_max, throttled_at} or {0, pause left, now, …}.
RESERVE = (
    _FIELDS
    + """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local s = redis.call('HMGET', KEYS[1], 'next_at', 'paused_until', 'w_max', 'throttled_at')
local next_at = field(s[1], 'next_at')
if type(next_at) == 'table' then return next_at end
local paused = field(s[2], 'paused_until')
if type(paused) == 'table' then return paused end
for i = 3, 4 do
  local checked = field(s[i], i == 3 and 'w_max' or 'throttled_at')
  if type(checked) == 'table' then return checked end
end
next_at = next_at or 0
paused = paused or 0
if paused - now > tonumber(ARGV[7]) then paused = 0 end
if next_at - now > tonumber(ARGV[8]) then next_at = 0 end
if ARGV[4] == '1' then paused = 0 end
local interval = tonumber(ARGV[1])
if paused - now > tonumber(ARGV[3]) then
  return {0, paused - now, now, s[3] or '', s[4] or ''}
end
local earliest = math.max(now, paused)
local due = earliest
if interval > 0 then due = math.max(next_at, earliest) end
local at = math.max(earliest, due - (tonumber(ARGV[2]) - 1) * interval)
redis.call('HSET', KEYS[1], 'next_at', string.format('%d', due + tonumber(ARGV[6]) * interval))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {1, at, now, s[3] or '', s[4] or ''}
"""
)

# KEYS[1]: the rate limit's hash. ARGV: pause (µs), the rate that was throttled (calls/s), time to live (ms),
# longest pause (µs). A throttle while a pause runs is the same episode: it may lengthen the pause but lowers
# the rate only once.
THROTTLE = (
    _FIELDS
    + """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = field(redis.call('HGET', KEYS[1], 'paused_until'), 'paused_until')
if type(paused) == 'table' then return paused end
paused = paused or 0
if paused - now > tonumber(ARGV[4]) then paused = 0 end
local until_at = math.max(paused, now + math.min(tonumber(ARGV[1]), tonumber(ARGV[4])))
redis.call('HSET', KEYS[1], 'paused_until', string.format('%d', until_at))
if now >= paused then
  redis.call('HSET', KEYS[1], 'w_max', ARGV[2], 'throttled_at', string.format('%d', now))
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return now
"""
)

TTL_MS = 3_600_000  # an idle rate limit forgets its state after an hour (the pace and an old ban are long over)
MICROS = 1_000_000
PURPOSE = "ratelimit"


class RedisBackend:
    """`tbapi._ratelimit.limiter.Backend` on the Redis hash of `key` (`tbapi:ratelimit:<key>`)."""

    def __init__(self, url: str, key: str) -> None:
        self._redis = RedisConnection(url)
        self.key = key
        self._key = redis_key(PURPOSE, key)
        self._cubic = pacing.Cubic()
        self._offset = 0.0  # the Redis clock minus time.monotonic(), from the last answer
        self._hold = pacing.COLD_HOLD  # for this process's first slot (see `COLD_HOLD`), then 1

    def _errors(self, what: str) -> Any:
        return self._redis.errors(what, key=self._key, param="rate_limit")

    # reserve ------------------------------------------------------------------------------------------

    def _reserve_args(self, ceiling: float, burst: int, max_pause: float, ignore_pause: bool) -> list[Any]:
        rate = pacing.allowed_rate(self._cubic, time.monotonic() + self._offset, ceiling)
        interval = 0 if math.isinf(rate) else round(MICROS / rate)
        hold, self._hold = self._hold, 1
        max_pause = min(max_pause, pacing.MAX_PAUSE_S + 1)  # no pause is longer: an infinite wait is this one
        ahead = _micros(pacing.MAX_AHEAD_S)
        return [
            interval,
            burst,
            _micros(max_pause),
            int(ignore_pause),
            TTL_MS,
            hold,
            _micros(pacing.MAX_PAUSE_S),
            ahead,
        ]

    def _slot(self, answer: list[Any], interval_us: int) -> pacing.Slot:
        ok, at, now, w_max, throttled_at = answer
        self._offset = int(now) / MICROS - time.monotonic()
        if throttled_at:
            self._cubic = self._adapted(w_max, throttled_at)
        if not int(ok):
            raise pacing.PauseTooLong(int(at) / MICROS)
        return pacing.Slot(at=int(at) / MICROS, wait=(int(at) - int(now)) / MICROS, interval=interval_us / MICROS)

    def _adapted(self, w_max: Any, throttled_at: Any) -> pacing.Cubic:
        """The adapted rate the rate limit's fields say (numbers: the script checked them), within sane bounds."""
        rate = float(w_max)
        if not rate > 0:
            raise self._redis.foreign(self._key, "rate_limit", "holds a record no tbapi wrote (its field 'w_max')")
        return pacing.Cubic(w_max=max(pacing.MIN_RATE, rate), throttled_at=float(throttled_at) / MICROS)

    def reserve(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot:
        with self._errors("reserving a rate-limit slot"):
            args = self._reserve_args(ceiling, burst, max_pause, ignore_pause)
            answer = self._redis.script(RESERVE)(keys=[self._key], args=args)
        return self._slot(answer, args[0])

    async def reserve_async(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot:
        return await self._redis.run_async(lambda: self.reserve(ceiling, burst, max_pause, ignore_pause=ignore_pause))

    # a slot overtaken by a pause ----------------------------------------------------------------------

    def still_valid(self, slot: pacing.Slot) -> bool:
        with self._errors("checking the rate-limit pause"):
            paused = self._redis.sync_client().hget(self._key, "paused_until")
        if paused is None:
            return True
        try:
            return float(paused) / MICROS <= slot.at
        except ValueError:
            raise self._redis.foreign(
                self._key, "rate_limit", "holds a record no tbapi wrote (its field 'paused_until')"
            ) from None

    async def still_valid_async(self, slot: pacing.Slot) -> bool:
        return await self._redis.run_async(lambda: self.still_valid(slot))

    # feedback -----------------------------------------------------------------------------------------

    def _throttle_args(self, ceiling: float, pause: float) -> list[Any]:
        rate = pacing.allowed_rate(self._cubic, time.monotonic() + self._offset, ceiling)
        pause = pacing.bounded_pause(pause)
        return [_micros(pause), repr(rate), TTL_MS + _micros(pause) // 1000, _micros(pacing.MAX_PAUSE_S)]

    def throttled(self, ceiling: float, pause: float) -> None:
        with self._errors("pausing the rate limit"):
            script = self._redis.script(THROTTLE)
            script(keys=[self._key], args=self._throttle_args(ceiling, pause))

    async def throttled_async(self, ceiling: float, pause: float) -> None:
        await self._redis.run_async(lambda: self.throttled(ceiling, pause))

    def answered(self) -> None:
        """Nothing to count: a shared rate limit always has a configured rate to restart from."""

    def __repr__(self) -> str:
        return f"{self._redis!r}, key={self.key!r}"


def _micros(seconds: float) -> int:
    return round(seconds * MICROS)
