"""Output that cannot be written — a full disk, a missing or unwritable directory, a closed pipe — is one line
naming the file (or stdout) and exit 11, never an "internal error"; and the id file must be UTF-8 (a BOM is
fine), else a usage error naming its line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tbapi.cli._errors import EXIT_OUTPUT
from tests.cli.conftest import Run
from tests.cli.item_server import ItemServer, item_server

pytestmark = pytest.mark.timeout(60)
README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def server() -> Iterator[ItemServer]:
    with item_server() as running:
        yield running


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "ids.txt"
    path.write_text("1\n2\n", encoding="utf-8")
    return path


def bulk(run: Run, server: ItemServer, source: Path | str, output: str) -> tuple[int, str]:
    args = ("--base-url", server.url, "--access-token", "t", "--from", str(source), "--output", output)
    result = run("shanjing", "item-get", *args)
    return result.exit_code, result.stderr


@pytest.fixture
def unwritable_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory no file can be made in: read-only for a user; for root, who may write anywhere, /sys."""
    if os.geteuid() == 0:
        yield Path("/sys")
        return
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    yield locked
    locked.chmod(0o700)


def test_the_readme_documents_the_exit_code_of_an_unwritable_output() -> None:
    assert f"| {EXIT_OUTPUT} | the output could not be written" in README.read_text(encoding="utf-8")


def test_a_full_disk_stops_the_run_naming_the_file(run: Run, server: ItemServer, source: Path) -> None:
    exit_code, stderr = bulk(run, server, source, "/dev/full")
    assert exit_code == EXIT_OUTPUT
    assert "cannot write /dev/full: No space left on device" in stderr


def test_a_missing_directory_stops_the_run_before_any_call(
    run: Run, server: ItemServer, source: Path, tmp_path: Path
) -> None:
    output = tmp_path / "no-such-dir" / "o.jsonl"
    exit_code, stderr = bulk(run, server, source, str(output))
    assert exit_code == EXIT_OUTPUT
    assert f"cannot write {output}: No such file or directory" in stderr
    assert server.total == 0


def test_an_unwritable_directory_stops_the_run_before_any_call(
    run: Run, server: ItemServer, source: Path, unwritable_dir: Path
) -> None:
    output = unwritable_dir / "tbapi-test-o.jsonl"
    exit_code, stderr = bulk(run, server, source, str(output))
    assert exit_code == EXIT_OUTPUT
    assert f"cannot write {output}: Permission denied" in stderr
    assert server.total == 0


def test_a_directory_as_the_output_is_named(run: Run, server: ItemServer, source: Path, tmp_path: Path) -> None:
    exit_code, stderr = bulk(run, server, source, str(tmp_path))
    assert exit_code == EXIT_OUTPUT
    assert f"cannot write {tmp_path}: Is a directory" in stderr
    assert server.total == 0


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tbapi", "--offline", "shanjing", "item-get", *args]


def run_into(stdout: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}
    return subprocess.run(command(*args), stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, check=False)


def closed_pipe() -> int:
    """The write end of a pipe whose reader has already gone (as `tbapi … | head -1` once head is done)."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize("args", [("1", "--json"), ("1",)], ids=["json", "table"])
def test_a_closed_pipe_on_stdout_is_named_not_an_internal_error(args: tuple[str, ...]) -> None:
    write = closed_pipe()
    try:
        finished = run_into(write, *args)
    finally:
        os.close(write)
    assert finished.returncode == EXIT_OUTPUT
    assert "cannot write stdout: the pipe was closed" in finished.stderr
    assert "internal error" not in finished.stderr
    assert "Traceback" not in finished.stderr


def test_bulk_lines_into_a_closed_pipe_are_named_not_an_internal_error(source: Path) -> None:
    write = closed_pipe()
    try:
        finished = run_into(write, "--from", str(source), "--output", "-")
    finally:
        os.close(write)
    assert finished.returncode == EXIT_OUTPUT
    assert "cannot write stdout" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_a_pipe_named_as_the_output_file_is_written_not_locked(source: Path) -> None:
    finished = run_into(subprocess.PIPE, "--from", str(source), "--output", "/dev/stdout")
    assert (finished.returncode, len(finished.stdout.splitlines())) == (0, 2)


def test_stdout_on_a_full_disk_is_named() -> None:
    with open("/dev/full", "wb") as full:
        finished = run_into(full.fileno(), "1", "--json")
    assert finished.returncode == EXIT_OUTPUT
    assert "cannot write stdout: No space left on device" in finished.stderr


# --- the id file ---------------------------------------------------------------------------------------------


def test_an_id_file_with_a_byte_order_mark_is_read(run: Run, server: ItemServer, tmp_path: Path) -> None:
    source, out = tmp_path / "ids.txt", tmp_path / "o.jsonl"
    source.write_bytes(b"\xef\xbb\xbf1\n2\n")
    exit_code, _ = bulk(run, server, source, str(out))
    ids = sorted(json.loads(line)["item_id"] for line in out.read_text(encoding="utf-8").splitlines())
    assert (exit_code, ids) == (0, [1, 2])


def test_an_id_file_that_is_not_utf8_is_a_usage_error_naming_its_line(
    run: Run, server: ItemServer, tmp_path: Path
) -> None:
    source = tmp_path / "ids.txt"
    source.write_bytes("1\n# café\n2\n".encode("latin-1"))
    exit_code, stderr = bulk(run, server, source, str(tmp_path / "o.jsonl"))
    assert exit_code == 2
    assert f"{source}:2: not UTF-8 text" in stderr
    assert server.total == 0


def test_a_utf16_id_file_is_a_usage_error_naming_its_first_line(run: Run, server: ItemServer, tmp_path: Path) -> None:
    source = tmp_path / "ids.txt"
    source.write_text("1\n2\n", encoding="utf-16")
    exit_code, stderr = bulk(run, server, source, str(tmp_path / "o.jsonl"))
    assert exit_code == 2
    assert f"{source}:1: not UTF-8 text" in stderr
