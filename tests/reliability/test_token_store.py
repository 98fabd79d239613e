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
from pathlib import Path

import pytest

import tbapi
from tbapi.shanjing import FileTokenStore, TokenRecord
from tests.reliability.conftest import (
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    TIMEOUT,
    Stopwatch,
    async_shanjing_client,
    shanjing_client,
)
from tests.reliability.fault_server import FaultServer, Plan, json_answer
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

ITEM = "/rest/taobao-global/traffic/item/get"
REFRESH = "/rest/taobao-global/auth/token/refresh"
ITEM_ID = 689542173310
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
    return with_fields(outcome, area="token store", api="Shanjing")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home directory for `~`."""
    directory = tmp_path / "home"
    directory.mkdir()
    monkeypatch.setenv("HOME", str(directory))
    return directory


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def _get(flavour: str, url: str, store: FileTokenStore) -> object:
    """`items.get` on a sync or an async client using `store`."""
    if flavour == "sync":
        with shanjing_client(url, token_store=store) as client:
            return client.items.get(ITEM_ID)
    async with async_shanjing_client(url, token_store=store) as aclient:
        return await aclient.items.get(ITEM_ID)


def test_a_tilde_path_is_written_under_home_in_private_directories(
    home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, outcome: Record
) -> None:
    monkeypatch.chdir(tmp_path)
    with Stopwatch() as watch:
        FileTokenStore("~/.config/myapp/tokens.json").save(TokenRecord(ACCESS_TOKEN, REFRESH_TOKEN))
    written = home / ".config" / "myapp" / "tokens.json"
    outcome(
        fault='FileTokenStore("~/.config/myapp/tokens.json")',
        call="FileTokenStore.save",
        expected="the file under $HOME, new directories 0700, file 0600, nothing under ./~",
        observed=f"{written.exists()=}, dirs {oct(_mode(written.parent))}, file {oct(_mode(written))}",
        elapsed_s=round(watch.elapsed, 3),
        bound_s=SLACK,
    )
    assert not (tmp_path / "~").exists()
    assert (_mode(home / ".config"), _mode(written.parent), _mode(written)) == (0o700, 0o700, 0o600)
    assert watch.elapsed < SLACK


def test_the_token_file_environment_variable_of_the_cli_expands_tilde(
    fault_server: FaultServer, home: Path, outcome: Record
) -> None:
    from click.testing import CliRunner

    from tbapi.cli import command

    plan = fault_server.plan({REFRESH: [json_answer(example("shanjing", "refreshToken"))]})
    env = {"TBAPI_SHANJING_TOKEN_FILE": "~/tokens/shanjing.json", "TBAPI_SHANJING_BASE_URL": plan.url}
    args = ["shanjing", "token-refresh", "--refresh-token", REFRESH_TOKEN]
    with Stopwatch() as watch:
        result = CliRunner().invoke(command(), args, env=env, catch_exceptions=False)
    written = home / "tokens" / "shanjing.json"
    outcome(
        fault="TBAPI_SHANJING_TOKEN_FILE=~/tokens/shanjing.json",
        call="tbapi shanjing token-refresh",
        expected="the refreshed token saved under $HOME",
        observed=f"exit {result.exit_code}, saved: {written.exists()}",
        attempts=plan.count(REFRESH),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=5.0,
    )
    assert result.exit_code == 0, result.output
    record = FileTokenStore(written).load()
    assert record is not None
    assert record.access_token == example("shanjing", "refreshToken")["access_token"]
    assert watch.elapsed < 5.0


def test_a_token_file_readable_by_others_is_tightened_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, outcome: Record
) -> None:
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(TokenRecord(ACCESS_TOKEN, REFRESH_TOKEN))
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="tbapi"), Stopwatch() as watch:
        record = FileTokenStore(path).load()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    outcome(
        fault="an existing token file of mode 0644",
        call="FileTokenStore.load",
        expected="tightened to 0600, one warning naming the file, the token read",
        observed=f"mode {oct(_mode(path))}, {len(warnings)} warning(s)",
        elapsed_s=round(watch.elapsed, 3),
        bound_s=SLACK,
    )
    assert record is not None
    assert _mode(path) == 0o600
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert watch.elapsed < SLACK


def test_a_token_store_path_that_is_a_directory_is_a_validation_error(tmp_path: Path, outcome: Record) -> None:
    with Stopwatch() as watch, pytest.raises(tbapi.ValidationError) as raised:
        FileTokenStore(tmp_path)
    outcome(
        fault="a token-store path that is a directory",
        call="FileTokenStore(path)",
        expected="ValidationError naming path (not IsADirectoryError)",
        observed=f"{type(raised.value).__name__}(param={raised.value.param!r})",
        elapsed_s=round(watch.elapsed, 3),
        bound_s=SLACK,
    )
    assert raised.value.param == "path"
    assert watch.elapsed < SLACK


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
    with Stopwatch() as watch, pytest.raises(tbapi.ValidationError) as raised:
        await _get(flavour, plan.url, store)
    outcome(
        fault="the token file replaced by a directory",
        call=f"items.get ({flavour})",
        expected="ValidationError naming token_store, nothing sent",
        observed=f"{type(raised.value).__name__}(param={raised.value.param!r}), {plan.count()} sent",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=SLACK,
    )
    assert raised.value.param == "token_store"
    assert plan.count() == 0
    assert watch.elapsed < SLACK


# --- a second process holding the lock ----------------------------------------------------------------------


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[bytes]]]:
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
        yield path, process
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(10)


def _refresh_plan(server: FaultServer) -> Plan:
    refused = json_answer(example("shanjing", "getItem", "expiredToken"))
    return server.plan(
        {
            ITEM: [refused, json_answer(example("shanjing", "getItem"))],
            REFRESH: [json_answer(example("shanjing", "refreshToken"))],
        }
    )


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_stopped_lock_holder_fails_the_refresh_within_the_timeout(
    fault_server: FaultServer,
    holder: tuple[Path, subprocess.Popen[bytes]],
    flavour: str,
    outcome: Record,
) -> None:
    path, process = holder
    os.kill(process.pid, signal.SIGSTOP)
    plan = _refresh_plan(fault_server)
    bound = TIMEOUT + SLACK
    with Stopwatch() as watch, pytest.raises(tbapi.LockTimeoutError) as raised:
        await _get(flavour, plan.url, FileTokenStore(path))
    outcome(
        fault="the lock holder SIGSTOPped in the middle of its refresh",
        call=f"items.get → refresh ({flavour})",
        expected="LockTimeoutError naming the lock file after the timeout; no refresh sent",
        observed=f"{type(raised.value).__name__}, {plan.count(REFRESH)} refreshes sent",
        attempts=plan.count(ITEM),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=bound,
    )
    assert raised.value.lock == f"{path}.lock"
    assert f"{path}.lock" in str(raised.value)
    assert isinstance(raised.value, tbapi.TbapiError)
    assert plan.count(REFRESH) == 0
    assert watch.elapsed < bound


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_killed_lock_holder_releases_the_lock_for_the_refresh(
    fault_server: FaultServer,
    holder: tuple[Path, subprocess.Popen[bytes]],
    flavour: str,
    outcome: Record,
) -> None:
    path, process = holder
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    plan = _refresh_plan(fault_server)
    with Stopwatch() as watch:
        item = await _get(flavour, plan.url, FileTokenStore(path))
    outcome(
        fault="the lock holder killed (SIGKILL) while holding the lock",
        call=f"items.get → refresh ({flavour})",
        expected="one refresh, then the item",
        observed=f"{type(item).__name__}, {plan.count(REFRESH)} refresh",
        attempts=plan.count(ITEM),
        elapsed_s=round(watch.elapsed, 3),
        bound_s=SLACK,
    )
    assert type(item).__name__ == "ItemDetail"
    assert plan.count(REFRESH) == 1
    assert watch.elapsed < SLACK
