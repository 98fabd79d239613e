"""The pure pieces of rate limiting (`tbapi._ratelimit.pacing`): tables of (state, now, input) → answer."""

from __future__ import annotations

import math

import pytest

from tbapi import APIConnectionError, RateLimitError, ServerError, TbapiError
from tbapi._ratelimit.limiter import LocalBackend, RateLimit, RateLimiter
from tbapi._ratelimit.pacing import (
    BETA,
    COLD_HOLD,
    MAX_AHEAD_S,
    MAX_PAUSE_S,
    MIN_RATE,
    AnswerMeter,
    Cubic,
    Pace,
    PauseTooLong,
    Slot,
    allowed_rate,
    interval_of,
    pacing_rate,
    paused,
    reserve,
    throttle_pause,
    too_late,
)

# --- reserve: even pacing, bursts, pauses -------------------------------------------------------------


@pytest.mark.parametrize(
    ("pace", "now", "interval", "burst", "slot", "next_at"),
    [
        # idle: the call goes now, the next one interval later
        (Pace(), 10.0, 0.1, 1, Slot(10.0, 0.0), 10.1),
        # busy: the call waits for its turn
        (Pace(next_at=10.3), 10.0, 0.1, 1, Slot(10.3, 0.3), 10.4),
        # a burst of 3 after idle: the next_at behind now gives no credit beyond the burst
        (Pace(next_at=2.0), 10.0, 0.1, 3, Slot(10.0, 0.0), 10.1),
        (Pace(next_at=10.1), 10.0, 0.1, 3, Slot(10.0, 0.0), 10.2),
        (Pace(next_at=10.2), 10.0, 0.1, 3, Slot(10.0, 0.0), 10.3),
        (Pace(next_at=10.3), 10.0, 0.1, 3, Slot(10.1, 0.1), 10.4),
        # a pause holds the call until it ends, then pacing goes on from there
        (Pace(next_at=10.1, paused_until=11.0), 10.0, 0.1, 1, Slot(11.0, 1.0), 11.1),
        # unlimited: only the pause counts
        (Pace(next_at=50.0), 10.0, 0.0, 1, Slot(10.0, 0.0), 10.0),
        (Pace(paused_until=10.5), 10.0, 0.0, 1, Slot(10.5, 0.5), 10.5),
    ],
)
def test_reserve_gives_each_call_its_slot(
    pace: Pace, now: float, interval: float, burst: int, slot: Slot, next_at: float
) -> None:
    got, after = reserve(pace, now, interval, burst, max_pause=60.0)
    assert (got.at, got.wait, after.next_at) == pytest.approx((slot.at, slot.wait, next_at))


def test_reserve_keeps_the_pause() -> None:
    _, after = reserve(Pace(paused_until=11.0), 10.0, 0.1, 1, max_pause=60.0)
    assert after.paused_until == 11.0


def test_reserve_refuses_a_pause_longer_than_the_caller_waits() -> None:
    with pytest.raises(PauseTooLong) as raised:
        reserve(Pace(paused_until=100.0), 10.0, 0.1, 1, max_pause=60.0)
    assert raised.value.remaining == 90.0


def test_reserve_spaces_a_run_of_calls_evenly() -> None:
    pace, slots = Pace(), []
    for _ in range(5):
        slot, pace = reserve(pace, 0.0, 0.25, 1, max_pause=60.0)
        slots.append(slot.at)
    assert slots == [0.0, 0.25, 0.5, 0.75, 1.0]


# --- paused: one episode per ban ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pace", "now", "seconds", "paused_until", "new_episode"),
    [
        (Pace(), 10.0, 1.0, 11.0, True),  # the first ban answer
        (Pace(paused_until=11.0), 10.2, 1.0, 11.2, False),  # a call that was in flight: same episode, longer
        (Pace(paused_until=11.0), 10.2, 0.5, 11.0, False),  # a shorter wait never shortens the pause
        (Pace(paused_until=11.0), 11.0, 1.0, 12.0, True),  # after the pause: a new episode
    ],
)
def test_paused_tells_a_new_episode_from_the_calls_in_flight(
    pace: Pace, now: float, seconds: float, paused_until: float, new_episode: bool
) -> None:
    after, new = paused(pace, now, seconds)
    assert (after.paused_until, new) == (paused_until, new_episode)


# --- Cubic: down on a throttle, back up over time --------------------------------------------------------


def test_cubic_is_unlimited_until_a_throttle() -> None:
    assert Cubic().rate(123.0) == math.inf


@pytest.mark.parametrize(
    ("seconds_after", "rate"),
    [
        (0.0, BETA * 100),  # right after the throttle
        (4.217, 100.0),  # K = cbrt(100 * 0.3 / 0.4) ≈ 4.217 s: back at w_max
        (2.0, 100 - 0.4 * 2.217**3),  # concave: fast at first, slow near w_max
        (6.217, 100 + 0.4 * 2**3),  # convex beyond: probing for more
    ],
)
def test_cubic_climbs_back_towards_the_throttled_rate(seconds_after: float, rate: float) -> None:
    cubic = Cubic().throttled(now=50.0, rate=100.0)
    assert cubic.rate(50.0 + seconds_after) == pytest.approx(rate, abs=0.01)


def test_cubic_never_goes_below_the_minimum_rate() -> None:
    assert Cubic().throttled(now=0.0, rate=0.1).rate(0.0) == MIN_RATE


def test_allowed_rate_never_exceeds_the_ceiling() -> None:
    assert allowed_rate(Cubic().throttled(now=0.0, rate=100.0), 60.0, ceiling=95.0) == 95.0


def test_allowed_rate_is_the_ceiling_before_any_throttle() -> None:
    assert allowed_rate(Cubic(), 0.0, ceiling=95.0) == 95.0


@pytest.mark.parametrize(("rate", "interval"), [(100.0, 0.01), (0.5, 2.0), (math.inf, 0.0)])
def test_interval_of_a_rate(rate: float, interval: float) -> None:
    assert interval_of(rate) == interval


def test_pacing_keeps_a_margin_under_the_configured_rate() -> None:
    assert pacing_rate(100.0) == pytest.approx(95.0)


# --- AnswerMeter: the rate the service let through ---------------------------------------------------------


def test_answer_meter_counts_the_last_second() -> None:
    meter = AnswerMeter()
    for at in (0.1, 0.5, 0.9, 1.2):
        meter.record(at)
    assert meter.rate(1.4) == 3.0  # 0.1 left the window at 1.1


def test_answer_meter_forgets_everything_after_a_quiet_second() -> None:
    meter = AnswerMeter()
    meter.record(0.0)
    assert meter.rate(5.0) == 0.0


# --- throttle_pause: which answers pause the rate limit, and for how long ------------------------------------------


@pytest.mark.parametrize(
    ("error", "pause"),
    [
        (RateLimitError("ban", retry_after=3.0), 3.0),  # TOP: This ban will last for 3 more seconds
        (RateLimitError("429 with Retry-After", retry_after=0.5), 0.5),
        (RateLimitError("429 without Retry-After"), 1.0),  # the default pause
        (RateLimitError("daily quota", quota_exhausted=True), None),  # fails fast, pauses nothing
        (ServerError("503"), None),
        (APIConnectionError("reset"), None),
    ],
)
def test_throttle_pause_of_each_answer(error: TbapiError, pause: float | None) -> None:
    assert throttle_pause(error) == pause


# --- bounds: no state or answer makes a rate limit wait without end ------------------------------------------


@pytest.mark.parametrize(
    ("pace", "slot_at"),
    [
        (Pace(paused_until=10.0 + MAX_PAUSE_S + 1), 10.0),  # a pause no answer could set: forgotten
        (Pace(next_at=10.0 + MAX_AHEAD_S + 1), 10.0),  # a pace no run of calls could reach: forgotten
        (Pace(paused_until=10.0 + MAX_PAUSE_S), 10.0 + MAX_PAUSE_S),  # the longest pause a ban sets: kept
    ],
)
def test_reserve_forgets_a_state_no_rules_wrote(pace: Pace, slot_at: float) -> None:
    slot, _ = reserve(pace, 10.0, 0.1, 1, max_pause=math.inf)
    assert slot.at == slot_at


@pytest.mark.parametrize(
    ("seconds", "pause"), [(1.0, 1.0), (1e9, MAX_PAUSE_S), (math.inf, MAX_PAUSE_S), (math.nan, 0.0), (-5.0, 0.0)]
)
def test_a_pause_is_bounded_by_the_ceiling(seconds: float, pause: float) -> None:
    after, _ = paused(Pace(), 10.0, seconds)
    assert after.paused_until == 10.0 + pause


def test_a_throttling_answer_naming_an_endless_wait_pauses_for_the_ceiling() -> None:
    assert throttle_pause(RateLimitError("banned", retry_after=math.inf)) == MAX_PAUSE_S


def test_a_processs_first_slot_holds_the_next_one_too() -> None:
    first, pace = reserve(Pace(), 0.0, 0.25, 1, max_pause=60.0, hold=COLD_HOLD)
    second, _ = reserve(pace, 0.0, 0.25, 1, max_pause=60.0)
    assert (first.at, second.at) == (0.0, 0.5)


@pytest.mark.parametrize("throttled_at", [-1e200, 1e200, 0.0])
def test_the_cubic_rate_never_overflows_whatever_the_stored_throttle_time(throttled_at: float) -> None:
    rate = Cubic(w_max=10.0, throttled_at=throttled_at).rate(100.0)
    assert MIN_RATE <= rate < math.inf


@pytest.mark.parametrize(
    ("interval", "lateness", "late"),
    [
        (0.01, 0.015, False),  # within two intervals of a fast pace
        (0.01, 0.025, True),  # beyond them
        (1.0, 0.04, False),  # a slow pace: a few hundredths of a second still fit in every second's spare time
        (1.0, 0.2, True),  # but not two tenths: the next call, on time, would share a second with it
        (0.0, 5.0, False),  # unlimited: no slot to be late for
    ],
)
def test_a_call_woken_too_late_for_its_slot_takes_a_new_one(interval: float, lateness: float, late: bool) -> None:
    assert too_late(Slot(at=0.0, wait=0.0, interval=interval), lateness) is late


# --- the unpaced slot taken in place: `reserve`'s answer, or nothing taken ---------------------------------


def _backend_at(now: list[float], *, paused_until: float = 0.0, throttled_at: float | None = None) -> LocalBackend:
    backend = LocalBackend(clock=lambda: now[0])
    backend._pace = Pace(next_at=3.0, paused_until=paused_until)
    if throttled_at is not None:
        backend._cubic = Cubic(w_max=10.0, throttled_at=throttled_at)
    return backend


def _state(backend: LocalBackend) -> tuple[Pace, Cubic, int]:
    return backend._pace, backend._cubic, backend._hold


@pytest.mark.parametrize(
    ("paused_until", "throttled_at", "max_pause", "taken"),
    [
        (0.0, None, 60.0, True),  # never paused nor throttled: the common case
        (9.0, None, 60.0, True),  # a pause that has ended
        (10.0, None, 60.0, True),  # ... at this very instant
        (10.5, None, 60.0, False),  # a pause still running: waited for through `acquire`
        (0.0, 5.0, 60.0, False),  # throttled once: the rate adapts, paced through `acquire`
        (9.8, None, -0.5, False),  # a negative max_pause: `reserve` decides (here it refuses: PauseTooLong)
        (9.0, None, -0.5, True),
    ],
)
def test_an_unpaced_slot_is_taken_as_reserve_takes_it_or_not_at_all(
    paused_until: float, throttled_at: float | None, max_pause: float, taken: bool
) -> None:
    now = [10.0]
    fast, slow = (_backend_at(now, paused_until=paused_until, throttled_at=throttled_at) for _ in range(2))
    before = _state(fast)
    assert fast.reserve_unpaced(max_pause) is taken
    if not taken:
        assert _state(fast) == before
        return
    slot = slow.reserve(math.inf, 1, max_pause, ignore_pause=False)
    assert (slot.wait, slot.interval) == (0.0, 0.0)
    assert _state(fast) == _state(slow)


def test_only_a_local_rate_limit_without_a_ceiling_takes_its_slot_in_place() -> None:
    unlimited, paced = RateLimit.unlimited(), RateLimiter(10)
    assert unlimited.take_unpaced(60.0)
    assert not unlimited.take_unpaced(60.0, ignore_pause=True)  # after a ban: through `acquire`
    assert not paced.take_unpaced(60.0)
    unlimited.throttled(1.0)
    assert not unlimited.take_unpaced(60.0)
