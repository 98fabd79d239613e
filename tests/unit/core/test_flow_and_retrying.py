"""One flow, two drivers: the sync and async drivers make the same decisions."""

from __future__ import annotations

from typing import Any

import pytest

from tbapi import APIConnectionError, InvalidRequestError, ServerError
from tbapi._engine.flow import Flow, run_async, run_sync
from tbapi._engine.retry import RetryPolicy, retrying
from tests.waits import record_wait


class Scripted:
    """An effect that answers from a script: an exception is raised, anything else returned."""

    def __init__(self, script: list[Any]) -> None:
        self.script = script
        self.calls = 0

    def next(self) -> Any:
        outcome = self.script[self.calls]
        self.calls += 1
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    blocking = True  # awaited by the async driver, like a call

    def run_sync(self) -> Any:
        return self.next()

    async def run_async(self) -> Any:
        return self.next()


def attempt_with(effect: Scripted) -> Flow[Any]:
    return (yield effect)


POLICY = RetryPolicy(max_retries=2, initial_delay=0.01, jitter=0.0, sleep=record_wait)


def test_retrying_returns_the_first_success_after_retryable_failures(no_sleep: list[float]) -> None:
    effect = Scripted([ServerError("502"), ServerError("503"), "ok"])
    result = run_sync(retrying(lambda: attempt_with(effect), POLICY, idempotent=True, what="test"))
    assert (result, effect.calls, no_sleep) == ("ok", 3, [0.01, 0.02])


async def test_async_driver_makes_the_same_decisions(no_sleep: list[float]) -> None:
    effect = Scripted([ServerError("502"), ServerError("503"), "ok"])
    result = await run_async(retrying(lambda: attempt_with(effect), POLICY, idempotent=True, what="test"))
    assert (result, effect.calls, no_sleep) == ("ok", 3, [0.01, 0.02])


def test_retrying_raises_the_last_error_when_retries_are_spent(no_sleep: list[float]) -> None:
    effect = Scripted([ServerError("1"), ServerError("2"), ServerError("3")])
    with pytest.raises(ServerError, match="3"):
        run_sync(retrying(lambda: attempt_with(effect), POLICY, idempotent=True, what="test"))
    assert effect.calls == 3


def test_non_retryable_error_is_raised_at_once(no_sleep: list[float]) -> None:
    effect = Scripted([InvalidRequestError("bad"), "never"])
    with pytest.raises(InvalidRequestError):
        run_sync(retrying(lambda: attempt_with(effect), POLICY, idempotent=True, what="test"))
    assert (effect.calls, no_sleep) == (1, [])


def test_non_idempotent_call_is_not_replayed_after_a_dropped_connection(no_sleep: list[float]) -> None:
    effect = Scripted([APIConnectionError("reset"), "never"])
    with pytest.raises(APIConnectionError):
        run_sync(retrying(lambda: attempt_with(effect), POLICY, idempotent=False, what="test"))
    assert effect.calls == 1


def test_non_idempotent_call_is_resent_when_the_connection_never_opened(no_sleep: list[float]) -> None:
    effect = Scripted([APIConnectionError("refused", request_sent=False), "ok"])
    assert run_sync(retrying(lambda: attempt_with(effect), POLICY, idempotent=False, what="test")) == "ok"


def test_unexpected_exceptions_are_not_swallowed() -> None:
    effect = Scripted([KeyError("boom")])
    with pytest.raises(KeyError):
        run_sync(retrying(lambda: attempt_with(effect), POLICY, idempotent=True, what="test"))
