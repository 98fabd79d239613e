"""3,000 concurrent calls on one async client: each completes or fails with a typed error, in bounded time.

The burst is far beyond the connection pool. The server is a loopback fault server in a process of its own
(`answer_server.py`: not the shared one with its request budget, and not in this interpreter), every answer is
the spec's search page, and the client has a short timeout: the test proves that no call hangs, not how fast
they go (that is `make bench`).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import tbapi
from tests.reliability.conftest import Stopwatch, async_shanjing_client
from tests.reliability.outcomes import Record

pytestmark = pytest.mark.timeout(90)

BURST = 3000
TIMEOUT = 5.0  # seconds: each wait of each call (connect, pool, read)
BOUND = 45.0  # seconds for the whole burst; a hang is stopped here by `wait_for`, not by pytest-timeout
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The answer server's URL and process (stopped by closing its stdin, killed by its pid if need be)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.answer_server", "searchItems"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip(), process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def _served(process: subprocess.Popen[str]) -> int:
    """Stop the server; the number of requests it answered."""
    out, _ = process.communicate(input="", timeout=30)
    return int(out.split()[-1])


async def test_a_burst_of_3000_searches_on_one_async_client_ends_with_a_result_or_a_typed_error_each(
    server: tuple[str, subprocess.Popen[str]], outcome: Record
) -> None:
    url, process = server
    # No retries: each would only add its own bounded wait; what matters is that no call waits unbounded.
    async with async_shanjing_client(url, timeout=TIMEOUT, max_retries=0) as client:
        with Stopwatch() as watch:
            calls = [client.items.search("T恤") for _ in range(BURST)]
            results = await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), BOUND)
    served = _served(process)
    kinds = Counter(type(r).__name__ for r in results)
    outcome(
        area="burst",
        fault=f"{BURST} concurrent items.search, pool of 100, timeout {TIMEOUT} s, max_retries 0",
        api="Shanjing",
        call="items.search (async)",
        cases=BURST,
        expected="each call a page or a TbapiError, all within the bound",
        observed=dict(kinds),
        attempts=served,
        elapsed_s=round(watch.elapsed, 3),
        bound_s=BOUND,
    )
    untyped = [r for r in results if isinstance(r, BaseException) and not isinstance(r, tbapi.TbapiError)]
    assert untyped == []
    assert len(results) == BURST
    assert watch.elapsed < BOUND
