"""Shared fixtures. Tests under tests/e2e and tests/contract run against the real mock servers
(Prism for both specs + the TOP gateway front), started once per session on free ports."""

from __future__ import annotations

import gc
import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


# Under `pytest -n N` (`make test`), the tests of one group run in one worker process, a module being a group
# of its own unless named here (its module-scoped fixtures are made once):
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


def group_of(nodeid: str) -> str:
    """The group of the test `nodeid` ("tests/<folder>/<module>.py::<test>")."""
    module = nodeid.split("::", 1)[0]
    inside = module.removeprefix("tests/")
    return GROUPS.get(inside.split("/", 1)[0]) or GROUPS.get(inside) or module


def distinct_ids(nodeids: list[str]) -> list[str]:
    """`nodeids`, in order, each one repeated numbered from its second time ("<id>#2")."""
    seen: Counter[str] = Counter()
    distinct = []
    for nodeid in nodeids:
        seen[nodeid] += 1
        distinct.append(nodeid if seen[nodeid] == 1 else f"{nodeid}#{seen[nodeid]}")
    return distinct


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """xdist's scheduling by module (`--dist loadscope`, the most tests first), by `group_of` instead.

    Not `--dist loadgroup` with `xdist_group` marks: it tells the groups by a suffix it sets on each item's
    node id, which pytest 9.2's items no longer read, so every test was scheduled alone. Schemathesis and the
    gateway fuzz give several tests one node id: scheduling by scope keys the tests by node id, so these get
    a "#2", "#3" … of the scheduler's own, or all but the first of them would not run.
    """
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]  # xdist ships no types

    class GroupScheduling(LoadScopeScheduling):  # type: ignore[misc]
        def add_node_collection(self, node: Any, collection: list[str]) -> None:
            super().add_node_collection(node, distinct_ids(collection))

        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return GroupScheduling(config, log)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists once the tests are collected (modules, test items, their parameters) lives until the end:
    frozen, every later garbage collection skips it, and walks only what the tests made. Without, the full
    collections (the telemetry tests' own, and the automatic ones) took 0.5-2 s each on a busy machine."""
    gc.freeze()


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
