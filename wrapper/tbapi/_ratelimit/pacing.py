"""The pure pieces of client-side rate limiting: even pacing, pauses, and a rate that adapts to bans.

Nothing here does I/O or reads a clock: every function takes `now` (seconds on the rate limit's clock) and
returns new state, so each piece is tested with a table of cases. `tbapi._ratelimit.limiter` keeps the state
(in memory, or in Redis for a fleet) and turns the answers into waits.

- `reserve`: the slot of the next call — even pacing (GCRA: one call every `interval` seconds, `burst` at
  once after idle) that never gives a slot before a pause ends.
- `Cubic`: the adapted rate. A rate-limit answer sets `w_max` to the rate that was too much and drops the
  rate to `BETA * w_max`; the rate then climbs back along a cubic curve, slowly near `w_max`, faster beyond
  it (the congestion control of TCP CUBIC, as botocore's adaptive retry mode uses it).
- `throttle_pause`: which answers are rate-limit answers (a TOP ban, an HTTP 429) and how long the rate limit pauses.
"""

from __future__ import annotations

import collections
import math

import attrs

from .._exceptions import RateLimitError, TbapiError

# Pace this fraction under the configured rate: the gateway's window is strict, and the network adds jitter.
PACING_MARGIN = 0.05
BETA = 0.7  # the rate kept after a rate-limit answer (botocore's value)
SCALE = 0.4  # how fast the cubic climbs back (botocore's value)
MIN_RATE = 0.5  # calls/s: never adapt below this
# A call woken more than this many intervals after its slot (a busy CPU, a stalled event loop) takes a new
# slot instead: sent late, it would land in the next window on top of that window's own calls.
LATE_SLOTS = 2
# ... and never more than this late, whatever the interval: paced 5 % under the rate, every second holds this
# much spare time, so one call this late still leaves no second with more calls than the rate (at a low rate,
# two intervals late would put it within a second of the next call).
MAX_LATE_S = 1 / (1 - PACING_MARGIN) - 1
DEFAULT_PAUSE = 1.0  # seconds, for a rate-limit answer that does not say how long (an HTTP 429 without Retry-After)
# The longest one rate-limit answer pauses a rate limit, whatever wait it names: a gateway, proxy or bug asking
# for hours (or forever) must not stop a fleet for that long. When the pause ends one call meets the ban again
# if it still runs, and pauses the rate limit once more.
MAX_PAUSE_S = 300.0
# A pace more than this ahead of now, or a pause longer than `MAX_PAUSE_S`, was not written by these rules
# (a corrupted or foreign state): it is forgotten rather than waited for.
MAX_AHEAD_S = 86_400.0
CUBIC_SPAN_S = 10_000.0  # the cubic's time from its midpoint is taken within ± this (its rate is long past any ceiling)
METER_WINDOW = 1.0  # seconds over which answers are counted to measure the rate that was allowed
# The rates a limiter paces (calls/s): below, one interval outlasts what a shared rate limit remembers (an hour);
# above, the interval is too short for the microsecond clock the shared rate limit keeps.
MIN_RATE_LIMIT = 1 / 600
MAX_RATE_LIMIT = 100_000.0
MAX_BURST = 1_000
# The first slot a process takes on a rate limit holds the next one too: that call often leaves late (a new
# connection, a cold process), and a late call followed by calls on time would be one call too many in
# some second. N processes starting together on one rate limit then stay within its rate.
COLD_HOLD = 2


def pacing_rate(rate: float) -> float:
    """The rate a limiter of `rate` calls/s actually paces at."""
    return rate * (1 - PACING_MARGIN)


@attrs.frozen
class Pace:
    """The state of even pacing: the theoretical arrival time of the next call, and the end of any pause."""

    next_at: float = 0.0
    paused_until: float = 0.0


@attrs.frozen
class Slot:
    """When a call may be sent (`at`, on the rate limit's clock), how long to wait for it from `now`, and the
    pacing interval it was given under (0: unlimited)."""

    at: float
    wait: float
    interval: float = 0.0


def too_late(slot: Slot, lateness: float) -> bool:
    """Whether a call that woke `lateness` seconds after its slot should take a new one (see `LATE_SLOTS` and
    `MAX_LATE_S`)."""
    return slot.interval > 0 and lateness > min(LATE_SLOTS * slot.interval, MAX_LATE_S)


class PauseTooLong(Exception):
    """A pause outlasts what the caller is willing to wait; `remaining` seconds are left of it."""

    def __init__(self, remaining: float) -> None:
        super().__init__(f"paused for {remaining:.1f} more seconds")
        self.remaining = remaining


def reserve(
    pace: Pace, now: float, interval: float, burst: int, max_pause: float, *, hold: int = 1
) -> tuple[Slot, Pace]:
    """The slot of one call and the state after it.

    `interval` is 1/rate (0: unlimited, only pauses apply). Up to `burst` calls may share the earliest slot
    after an idle time. The call holds `hold` intervals (`COLD_HOLD` for a process's first). Raises
    `PauseTooLong` when the rate limit is paused for longer than `max_pause`. A state no rules wrote (a pace or
    pause beyond `MAX_AHEAD_S` / `MAX_PAUSE_S`) is forgotten.
    """
    pace = sane(pace, now)
    remaining = pace.paused_until - now
    if remaining > max_pause:
        raise PauseTooLong(remaining)
    earliest = max(now, pace.paused_until)
    due = earliest if interval == 0 else max(pace.next_at, earliest)
    at = max(earliest, due - (burst - 1) * interval)
    return Slot(at=at, wait=at - now, interval=interval), Pace(due + hold * interval, pace.paused_until)


def sane(pace: Pace, now: float) -> Pace:
    """`pace` without what no rules write: a pause longer than `MAX_PAUSE_S`, a pace beyond `MAX_AHEAD_S`."""
    if pace.paused_until - now > MAX_PAUSE_S:
        pace = attrs.evolve(pace, paused_until=0.0)
    if pace.next_at - now > MAX_AHEAD_S:
        pace = attrs.evolve(pace, next_at=0.0)
    return pace


def paused(pace: Pace, now: float, seconds: float) -> tuple[Pace, bool]:
    """The state after a rate-limit answer at `now` asking for a pause of `seconds`.

    The flag is True for a new episode. Answers that arrive while a pause runs are the same episode (the
    calls that were already in flight when the first one came back): they may lengthen the pause, but the
    rate is lowered once per episode, not once per answer.
    """
    pace = sane(pace, now)
    new_episode = now >= pace.paused_until
    until = max(pace.paused_until, now + bounded_pause(seconds))
    return attrs.evolve(pace, paused_until=until), new_episode


def bounded_pause(seconds: float) -> float:
    """A pause as a rate limit takes it: at most `MAX_PAUSE_S`, never negative (NaN: none)."""
    return min(MAX_PAUSE_S, seconds) if seconds > 0 else 0.0


@attrs.frozen
class Cubic:
    """The adapted rate: `w_max` is the rate that was throttled at `throttled_at` (None: never throttled)."""

    w_max: float = math.inf
    throttled_at: float | None = None

    def rate(self, now: float) -> float:
        """The rate allowed at `now`: `BETA * w_max` right after the throttle, `w_max` again after K seconds."""
        if self.throttled_at is None:
            return math.inf
        k: float = (self.w_max * (1 - BETA) / SCALE) ** (1 / 3)
        # Bounded, so that a throttle far in the past or future (another host's clock) cannot overflow the cube.
        t = min(max(now - self.throttled_at - k, -CUBIC_SPAN_S), CUBIC_SPAN_S)
        return max(MIN_RATE, SCALE * t**3 + self.w_max)

    def throttled(self, now: float, rate: float) -> Cubic:
        """After a rate-limit answer at `now` while sending at `rate` calls/s."""
        return Cubic(w_max=max(MIN_RATE, rate), throttled_at=now)


def allowed_rate(cubic: Cubic, now: float, ceiling: float) -> float:
    """The rate to pace at: the adapted rate, never above `ceiling` (the configured rate less the margin)."""
    return min(cubic.rate(now), ceiling)


def interval_of(rate: float) -> float:
    return 0.0 if math.isinf(rate) else 1.0 / rate


class AnswerMeter:
    """Counts answers over the last `METER_WINDOW` seconds: the rate the service let through.

    Without a configured rate, this is the rate a throttled rate limit restarts from (`Cubic.throttled`).
    """

    def __init__(self, window: float = METER_WINDOW) -> None:
        self._window = window
        self._times: collections.deque[float] = collections.deque()

    def record(self, now: float) -> None:
        self._times.append(now)
        self._forget(now)

    def rate(self, now: float) -> float:
        self._forget(now)
        return len(self._times) / self._window

    def _forget(self, now: float) -> None:
        while self._times and self._times[0] <= now - self._window:
            self._times.popleft()


def throttle_pause(error: TbapiError, fallback: float = DEFAULT_PAUSE) -> float | None:
    """Seconds every call on the rate limit should pause after `error`, or None when it is no rate-limit answer.

    A TOP per-API ban or an HTTP 429 pauses for the wait it names (`This ban will last for N more seconds`,
    `Retry-After`), else `fallback`, and never longer than `MAX_PAUSE_S`. The daily quota is no rate-limit
    answer: waiting seconds does not end it, so it fails fast and leaves the rate limit alone.
    """
    if not isinstance(error, RateLimitError) or error.quota_exhausted:
        return None
    return bounded_pause(error.retry_after if error.retry_after is not None else fallback)
