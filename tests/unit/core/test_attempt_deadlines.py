"""The async attempts' deadlines (`tbapi._http.deadline.AttemptDeadlines`): every attempt of a transport on one
shared timer, with `asyncio.timeout_at`'s rules — the exchange ends at its own deadline with `httpx.ReadTimeout`,
whatever the deadlines of the others; a cancellation from elsewhere stays a cancellation; the transport's own
`TimeoutError` is not taken for the deadline. Time bounds here only prove that nothing hangs."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from tbapi._http.deadline import TIMED_OUT, AttemptDeadlines

pytestmark = pytest.mark.timeout(20)


async def _hang(deadlines: AttemptDeadlines, deadline: float, ended: list[str], name: str) -> None:
    """An exchange that never answers, under `deadline`; `ended` gets `name` when its timeout comes out."""
    try:
        async with deadlines.within(deadline):
            await asyncio.Event().wait()
    except httpx.ReadTimeout:
        ended.append(name)
        raise


async def test_a_silent_exchange_ends_at_its_deadline_with_a_read_timeout() -> None:
    deadline = time.monotonic() + 0.05
    with pytest.raises(httpx.ReadTimeout, match=TIMED_OUT):
        await asyncio.wait_for(_hang(AttemptDeadlines(), deadline, [], "a"), 10)
    assert time.monotonic() >= deadline  # not before it


async def test_each_attempt_ends_at_its_own_deadline_in_the_order_of_the_deadlines() -> None:
    deadlines, ended = AttemptDeadlines(), list[str]()
    now = time.monotonic()
    # Started latest-deadline first: the shared timer is armed again for each earlier one.
    given = {"late": now + 0.15, "middle": now + 0.10, "early": now + 0.05}
    tasks = [asyncio.ensure_future(_hang(deadlines, when, ended, name)) for name, when in given.items()]
    outcomes = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 10)
    assert all(isinstance(outcome, httpx.ReadTimeout) for outcome in outcomes)
    assert ended == ["early", "middle", "late"]


async def test_an_attempt_that_answers_in_time_is_not_touched_by_another_ones_deadline() -> None:
    deadlines, ended = AttemptDeadlines(), list[str]()
    answered = asyncio.Event()

    async def answering() -> str:
        async with deadlines.within(time.monotonic() + 5):
            await answered.wait()
            return "answer"

    quick = asyncio.ensure_future(answering())
    with pytest.raises(httpx.ReadTimeout):
        await asyncio.wait_for(_hang(deadlines, time.monotonic() + 0.05, ended, "short"), 10)
    answered.set()
    assert await asyncio.wait_for(quick, 10) == "answer"
    assert ended == ["short"]


async def test_attempts_that_leave_early_do_not_pile_up() -> None:
    deadlines = AttemptDeadlines()
    for _ in range(1000):
        async with deadlines.within(time.monotonic() + 30):
            await asyncio.sleep(0)
    assert len(deadlines._heap) <= 200  # swept as it goes, not 1,000 entries kept for 30 s
    ended: list[str] = []
    with pytest.raises(httpx.ReadTimeout):  # and the shared timer still keeps a new deadline
        await asyncio.wait_for(_hang(deadlines, time.monotonic() + 0.05, ended, "after"), 10)
    assert ended == ["after"]


async def test_a_deadline_already_past_ends_the_exchange_at_its_first_wait() -> None:
    with pytest.raises(httpx.ReadTimeout):
        await asyncio.wait_for(_hang(AttemptDeadlines(), time.monotonic() - 1, [], "late"), 10)


async def test_a_cancellation_from_elsewhere_stays_a_cancellation() -> None:
    deadlines, ended = AttemptDeadlines(), list[str]()
    task = asyncio.ensure_future(_hang(deadlines, time.monotonic() + 30, ended, "cancelled"))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 10)
    assert ended == []


async def test_a_cancellation_from_elsewhere_beside_the_deadline_is_not_swallowed() -> None:
    """The deadline and a caller's cancel before the task runs again: the cancellation wins (as with
    `asyncio.timeout_at`), the task ends cancelled, not with a timeout it could catch and carry on after."""
    deadlines, ended = AttemptDeadlines(), list[str]()
    deadline = time.monotonic() + 0.05
    task = asyncio.ensure_future(_hang(deadlines, deadline, ended, "both"))
    await asyncio.sleep(0)  # the task is in its block, waiting
    # The loop itself is held past the deadline (a blocking sleep on purpose): its timer and the cancel below
    # are then both due before the attempt's task runs again.
    time.sleep(max(0.0, deadline - time.monotonic()) + 0.01)  # noqa: ASYNC251
    await asyncio.sleep(0)  # this turn of the loop runs the deadline's timer after this task ...
    task.cancel()  # ... and this cancel lands before the attempt's task runs again
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 10)
    assert ended == []


async def test_the_transports_own_timeout_error_leaves_the_block_as_it_is() -> None:
    """aiohttp's timeouts are `TimeoutError`s: the transport's to report, not the deadline's."""

    async def timing_out() -> None:
        async with AttemptDeadlines().within(time.monotonic() + 30):
            await asyncio.sleep(0)
            raise TimeoutError("the socket's own read timeout")

    with pytest.raises(TimeoutError) as raised:
        await timing_out()
    assert not isinstance(raised.value, httpx.ReadTimeout)
    assert str(raised.value) == "the socket's own read timeout"


async def test_no_read_timeout_means_no_deadline() -> None:
    async with AttemptDeadlines().within(None):
        await asyncio.sleep(0.01)
