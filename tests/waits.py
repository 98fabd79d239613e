"""The retry waits of the running test, recorded instead of slept.

Clients made with `sleep=record_wait` (the clients' public `sleep=` option; the default of the unit tests'
client helpers) record each wait in `WAITS`; the `no_sleep` fixture clears it and hands it to the test.
"""

from __future__ import annotations

WAITS: list[float] = []


def record_wait(seconds: float) -> None:
    WAITS.append(seconds)
