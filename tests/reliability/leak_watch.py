"""No secret in anything the reliability suite sees: every test runs watched.

For each test, at DEBUG for every logger: the captured log lines, and every `tbapi.TbapiError` that reached
the test's code — its whole traceback (`traceback.format_exception`, so its chained causes too) and the repr
of each of its attributes — are searched for the suite's secrets. (An error that a retry swallowed inside
tbapi never reaches a user; its message is in the retry's log line, which is searched.) A test that leaves one anywhere fails at teardown. The
total of texts searched is a row of RELIABILITY.md (`record_watch`).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tbapi
from tests.reliability.outcomes import record_session_row

_searched = {"texts": 0, "tests": 0, "leaky": 0}


def error_texts(error: BaseException) -> list[str]:
    """The traceback of `error` with its chain, and the repr of each of its attributes."""
    texts = ["".join(traceback.format_exception(error))]
    texts += [repr(value) for value in vars(error).values()]
    return texts


TESTS = str(Path(__file__).resolve().parents[1])


def reached_tests(error: BaseException) -> bool:
    """Did `error` propagate into a frame of the test suite (a test, a helper, `pytest.raises`)?"""
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(TESTS):
            return True
        tb = tb.tb_next
    return False


def watch(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, secrets: list[str]) -> Iterator[None]:
    """Run one test at DEBUG, collecting each `TbapiError` made; fail when a secret shows anywhere."""
    made: list[tbapi.TbapiError] = []
    original = tbapi.TbapiError.__init__

    def recording(self: tbapi.TbapiError, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(tbapi.TbapiError, "__init__", recording)
    caplog.set_level(logging.DEBUG)
    yield
    # At teardown `caplog.records` holds only the teardown's records: the setup's and the test's are asked for.
    records = [*caplog.get_records("setup"), *caplog.get_records("call"), *caplog.records]
    texts = [record.getMessage() for record in records]
    texts += [logging.Formatter().formatException(r.exc_info) for r in records if r.exc_info]
    for error in made:
        if reached_tests(error):
            texts += error_texts(error)
    _searched["texts"] += len(texts)
    _searched["tests"] += 1
    leaks = sorted({secret for secret in secrets for text in texts if secret in text})
    if leaks:
        _searched["leaky"] += 1
        # pytrace=False: no traceback, so the values searched for are not shown either.
        pytest.fail(f"{len(leaks)} secret(s) in the logs, tracebacks or error attributes of this test", pytrace=False)


def record_watch() -> None:
    """The suite-wide row: how many texts of how many tests were searched, and in how many a secret showed."""
    if not _searched["tests"]:
        return
    record_session_row(
        "tests/reliability (every test, watched)",
        {
            "area": "secrets",
            "fault": "every test of this suite at DEBUG: logs, tracebacks, error attributes",
            "api": "both",
            "call": "the whole reliability suite",
            "expected": "no secret in any captured log line, traceback or exception attribute",
            "observed": f"{_searched['leaky']} tests with a leak; {_searched['texts']} texts of {_searched['tests']} tests",
            "cases": _searched["texts"],
        },
        passed=_searched["leaky"] == 0,
    )
