"""A call made under a fault plan, timed: what it returned or raised, and the measured half of its report row.

A test writes the half of its RELIABILITY.md row that is design (the fault, what is expected) and how it reads
what came out (`observed`); `Trial.row` is the rest: the call's name, the attempts the fault server counted, the
seconds it took. `await trial(name, plan, work)` runs `work()` on a client of either flavour (what it returns is
settled: awaited when awaitable); `tried(…)` runs a sync test's `work()` as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.reliability.conftest import Stopwatch
from tests.reliability.fault_server import Plan
from tests.reliability.one_call import settled


@dataclass(frozen=True)
class Trial:
    """`error`: what the call raised (any `Exception`), to be asserted on; `result`: what it returned."""

    call: str
    plan: Plan | None  # None: a call that sends nothing (no attempts to count)
    returned: Any
    error: Exception | None
    elapsed: float
    route: str | None = None  # the route whose attempts count; None: every request under the plan

    @property
    def result(self) -> Any:
        """What the call returned; when it raised, that is raised again here (so a test fails on the real error)."""
        if self.error is not None:
            raise self.error
        return self.returned

    @property
    def row(self) -> dict[str, Any]:
        """The measured fields of the report row."""
        attempts = {} if self.plan is None else {"attempts": self.plan.count(self.route)}
        return {"call": self.call, **attempts, "elapsed_s": round(self.elapsed, 3)}


async def trial(call: str, plan: Plan | None, work: Callable[[], Any], *, route: str | None = None) -> Trial:
    """`work()` settled and timed, as the call named `call` under `plan`."""
    with Stopwatch() as watch:
        try:
            returned, error = await settled(work()), None
        except Exception as exc:
            returned, error = None, exc
    return Trial(call, plan, returned, error, watch.elapsed, route)


def tried(call: str, plan: Plan | None, work: Callable[[], Any], *, route: str | None = None) -> Trial:
    """`trial(…)` for a sync test: `work()` runs as it is, outside any event loop (it may start one of its own)."""
    with Stopwatch() as watch:
        try:
            returned, error = work(), None
        except Exception as exc:
            returned, error = None, exc
    return Trial(call, plan, returned, error, watch.elapsed, route)
