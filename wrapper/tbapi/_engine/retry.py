"""The one retry engine of tbapi, shared by both APIs and by the sync and async clients.

`RetryPolicy.delay_before_retry` is a pure function of (error, retries done, idempotency): it says
how long to wait before the next attempt, or None to give up. `retrying` wraps any flow with it.

Hooks of the one loop (each is a flow, so it may itself send requests or wait):
- `recover(error)`: runs after a failed attempt, before the policy decides. It returns `Recovered(value)`
  to end the call with `value`, or whether sending again is now safe (True: treat the call as
  idempotent for this error). `orders.create` uses it to query before re-sending (shanjing/resources/order_recovery.py).
The rate limit lives in the loop too: before each attempt it waits for a slot on the policy's `rate_limit`
(`_ratelimit.acquire`), and a rate-limit answer (a TOP ban, an HTTP 429) pauses that whole rate limit
(`Throttled`), so the other calls on it wait instead of meeting the ban as well; the call that met it
sleeps the wait the answer named and then goes on without waiting for that pause a second time. A resend
within one attempt (the replay after a token refresh, the resend after a clock correction) takes no slot.
The wait between attempts is the `Sleep` effect with the policy's `sleep` (the clients' `sleep=` option).
Every call of both APIs passes this loop once: with the policy's `telemetry` (a client that reports) the call
is a `CallTrace` (`tbapi._telemetry.calls`) — its span, the waits, pauses and retries as they happen — current
while the call runs, so the checked transport reports each request under it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Generic

import attrs

from .._exceptions import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    ServerError,
    TbapiError,
)
from .._logs import current_attempt, logger
from .._ratelimit.limiter import RateLimit, Throttled, acquire
from .._ratelimit.pacing import throttle_pause
from .._telemetry.calls import CallTrace, Telemetry
from .flow import Flow, Sleep, SleepFunction, T


@attrs.frozen
class RetryPolicy:
    """How tbapi retries: exponential backoff with jitter, capped, honouring server wait hints.

    max_retries: retries after the first attempt (0 disables retrying).
    initial_delay / max_delay: the backoff starts at `initial_delay` seconds and doubles up to `max_delay`.
    jitter: the fraction of each backoff delay that is randomised (spreads out thundering herds).
    max_retry_after: a server-requested wait (Retry-After, TOP "ban will last N seconds") longer than
        this is not slept: the `RateLimitError` is raised with its `retry_after` for the caller to plan.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0
    sleep: SleepFunction | None = attrs.field(default=None, eq=False, repr=False)
    # The rate limit every attempt takes its slot from and reports rate-limit answers to.
    rate_limit: RateLimit | None = attrs.field(default=None, eq=False, repr=False)
    # Where the calls it runs are reported (None: nowhere).
    telemetry: Telemetry | None = attrs.field(default=None, eq=False, repr=False)

    def backoff(self, retries_done: int, rand: Callable[[], float] = random.random) -> float:
        base = min(self.max_delay, self.initial_delay * 2.0**retries_done)
        return base * (1 - self.jitter * rand())

    def delay_before_retry(
        self,
        error: TbapiError,
        retries_done: int,
        *,
        idempotent: bool,
        rand: Callable[[], float] = random.random,
    ) -> float | None:
        """Seconds to wait before retrying after `error`, or None when it must not be retried."""
        if retries_done >= self.max_retries or not is_retryable(error, idempotent=idempotent):
            return None
        retry_after: float | None = getattr(error, "retry_after", None)
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(retries_done, rand)


def is_retryable(error: TbapiError, *, idempotent: bool) -> bool:
    """What may be sent again: a rate limit short of the daily quota, a request that never left, and for an
    idempotent call a timeout, a dropped connection or a server fault."""
    if isinstance(error, RateLimitError):
        return not error.quota_exhausted
    if isinstance(error, APITimeoutError | APIConnectionError):
        # A request that never left cannot have had an effect: safe even for a non-idempotent call.
        return idempotent or not error.request_sent
    if isinstance(error, ServerError):
        return idempotent
    return False


@attrs.frozen
class Recovered(Generic[T]):
    """What a `recover` hook returns to end the call with `value` instead of raising or retrying."""

    value: T


Recover = Callable[[TbapiError], Flow["Recovered[T] | bool"]]


def retrying(
    attempt: Callable[[], Flow[T]],
    policy: RetryPolicy,
    *,
    idempotent: bool,
    what: str,
    recover: Recover[T] | None = None,
) -> Flow[T]:
    """Run `attempt()` until it succeeds or the policy gives up; each attempt is a fresh flow.

    `recover` (see the module docstring) is consulted after each failed attempt. `what` names the call (in
    log lines, and as the operation its telemetry reports).
    """
    call = None if policy.telemetry is None else policy.telemetry.call(what)
    if call is None:  # a client that reports nothing, or nothing yet (no hook, no OpenTelemetry SDK set)
        return (yield from _retried(attempt, policy, idempotent, what, recover, None))
    try:
        with call.current():
            result = yield from _retried(attempt, policy, idempotent, what, recover, call)
    except BaseException as error:  # a failure, or the call stopped early (Cancelled, GeneratorExit)
        call.ended(error)
        raise
    call.ended(None)
    return result


def _retried(
    attempt: Callable[[], Flow[T]],
    policy: RetryPolicy,
    idempotent: bool,
    what: str,
    recover: Recover[T] | None,
    call: CallTrace | None,
) -> Flow[T]:
    retries_done = 0
    waited_pause = False
    rate_limit = policy.rate_limit
    while True:
        outer = current_attempt.get()  # restored after, so a nested call (a token refresh) keeps the count
        current_attempt.set(retries_done + 1)
        try:
            if rate_limit is not None:
                if rate_limit.take_unpaced(policy.max_retry_after, ignore_pause=waited_pause):
                    waited = 0.0
                else:
                    waited = yield from acquire(
                        rate_limit, policy.max_retry_after, policy.sleep, ignore_pause=waited_pause
                    )
                if call is not None:
                    call.waited(waited)
            result = yield from attempt()
        except TbapiError as error:
            pause = throttle_pause(error) if rate_limit is not None else None
            if rate_limit is not None and pause is not None:
                if call is not None:
                    call.paused(pause, error)
                yield Throttled(rate_limit, pause)
            safe = idempotent
            if recover is not None:
                outcome = yield from recover(error)
                if isinstance(outcome, Recovered):
                    return outcome.value
                safe = outcome
            delay = policy.delay_before_retry(error, retries_done, idempotent=safe)
            if delay is None:
                raise
            waited_pause = pause is not None and delay >= pause
            retries_done += 1
            if call is not None:
                call.retrying(error, delay)
            logger.info(
                "%s failed (%s: %s); retry %d of %d in %.2fs",
                what,
                type(error).__name__,
                error.message,
                retries_done,
                policy.max_retries,
                delay,
            )
        else:
            if rate_limit is not None:
                rate_limit.answered()
            return result
        finally:
            current_attempt.set(outer)
        yield Sleep(delay, policy.sleep)
