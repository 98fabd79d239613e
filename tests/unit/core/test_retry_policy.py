"""The retry policy is a pure function: a table of cases documents what tbapi retries."""

from __future__ import annotations

import pytest

from tbapi import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    InvalidRequestError,
    RateLimitError,
    ServerError,
    TbapiError,
)
from tbapi._engine.retry import RetryPolicy

POLICY = RetryPolicy(max_retries=2, initial_delay=0.5, max_delay=8.0, jitter=0.25, max_retry_after=60.0)


def no_jitter() -> float:
    return 0.0


@pytest.mark.parametrize(
    ("error", "idempotent", "expected"),
    [
        (APIConnectionError("reset"), True, 0.5),
        (APIConnectionError("reset"), False, None),
        (APIConnectionError("refused", request_sent=False), False, 0.5),
        (APITimeoutError("read timeout"), True, 0.5),
        (APITimeoutError("read timeout"), False, None),
        (APITimeoutError("connect timeout", request_sent=False), False, 0.5),
        (ServerError("503"), True, 0.5),
        (ServerError("503"), False, None),
        (RateLimitError("429", retry_after=3.0), True, 3.0),
        (RateLimitError("ban", retry_after=3.0), False, 3.0),
        (RateLimitError("429"), True, 0.5),
        (RateLimitError("daily quota", quota_exhausted=True), True, None),
        (RateLimitError("long ban", retry_after=600.0), True, None),
        (AuthenticationError("bad token"), True, None),
        (InvalidRequestError("bad param"), True, None),
    ],
)
def test_delay_before_first_retry(error: TbapiError, idempotent: bool, expected: float | None) -> None:
    assert POLICY.delay_before_retry(error, 0, idempotent=idempotent, rand=no_jitter) == expected


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [POLICY.backoff(n, no_jitter) for n in range(7)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_jitter_only_shortens_the_delay_by_at_most_its_fraction() -> None:
    assert POLICY.backoff(1, lambda: 1.0) == pytest.approx(0.75)
    assert POLICY.backoff(1, lambda: 0.0) == pytest.approx(1.0)


def test_no_retry_once_max_retries_are_spent() -> None:
    assert POLICY.delay_before_retry(ServerError("x"), 2, idempotent=True) is None


def test_zero_max_retries_disables_retrying() -> None:
    policy = RetryPolicy(max_retries=0)
    assert policy.delay_before_retry(ServerError("x"), 0, idempotent=True) is None
