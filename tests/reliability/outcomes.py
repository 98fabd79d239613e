"""Records what the reliability and fuzz suites tried and what came out, for RELIABILITY.md.

A test calls the `outcome` fixture with what it tried (`area`, `fault`, `api`, `call`, `expected`) and
what it saw (`observed`, `cases`, `elapsed_s`, `bound_s`); a module whose rows share fields overrides the
fixture with them (`with_fields`), so each test names only its own. The hooks below add whether the test
passed and write everything to `.tbapi-run/reliability.json` at the end of the session, merged by test id with
what earlier runs wrote (so running one file refreshes its rows and keeps the others).
`tests/reliability/report.py` renders RELIABILITY.md from that file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

RUN_DIR = Path(__file__).resolve().parents[2] / ".tbapi-run"
RESULTS = RUN_DIR / "reliability.json"
PROPERTY = "tbapi_reliability"

Record = Callable[..., None]
_collected: dict[str, dict[str, Any]] = {}


def make_recorder(item: pytest.Item, *, replace: bool = False) -> Record:
    """`record(**fields)` adds a row for `item`; with `replace`, the row replaces the item's earlier row for the
    same `call` (for tests whose body runs once per Hypothesis case and records a running tally)."""

    def record(**fields: Any) -> None:
        if replace:
            item.user_properties[:] = [
                p for p in item.user_properties if p[0] != PROPERTY or _call(p[1]) != fields.get("call")
            ]
        item.user_properties.append((PROPERTY, fields))

    return record


def with_fields(record: Record, **shared: Any) -> Record:
    """`record` with the fields a module's rows share (its area, API, bound …) given once; a row's own win."""

    def record_row(**fields: Any) -> None:
        record(**{**shared, **fields})

    return record_row


def _call(fields: object) -> object:
    return fields.get("call") if isinstance(fields, dict) else None


def record_report(item: pytest.Item, report: pytest.TestReport) -> None:
    """Store the rows `item` recorded, with whether its call phase passed."""
    if report.when != "call":
        return
    rows: list[dict[str, Any]] = [fields for name, fields in item.user_properties if name == PROPERTY]  # type: ignore[misc]
    for fields in rows:
        # One pytest item can stand for several rows (parametrized by Schemathesis under one node id).
        key = " | ".join(str(x) for x in (item.nodeid, fields.get("api"), fields.get("call"), fields.get("fault")))
        _collected[key] = {
            **fields,
            "test": item.nodeid,
            "passed": report.passed,
            "duration_s": round(report.duration, 3),
            "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }


def record_session_row(name: str, fields: dict[str, Any], *, passed: bool) -> None:
    """A row that stands for a whole run rather than one test (written by a session fixture's teardown)."""
    _collected[f"session | {name}"] = {
        **fields,
        "test": name,
        "passed": passed,
        "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def sessionfinish() -> None:
    if not _collected:
        return
    RUN_DIR.mkdir(exist_ok=True)
    merged: dict[str, dict[str, Any]] = {}
    if RESULTS.exists():
        try:
            merged = json.loads(RESULTS.read_text("utf-8"))
        except ValueError:
            merged = {}
    merged.update(_collected)
    RESULTS.write_text(json.dumps(merged, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")


# The pytest side, shared by the conftests of tests/reliability and tests/fuzz (each imports these names).


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    record_report(item, report)
    return report


def pytest_sessionfinish() -> None:
    sessionfinish()


@pytest.fixture
def outcome(request: pytest.FixtureRequest) -> Record:
    """Records what this test tried and saw, for RELIABILITY.md."""
    return make_recorder(request.node)
