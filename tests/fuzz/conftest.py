"""The fuzz suites record their case counts and outcomes like the reliability suite (for RELIABILITY.md)."""

from __future__ import annotations

from collections.abc import Generator

import pytest

from tests.reliability import outcomes


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    outcomes.record_report(item, report)
    return report


def pytest_sessionfinish() -> None:
    outcomes.sessionfinish()


@pytest.fixture
def outcome(request: pytest.FixtureRequest) -> outcomes.Record:
    return outcomes.make_recorder(request.node)
