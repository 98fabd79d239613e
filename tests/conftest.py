"""Shared fixtures. Tests under tests/e2e and tests/contract run against the real mock servers
(Prism for both specs + the TOP gateway front), started once per session on free ports."""

from __future__ import annotations

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:  # what needs Prism (Node) is marked, so that `make unit` runs without it
        if item.path.relative_to(TESTS).parts[0] in MOCK_DIRS or "mock_urls" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.mock)


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
