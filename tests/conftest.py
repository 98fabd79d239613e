"""Shared fixtures. Tests under tests/e2e and tests/contract run against the real mock servers
(Prism for both specs + the TOP gateway front), started once per session on free ports."""

from __future__ import annotations

import gc
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock.servers import MockUrls, running_mocks
from tests.waits import WAITS

pytest_plugins = ("tests.loopback",)  # the loopback API server and proxy fixtures

TESTS = Path(__file__).resolve().parent
MOCK_DIRS = {"e2e", "contract"}

# Test credentials the TOP gateway front accepts by default (mock/top_gateway.py).
TOP_APP_KEY = "12345678"
TOP_APP_SECRET = "helloworld"
SHANJING_TOKEN = "test-access-token-0001"


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C raises KeyboardInterrupt here, and in the processes tests start, as in a user's terminal.

    A shell starts a background job (`make test &`, some CI runners) with SIGINT ignored, and Python then
    leaves it ignored: the Ctrl-C tests (in-process and the CLI's) would see nothing to interrupt.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


# Under `pytest -n N --dist loadgroup` (`make test`), the tests of one group run in one worker process:
# - "outcomes": the reliability and fuzz suites write their rows (and a row for the whole suite) into
#   `.tbapi-run/` at the end of their worker, and the check that the mock writes nothing into the checkout
#   must not see that write of another worker;
# - "wheel": the wheel, its venv and the mypy run over the user scripts are made once (session fixtures).
GROUPS = {
    "reliability": "outcomes",
    "fuzz": "outcomes",
    "testing_helpers/test_mock_logs.py": "outcomes",
    "installed_wheel": "wheel",
}


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists once the tests are collected (modules, test items, their parameters) lives until the end:
    frozen, every later garbage collection skips it. The explicit and the automatic full collections during
    the run then walk only what the tests made, not the whole session: without, each took up to a second on a
    busy machine, enough to spend a 0.4 s attempt's deadline before its connect (tests/reliability)."""
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = item.path.relative_to(TESTS)
        # What needs Prism (Node) is marked, so that `make unit` runs without it.
        if path.parts[0] in MOCK_DIRS or "mock_urls" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.mock)
        group = GROUPS.get(path.parts[0]) or GROUPS.get(path.as_posix())
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def mock_urls() -> Iterator[MockUrls]:
    """Base URLs of the running mocks, started once for the whole session and always stopped."""
    with running_mocks() as urls:
        yield urls


@pytest.fixture
def no_sleep() -> list[float]:
    """The retry waits recorded by `record_wait` during this test (the clients' public `sleep=` option)."""
    WAITS.clear()
    return WAITS
