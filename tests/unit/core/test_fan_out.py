"""`fan_out`'s decisions, driven by hand: what it starts when, what it emits, how it stops.

A scripted driver answers each `NextDone` with one of the started jobs (which one is the table's
`finishes` rule) and records the flow's steps as a trace: `start k`, `emit k`, `stop`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tbapi import InvalidRequestError, TbapiError
from tbapi._engine.fanout import NextDone, Start, StopAll, fan_out
from tbapi._engine.flow import Cancelled, Flow
from tbapi._engine.twins import Emit

Pick = Callable[[list[Any]], Any]  # which of the running jobs finishes next


def oldest(running: list[Any]) -> Any:
    return running[0]


def newest(running: list[Any]) -> Any:
    return running[-1]


def job(key: str) -> Flow[str]:
    """Never driven here: the scripted driver decides each job's outcome."""
    return key
    yield


def jobs(keys: str) -> list[tuple[str, Flow[str]]]:
    return [(k, job(k)) for k in keys]


def outcome(key: str) -> tuple[str, Any, BaseException | None]:
    """`x` fails with an API error, `!` with a bug, anything else succeeds with the key doubled."""
    if key.startswith("x"):
        return key, None, InvalidRequestError(f"no item {key}")
    if key.startswith("!"):
        return key, None, RuntimeError("a bug")
    return key, key * 2, None


def trace(flow: Any, finishes: Pick, *, cancel_after_emits: int | None = None) -> list[str]:
    steps: list[str] = []
    running: list[Any] = []
    answer: Any = None
    emits = 0
    throw: BaseException | None = None
    while True:
        try:
            step = flow.throw(throw) if throw is not None else flow.send(answer)
        except StopIteration:
            return steps
        throw, answer = None, None
        if isinstance(step, Start):
            steps.append(f"start {step.key}")
            running.append(step.key)
        elif isinstance(step, NextDone):
            key = finishes(running)
            running.remove(key)
            answer = outcome(key)
        elif isinstance(step, StopAll):
            steps.append("stop")
        elif isinstance(step, Emit):
            result = step.value
            steps.append(f"emit {result[0]}={result[1] if result[2] is None else type(result[2]).__name__}")
            emits += 1
            if emits == cancel_after_emits:
                throw = Cancelled()


def made(key: str, value: Any, error: TbapiError | None) -> tuple[str, Any, TbapiError | None]:
    return key, value, error


@pytest.mark.parametrize(
    ("keys", "limit", "finishes", "expected"),
    [
        ("", 3, oldest, ["stop"]),
        ("a", 3, oldest, ["start a", "emit a=aa", "stop"]),
        (
            "abc",
            2,
            oldest,
            ["start a", "start b", "start c", "emit a=aa", "emit b=bb", "emit c=cc", "stop"],
        ),
        (
            "abcd",
            2,
            newest,  # the newest finishes first: results come in completion order, not input order
            ["start a", "start b", "start c", "emit b=bb", "start d", "emit c=cc", "emit d=dd", "emit a=aa", "stop"],
        ),
        (
            "abc",
            1,
            oldest,
            ["start a", "start b", "emit a=aa", "start c", "emit b=bb", "emit c=cc", "stop"],
        ),
    ],
)
def test_at_most_limit_in_flight_and_each_finish_starts_the_next(
    keys: str, limit: int, finishes: Pick, expected: list[str]
) -> None:
    assert trace(fan_out(jobs(keys), limit, made), finishes) == expected


def test_every_job_is_started_and_emitted_exactly_once() -> None:
    keys = [f"k{n}" for n in range(50)]
    steps = trace(fan_out([(k, job(k)) for k in keys], 7, made), newest)
    started = sorted(s.split()[1] for s in steps if s.startswith("start"))
    emitted = sorted(s.split()[1].split("=")[0] for s in steps if s.startswith("emit"))
    assert (started, emitted) == (sorted(keys), sorted(keys))


def test_an_api_error_is_an_outcome_and_the_others_go_on() -> None:
    steps = trace(fan_out(jobs("ax") + jobs("b"), 2, made), oldest)
    assert steps == ["start a", "start x", "start b", "emit a=aa", "emit x=InvalidRequestError", "emit b=bb", "stop"]


def test_a_bug_in_a_job_stops_every_job_and_is_raised() -> None:
    flow = fan_out(jobs("!") + jobs("ab"), 2, made)
    with pytest.raises(RuntimeError, match="a bug"):
        trace(flow, oldest)


def test_a_bug_in_a_job_is_raised_only_after_stop_all() -> None:
    steps: list[str] = []
    flow = fan_out(jobs("!a"), 2, made)
    step = next(flow)
    while not isinstance(step, NextDone):
        step = flow.send(None)
    step = flow.send(outcome("!"))
    steps.append(type(step).__name__)
    with pytest.raises(RuntimeError):
        flow.send(None)
    assert steps == ["StopAll"]


def test_cancelled_stops_every_job_then_is_raised_again() -> None:
    flow = fan_out(jobs("abcd"), 2, made)
    with pytest.raises(Cancelled):
        trace(flow, oldest, cancel_after_emits=1)


def test_cancelled_yields_stop_all_before_it_propagates() -> None:
    flow = fan_out(jobs("abcd"), 2, made)
    step = next(flow)
    while not isinstance(step, Emit):
        step = flow.send(outcome("a") if isinstance(step, NextDone) else None)
    assert isinstance(flow.throw(Cancelled()), StopAll)
    with pytest.raises(Cancelled):
        flow.send(None)


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next(fan_out(jobs("a"), 0, made))
