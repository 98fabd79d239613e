"""Client-side rate limits: `RateLimiter`, the rate limit behind every client, and the effects flows yield.

Every client has a rate limit. With `rate_limit=` it paces its calls evenly under that rate; without one it
only pauses: a rate-limit answer (a TOP ban, an HTTP 429) pauses **every** call on the rate limit until the
ban ends, instead of letting each call in flight discover the ban alone, and from then on the rate adapts
(`tbapi._ratelimit.pacing`). The rate limit's state lives in this process (`LocalBackend`) or, with `redis_url`, in
Redis (`tbapi._ratelimit.redis_backend`), where every process and machine on the same key shares it.

The retry loop (`tbapi._engine.retry.retrying`) runs `acquire` before each attempt and yields `Throttled` after a
rate-limit answer, so both APIs, both drivers and every call get the same behaviour.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Protocol

import attrs

from .._engine.flow import EffectOn, Flow, Sleep, SleepFunction
from .._exceptions import RateLimitError, ValidationError
from .._support.validation import int_in_range
from . import pacing


class Backend(Protocol):
    """Where a rate limit's state lives. The async methods are the same operations for the async driver."""

    def reserve(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot: ...

    async def reserve_async(
        self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool
    ) -> pacing.Slot: ...

    def still_valid(self, slot: pacing.Slot) -> bool: ...

    async def still_valid_async(self, slot: pacing.Slot) -> bool: ...

    def throttled(self, ceiling: float, pause: float) -> None: ...

    async def throttled_async(self, ceiling: float, pause: float) -> None: ...

    def answered(self) -> None: ...


class LocalBackend:
    """A rate limit's state in this process, shared by the threads and tasks of every client given it."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()  # held for microseconds, never across a wait: safe in an event loop
        self._pace = pacing.Pace()
        self._cubic = pacing.Cubic()
        self._meter = pacing.AnswerMeter()
        self._hold = pacing.COLD_HOLD  # for the first slot (see `COLD_HOLD`), then 1

    def reserve(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot:
        with self._lock:
            now = self._clock()
            pace = pacing.Pace(self._pace.next_at) if ignore_pause else self._pace
            interval = pacing.interval_of(pacing.allowed_rate(self._cubic, now, ceiling))
            slot, pace = pacing.reserve(pace, now, interval, burst, max_pause, hold=self._hold)
            self._pace, self._hold = pacing.Pace(pace.next_at, self._pace.paused_until), 1
            return slot

    async def reserve_async(self, ceiling: float, burst: int, max_pause: float, *, ignore_pause: bool) -> pacing.Slot:
        return self.reserve(ceiling, burst, max_pause, ignore_pause=ignore_pause)

    def reserve_unpaced(self, max_pause: float) -> bool:
        """For a rate limit without a ceiling: take the slot `reserve` would give at once, when there is nothing to
        pace — never throttled (no adapted rate) and not paused — and say so; else take nothing (False).

        The state after it is `reserve`'s with an interval of 0 (the pace at now, the cold hold spent); the pause
        is compared as `reserve` compares it (a `max_pause` below 0 is `reserve`'s to refuse)."""
        with self._lock:
            now = self._clock()
            pace = self._pace
            if self._cubic.throttled_at is not None or pace.paused_until - now > min(0.0, max_pause):
                return False
            self._pace, self._hold = pacing.Pace(now, pace.paused_until), 1
            return True

    def still_valid(self, slot: pacing.Slot) -> bool:
        return self._pace.paused_until <= slot.at

    async def still_valid_async(self, slot: pacing.Slot) -> bool:
        return self.still_valid(slot)

    def throttled(self, ceiling: float, pause: float) -> None:
        with self._lock:
            now = self._clock()
            self._pace, new_episode = pacing.paused(self._pace, now, pause)
            if new_episode:
                rate = pacing.allowed_rate(self._cubic, now, ceiling)
                self._cubic = self._cubic.throttled(now, self._meter.rate(now) if math.isinf(rate) else rate)

    async def throttled_async(self, ceiling: float, pause: float) -> None:
        self.throttled(ceiling, pause)

    def answered(self) -> None:
        with self._lock:
            self._meter.record(self._clock())


class RateLimit:
    """The calls of one or more clients that share a limit (see the module docstring)."""

    def __init__(self, *, ceiling: float, burst: int, backend: Backend) -> None:
        self._ceiling, self._burst, self._backend = ceiling, burst, backend
        self._interval = 0.0  # of the last slot given: what `pacing_rate` reports
        # Without a ceiling and in this process, a slot is mostly nothing to wait for: `take_unpaced` takes it in place.
        self._unpaced = backend if isinstance(backend, LocalBackend) and math.isinf(ceiling) else None

    @classmethod
    def unlimited(cls) -> RateLimit:
        """The rate limit of a client without `rate_limit=`: no pacing until a rate-limit answer comes."""
        return cls(ceiling=math.inf, burst=1, backend=LocalBackend())

    @property
    def blocking(self) -> bool:
        """False when the state lives in this process (microseconds under a lock, no I/O): its effects run in
        place; True for a shared rate limit, whose every step is a Redis round trip."""
        return not isinstance(self._backend, LocalBackend)

    @property
    def pacing_rate(self) -> float | None:
        """Calls per second the last slot was given under (lowered after a ban); None while unlimited.

        The telemetry's "how close to the quota" gauge: read from the last slot, so it costs no round trip."""
        interval = self._interval
        return 1.0 / interval if interval > 0 else None

    @property
    def name(self) -> str:
        """What a metric calls this rate limit: "local" (in this process), or the Redis key of a shared one."""
        return "local"

    @property
    def limit(self) -> float | None:
        """The configured calls per second (None: a client without `rate_limit=`, paced only after a ban)."""
        return None

    # What the effects call -----------------------------------------------------------------------------

    def reserve(self, max_pause: float, *, ignore_pause: bool = False) -> pacing.Slot:
        try:
            slot = self._backend.reserve(self._ceiling, self._burst, max_pause, ignore_pause=ignore_pause)
        except pacing.PauseTooLong as long:
            raise _too_long(long) from None
        self._interval = slot.interval
        return slot

    def take_unpaced(self, max_pause: float, *, ignore_pause: bool = False) -> bool:
        """Take this call's slot in place when the rate limit has nothing to pace (no `rate_limit=`, never
        throttled, not paused: the slot is now, with no wait); False: nothing taken, `acquire` takes the slot
        (always for a call that has just waited out a pause: `ignore_pause`, which only follows a ban).

        What every call of a client without `rate_limit=` does until a rate-limit answer comes: `acquire`'s
        effects and their records would cost more than the bookkeeping itself."""
        if self._unpaced is None or ignore_pause or not self._unpaced.reserve_unpaced(max_pause):
            return False
        self._interval = 0.0
        return True

    async def reserve_async(self, max_pause: float, *, ignore_pause: bool = False) -> pacing.Slot:
        try:
            slot = await self._backend.reserve_async(self._ceiling, self._burst, max_pause, ignore_pause=ignore_pause)
        except pacing.PauseTooLong as long:
            raise _too_long(long) from None
        self._interval = slot.interval
        return slot

    def still_valid(self, slot: pacing.Slot) -> bool:
        return self._backend.still_valid(slot)

    async def still_valid_async(self, slot: pacing.Slot) -> bool:
        return await self._backend.still_valid_async(slot)

    def throttled(self, pause: float) -> None:
        self._backend.throttled(self._ceiling, pause)

    async def throttled_async(self, pause: float) -> None:
        await self._backend.throttled_async(self._ceiling, pause)

    def answered(self) -> None:
        self._backend.answered()


def _too_long(long: pacing.PauseTooLong) -> RateLimitError:
    return RateLimitError(
        f"every call on this rate limit is paused for {long.remaining:.0f} more seconds after a ban, "
        "longer than max_retry_after",
        retry_after=long.remaining,
    )


class RateLimiter(RateLimit):
    """A rate limit of `rate` calls per second, for one client or shared by several.

        tbapi.TopClient(…, rate_limit=40)                        # a limiter of its own
        limiter = tbapi.RateLimiter(40)                          # one rate limit for several clients of this process
        limiter = tbapi.RateLimiter(40, redis_url="redis://redis.internal:6379/0", key="top:12345678")  # a fleet

    Calls wait for their slot (the async clients without blocking the event loop) and are paced evenly,
    5 % under `rate`: the TOP gateway's window is strict. `burst` lets that many calls go at once after an
    idle time (default 1: no bursts). A rate-limit answer pauses every call on the rate limit until the ban
    ends and lowers the rate, which then climbs back towards `rate`.

    With `redis_url` and `key` the rate limit and its pauses are shared by every process and machine using the
    same key (`pip install 'tbapi-sdk[redis]'`); the clock is the Redis server's. If Redis cannot be reached a
    call fails with `APIConnectionError` naming Redis: never silently unlimited.

    One rate-limit answer pauses the rate limit for at most `MAX_PAUSE_S` (5 minutes), whatever wait it names.
    In Redis the rate limit is the hash `tbapi:ratelimit:<key>`: a token store given the same key keeps its
    record elsewhere. A key holding something else, or a rate limit no tbapi wrote, is a `ValidationError`
    naming Redis and the key when a call takes its slot.

    Args:
        rate: Calls per second the rate limit allows (paced 5 % under it), from 1/600 to 100 000.
        burst: How many calls may go at once after an idle time (default 1: none), at most 1000.
        redis_url: A `redis://`, `rediss://` or `unix://` URL: the rate limit lives there, shared by every process
            and machine using the same `key`.
        key: The name of the shared rate limit in Redis (e.g. `top:<app key>`); goes with `redis_url`.

    Raises:
        tbapi.ValidationError: a rate outside [1/600, 100 000] calls per second, a burst that is not a whole
            number from 1 to 1000, `redis_url` without `key` (or `key` without `redis_url`), or `redis_url`
            without the `redis` extra installed.
    """

    def __init__(
        self, rate: float, *, burst: int | None = None, redis_url: str | None = None, key: str | None = None
    ) -> None:
        if not _is_rate(rate):
            raise ValidationError("rate", f"must be {RATE_RANGE} calls per second, got {rate!r}")
        if burst is not None:
            int_in_range("burst", burst, 1, pacing.MAX_BURST, text=False)
        if (redis_url is None) != (key is None):
            missing = "key" if key is None else "redis_url"
            raise ValidationError(missing, "redis_url and key go together: the key names the shared rate limit")
        self.rate, self.burst, self.key = float(rate), burst or 1, key
        backend: Backend = LocalBackend()
        if redis_url is not None and key is not None:
            from .redis_backend import RedisBackend

            backend = RedisBackend(redis_url, key)
        self._where = "local" if redis_url is None else repr(backend)
        super().__init__(ceiling=pacing.pacing_rate(self.rate), burst=self.burst, backend=backend)

    @property
    def name(self) -> str:
        return "local" if self.key is None else self.key

    @property
    def limit(self) -> float:
        return self.rate

    def __repr__(self) -> str:
        shared = "" if self.key is None else f", {self._where}"
        return f"RateLimiter({self.rate:g}, burst={self.burst}{shared})"


RATE_RANGE = f"a number from 1/{1 / pacing.MIN_RATE_LIMIT:.0f} to {pacing.MAX_RATE_LIMIT:,.0f}".replace(",", " ")


def _is_rate(value: object) -> bool:
    """A number of calls per second that pacing can keep (`MIN_RATE_LIMIT`…`MAX_RATE_LIMIT`; a bool is not one)."""
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and pacing.MIN_RATE_LIMIT <= value <= pacing.MAX_RATE_LIMIT
    )


def rate_limit_for(rate_limit: float | RateLimit | None, param: str = "rate_limit") -> RateLimit:
    """The rate limit of a client: its own for a number, the given one for a `RateLimiter`, else unlimited."""
    if rate_limit is None:
        return RateLimit.unlimited()
    if isinstance(rate_limit, RateLimit):
        return rate_limit
    if not _is_rate(rate_limit):
        raise ValidationError(param, f"must be {RATE_RANGE} calls per second or a RateLimiter, got {rate_limit!r}")
    return RateLimiter(rate_limit)


# --- the flow and its effects -------------------------------------------------------------------------


def acquire(
    rate_limit: RateLimit, max_pause: float, sleep: SleepFunction | None = None, *, ignore_pause: bool = False
) -> Flow[float]:
    """Wait for this call's slot on `rate_limit` (the waits are `Sleep` effects, cut short like any other); the
    seconds waited.

    A slot overtaken by a pause that began meanwhile is taken again, and so is (once) a slot the caller woke
    up too late for (`tbapi._ratelimit.pacing.too_late`). `sleep` is the client's `sleep=` option. `ignore_pause`:
    the caller has just waited out the pause it reported itself (see `retrying`).
    """
    given_up_late = False
    waited = 0.0
    while True:
        ticket: Ticket = yield Reserve(rate_limit, max_pause, ignore_pause)
        if ticket.slot.wait <= 0:
            return waited
        yield Sleep(ticket.slot.wait, sleep)
        waited += ticket.slot.wait
        verdict = yield Confirm(rate_limit, ticket, late_allowed=given_up_late)
        if verdict == "go":
            return waited
        ignore_pause, given_up_late = False, given_up_late or verdict == "late"


@attrs.frozen
class Ticket:
    """A slot, and when it falls due on this process's monotonic clock."""

    slot: pacing.Slot
    due: float


@attrs.frozen
class Reserve(EffectOn[RateLimit]):
    """Take the next slot on the rate limit (`subject`)."""

    max_pause: float
    ignore_pause: bool

    def run_sync(self) -> Ticket:
        slot = self.subject.reserve(self.max_pause, ignore_pause=self.ignore_pause)
        return Ticket(slot, time.monotonic() + slot.wait)

    async def run_async(self) -> Ticket:
        slot = await self.subject.reserve_async(self.max_pause, ignore_pause=self.ignore_pause)
        return Ticket(slot, time.monotonic() + slot.wait)


@attrs.frozen
class Confirm(EffectOn[RateLimit]):
    """After the wait for a slot: "go", "paused" (a pause began meanwhile) or "late" (woken too late for it)."""

    ticket: Ticket
    late_allowed: bool

    def _verdict(self, valid: bool) -> str:
        if not valid:
            return "paused"
        late = pacing.too_late(self.ticket.slot, time.monotonic() - self.ticket.due)
        return "late" if late and not self.late_allowed else "go"

    def run_sync(self) -> str:
        return self._verdict(self.subject.still_valid(self.ticket.slot))

    async def run_async(self) -> str:
        return self._verdict(await self.subject.still_valid_async(self.ticket.slot))


@attrs.frozen
class Throttled(EffectOn[RateLimit]):
    """Tell the rate limit (`subject`) a rate-limit answer came (HTTP 429, a TOP ban): pause every call on it for
    `pause` seconds, lower its rate."""

    pause: float

    def run_sync(self) -> None:
        self.subject.throttled(self.pause)

    async def run_async(self) -> None:
        await self.subject.throttled_async(self.pause)
