"""One output file, one run: a bulk run owns its output for its whole life; a second run on it (through any
path) stops at once, naming the holder; the file is never replaced — rewritten in place, a symlink written
through — and a rewrite cut short by a crash is finished by the next run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.item_server import ItemServer, item_server

pytestmark = pytest.mark.timeout(60)

IDS = range(1, 61)
ERROR_LINE = '{"item_id":7,"error":{"type":"X","message":"m","code":null}}\n'
OK_LINE = '{"item_id":1,"item":{}}\n'


@pytest.fixture
def slow_server() -> Iterator[ItemServer]:
    with item_server(delay=0.05) as server:
        yield server


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "ids.txt"
    path.write_text("\n".join(map(str, IDS)) + "\n", encoding="utf-8")
    return path


def command(server: ItemServer, source: Path, out: Path, *more: str) -> list[str]:
    return [
        *(sys.executable, "-m", "tbapi", "shanjing", "item-get", "--base-url", server.url, "--access-token", "t"),
        *("--from", str(source), "--output", str(out), "--concurrency", "2", *more),
    ]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}


def ids_in(out: Path) -> list[int]:
    return sorted(json.loads(line)["item_id"] for line in out.read_text(encoding="utf-8").splitlines())


def started(server: ItemServer, source: Path, out: Path, *more: str) -> subprocess.Popen[str]:
    """A first run in its own process, once it has written a line (it owns `out` from then on at the latest)."""
    first = subprocess.Popen(command(server, source, out, *more), env=clean_env(), stderr=subprocess.PIPE, text=True)
    while (not out.exists() or out.stat().st_size == 0) and first.poll() is None:
        time.sleep(0.01)
    return first


def bulk(run: Run, server: ItemServer, source: Path, out: Path, *more: str) -> tuple[int, str]:
    args = ("--base-url", server.url, "--access-token", "t", "--from", str(source), "--output", str(out), *more)
    result = run("shanjing", "item-get", *args)
    return result.exit_code, result.stderr


def stop(first: subprocess.Popen[str]) -> None:
    first.send_signal(signal.SIGINT)
    first.communicate(timeout=30)


@pytest.mark.parametrize("flag", ["--resume", "--retry-failed"])
def test_a_second_run_on_an_output_in_use_stops_at_once_naming_the_holder(
    run: Run, slow_server: ItemServer, source: Path, tmp_path: Path, flag: str
) -> None:
    out = tmp_path / "items.jsonl"
    first = started(slow_server, source, out)
    try:
        exit_code, stderr = bulk(run, slow_server, source, out, flag)
    finally:
        stop(first)
    assert exit_code == 2
    assert str(out) in stderr
    assert f"pid {first.pid}" in stderr


def test_a_second_run_through_a_symlink_to_the_output_stops_too(
    run: Run, slow_server: ItemServer, source: Path, tmp_path: Path
) -> None:
    out, link = tmp_path / "items.jsonl", tmp_path / "link.jsonl"
    link.symlink_to(out)
    first = started(slow_server, source, out)
    try:
        exit_code, stderr = bulk(run, slow_server, source, link, "--resume")
    finally:
        stop(first)
    assert exit_code == 2
    assert f"pid {first.pid}" in stderr


def test_the_refused_run_leaves_the_owners_results_whole(
    run: Run, slow_server: ItemServer, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "items.jsonl"
    first = started(slow_server, source, out)
    bulk(run, slow_server, source, out, "--retry-failed")
    first.wait(timeout=30)
    assert (first.returncode, ids_in(out)) == (0, list(IDS))


def test_a_run_killed_outright_leaves_the_output_free(
    run: Run, slow_server: ItemServer, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "items.jsonl"
    first = started(slow_server, source, out)
    first.kill()
    first.communicate(timeout=30)
    exit_code, _ = bulk(run, slow_server, source, out, "--resume", "--concurrency", "16")
    assert (exit_code, ids_in(out)) == (0, list(IDS))


@pytest.fixture
def server() -> Iterator[ItemServer]:
    with item_server() as running:
        yield running


def test_retry_failed_rewrites_the_same_file_not_a_new_one(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out, source = tmp_path / "o.jsonl", tmp_path / "ids.txt"
    source.write_text("1\n7\n", encoding="utf-8")
    out.write_text(OK_LINE + ERROR_LINE, encoding="utf-8")
    reader = out.open(encoding="utf-8")  # another program's handle sees the rewritten file
    inode = out.stat().st_ino
    bulk(run, server, source, out, "--retry-failed")
    assert (out.stat().st_ino, ids_in(out), reader.read().count("\n")) == (inode, [1, 7], 2)
    reader.close()


@pytest.mark.parametrize("flag", [(), ("--resume",), ("--retry-failed",)])
def test_a_symlinked_output_is_written_through(
    run: Run, server: ItemServer, tmp_path: Path, flag: tuple[str, ...]
) -> None:
    target, link, source = tmp_path / "real.jsonl", tmp_path / "link.jsonl", tmp_path / "ids.txt"
    source.write_text("1\n7\n8\n", encoding="utf-8")
    target.write_text(OK_LINE + ERROR_LINE if flag else "", encoding="utf-8")
    link.symlink_to(target)
    bulk(run, server, source, link, *flag)
    assert link.is_symlink()
    assert ids_in(target) == [1, 7, 8]


def test_a_rewrite_cut_short_by_a_crash_is_finished_by_the_next_run(
    run: Run, server: ItemServer, tmp_path: Path
) -> None:
    out, source = tmp_path / "o.jsonl", tmp_path / "ids.txt"
    source.write_text("1\n7\n8\n", encoding="utf-8")
    out.write_text(OK_LINE + '{"item_id":7,"err', encoding="utf-8")  # the old content, half overwritten
    (tmp_path / ".o.jsonl.rewrite").write_text(OK_LINE, encoding="utf-8")  # the new content, saved whole
    exit_code, _ = bulk(run, server, source, out, "--retry-failed")
    assert (exit_code, ids_in(out), sorted(server.requests)) == (0, [1, 7, 8], [7, 8])
    assert not (tmp_path / ".o.jsonl.rewrite").exists()
