"""`FileTokenStore` under hostile conditions: `~` paths, permissions, a directory, a stopped or killed lock holder.

The lock cases run a real second process holding the store's lock (`FileTokenStore.lock()`), then stop it
(SIGSTOP) or kill it (SIGKILL) by its pid, while this process's client needs a refresh.
"""

from __future__ import annotations

import logging
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import tbapi
from tbapi.shanjing import FileTokenStore, TokenRecord
from tests.reliability.conftest import ACCESS_TOKEN, REFRESH_TOKEN, TIMEOUT
from tests.reliability.fault_server import FaultServer, Plan, json_answer
from tests.reliability.one_call import one_call
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example
from tests.reliability.trial import Trial, trial, tried

pytestmark = pytest.mark.timeout(30)

ITEM = "/rest/taobao-global/traffic/item/get"
REFRESH = "/rest/taobao-global/auth/token/refresh"
SLACK = 1.0  # seconds of scheduling slack in every time bound
HOLDER = textwrap.dedent(
    """
    import sys, time
    from tbapi.shanjing import FileTokenStore

    with FileTokenStore(sys.argv[1]).lock():
        print("locked", flush=True)
        time.sleep(60)
    """
)


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="token store", api="Shanjing", bound_s=SLACK)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home directory for `~`."""
    directory = tmp_path / "home"
    directory.mkdir()
    monkeypatch.setenv("HOME", str(directory))
    return directory


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def _get(call: str, flavour: str, plan: Plan, store: FileTokenStore) -> Trial:
    """`items.get` on a client of `flavour` using `store`; its attempts are the item's."""
    return await trial(call, plan, lambda: one_call("Shanjing", flavour, plan, token_store=store), route=ITEM)


def _refused(outcome: Record, attempt: Trial, fault: str, expected: str) -> str | None:
    """The parameter the ValidationError `attempt` ended with names (None: it ended otherwise); its row recorded."""
    error = attempt.error
    param = error.param if isinstance(error, tbapi.ValidationError) else None
    sent = "" if attempt.plan is None else f", {attempt.plan.count()} sent"
    outcome(fault=fault, expected=expected, observed=f"{type(error).__name__}(param={param!r}){sent}", **attempt.row)
    return param


def test_a_tilde_path_is_written_under_home_in_private_directories(
    home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, outcome: Record
) -> None:
    monkeypatch.chdir(tmp_path)
    store = FileTokenStore("~/.config/myapp/tokens.json")
    save = tried("FileTokenStore.save", None, lambda: store.save(TokenRecord(ACCESS_TOKEN, REFRESH_TOKEN)))
    written = home / ".config" / "myapp" / "tokens.json"
    outcome(
        fault='FileTokenStore("~/.config/myapp/tokens.json")',
        expected="the file under $HOME, new directories 0700, file 0600, nothing under ./~",
        observed=f"{written.exists()=}, dirs {oct(_mode(written.parent))}, file {oct(_mode(written))}",
        **save.row,
    )
    assert save.result is None
    assert not (tmp_path / "~").exists()
    assert (_mode(home / ".config"), _mode(written.parent), _mode(written)) == (0o700, 0o700, 0o600)
    assert save.elapsed < SLACK


def test_the_token_file_environment_variable_of_the_cli_expands_tilde(
    fault_server: FaultServer, home: Path, outcome: Record
) -> None:
    from click.testing import CliRunner

    from tbapi.cli import command

    plan = fault_server.plan({REFRESH: [json_answer(example("shanjing", "refreshToken"))]})
    env = {"TBAPI_SHANJING_TOKEN_FILE": "~/tokens/shanjing.json", "TBAPI_SHANJING_BASE_URL": plan.url}
    args = ["shanjing", "token-refresh", "--refresh-token", REFRESH_TOKEN]
    run = tried(
        "tbapi shanjing token-refresh",
        plan,
        lambda: CliRunner().invoke(command(), args, env=env, catch_exceptions=False),
        route=REFRESH,
    )
    written = home / "tokens" / "shanjing.json"
    observed = f"exit {run.result.exit_code}, saved: {written.exists()}"
    outcome(
        fault="TBAPI_SHANJING_TOKEN_FILE=~/tokens/shanjing.json",
        expected="the refreshed token saved under $HOME",
        observed=observed,
        **run.row,
        bound_s=5.0,
    )
    assert run.result.exit_code == 0, run.result.output
    record = FileTokenStore(written).load()
    assert record is not None
    assert record.access_token == example("shanjing", "refreshToken")["access_token"]
    assert run.elapsed < 5.0


def test_a_token_file_readable_by_others_is_tightened_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, outcome: Record
) -> None:
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(TokenRecord(ACCESS_TOKEN, REFRESH_TOKEN))
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="tbapi"):
        load = tried("FileTokenStore.load", None, FileTokenStore(path).load)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    expected = "tightened to 0600, one warning naming the file, the token read"
    observed = f"mode {oct(_mode(path))}, {len(warnings)} warning(s)"
    outcome(fault="an existing token file of mode 0644", expected=expected, observed=observed, **load.row)
    assert load.result is not None
    assert _mode(path) == 0o600
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert load.elapsed < SLACK


def test_a_token_store_path_that_is_a_directory_is_a_validation_error(tmp_path: Path, outcome: Record) -> None:
    made = tried("FileTokenStore(path)", None, lambda: FileTokenStore(tmp_path))
    expected = "ValidationError naming path (not IsADirectoryError)"
    assert _refused(outcome, made, "a token-store path that is a directory", expected) == "path"
    assert made.elapsed < SLACK


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_token_file_replaced_by_a_directory_fails_the_call_with_a_validation_error(
    fault_server: FaultServer, tmp_path: Path, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [json_answer(example("shanjing", "getItem"))]})
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    store.save(TokenRecord(ACCESS_TOKEN, REFRESH_TOKEN))
    path.unlink()
    path.mkdir()
    get = await _get(f"items.get ({flavour})", flavour, plan, store)
    expected = "ValidationError naming token_store, nothing sent"
    assert _refused(outcome, get, "the token file replaced by a directory", expected) == "token_store"
    assert plan.count() == 0
    assert get.elapsed < SLACK


# --- a second process holding the lock ----------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """A second process holding the lock of the token file at `path`."""

    path: Path
    process: subprocess.Popen[bytes]

    def signal(self, number: signal.Signals) -> None:
        os.kill(self.process.pid, number)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Holder]:
    """A token file with a stale token, and a second process that holds its lock (ended by its pid)."""
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(TokenRecord("stale-" + ACCESS_TOKEN, REFRESH_TOKEN))
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, env=env)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"locked"
        yield Holder(path, process)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(10)


def _refresh_plan(server: FaultServer) -> Plan:
    """The item answered "expired token" first: a call must refresh, then gets it."""
    refused = json_answer(example("shanjing", "getItem", "expiredToken"))
    ok, refreshed = json_answer(example("shanjing", "getItem")), json_answer(example("shanjing", "refreshToken"))
    return server.plan({ITEM: [refused, ok], REFRESH: [refreshed]})


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_stopped_lock_holder_fails_the_refresh_within_the_timeout(
    fault_server: FaultServer, holder: Holder, flavour: str, outcome: Record
) -> None:
    holder.signal(signal.SIGSTOP)
    plan = _refresh_plan(fault_server)
    get = await _get(f"items.get → refresh ({flavour})", flavour, plan, FileTokenStore(holder.path))
    error, refreshes, bound = get.error, plan.count(REFRESH), TIMEOUT + SLACK
    outcome(
        fault="the lock holder SIGSTOPped in the middle of its refresh",
        expected="LockTimeoutError naming the lock file after the timeout; no refresh sent",
        observed=f"{type(error).__name__}, {refreshes} refreshes sent",
        **get.row,
        bound_s=bound,
    )
    assert isinstance(error, tbapi.LockTimeoutError)
    assert error.lock == f"{holder.path}.lock"
    assert f"{holder.path}.lock" in str(error)
    assert isinstance(error, tbapi.TbapiError)
    assert refreshes == 0
    assert get.elapsed < bound


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_killed_lock_holder_releases_the_lock_for_the_refresh(
    fault_server: FaultServer, holder: Holder, flavour: str, outcome: Record
) -> None:
    holder.signal(signal.SIGKILL)
    holder.process.wait(10)
    plan = _refresh_plan(fault_server)
    get = await _get(f"items.get → refresh ({flavour})", flavour, plan, FileTokenStore(holder.path))
    item = get.result
    observed = f"{type(item).__name__}, {plan.count(REFRESH)} refresh"
    outcome(
        fault="the lock holder killed (SIGKILL) while holding the lock",
        expected="one refresh, then the item",
        observed=observed,
        **get.row,
    )
    assert type(item).__name__ == "ItemDetail"
    assert plan.count(REFRESH) == 1
    assert get.elapsed < SLACK
