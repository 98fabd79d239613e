"""A service that echoes the caller's token back never gets it into what the `tbapi` command prints or writes:
the `--json` error, the readable error line, the error lines of a bulk output file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.item_server import ItemServer, item_server

TOKEN = "echoed-cli-credential-8080"


@pytest.fixture
def echoing() -> Iterator[ItemServer]:
    with item_server() as server:
        server.echo_token = True
        yield server


def item_get(run: Run, server: ItemServer, *args: str, first: tuple[str, ...] = ()) -> tuple[int, str]:
    result = run(
        *first, "shanjing", "item-get", "--base-url", server.url, "--access-token", TOKEN, "--max-retries", "0", *args
    )
    return result.exit_code, result.output  # stdout and stderr


def test_the_json_error_of_a_call_shows_no_echoed_token(run: Run, echoing: ItemServer) -> None:
    exit_code, printed = item_get(run, echoing, "1", first=("--json",))
    error = json.loads(printed.splitlines()[-1])["error"]
    assert exit_code == 6
    assert TOKEN not in printed
    assert error["code"] == "[redacted]"
    assert error["request_id"] == "[redacted]"


def test_the_error_line_of_a_call_shows_no_echoed_token(run: Run, echoing: ItemServer) -> None:
    exit_code, printed = item_get(run, echoing, "1")
    assert exit_code == 6
    assert TOKEN not in printed
    assert "[redacted]" in printed


def test_the_error_lines_of_a_bulk_output_hold_no_echoed_token(run: Run, echoing: ItemServer, tmp_path: Path) -> None:
    source, out = tmp_path / "ids.txt", tmp_path / "o.jsonl"
    source.write_text("1\n2\n", encoding="utf-8")
    exit_code, printed = item_get(run, echoing, "--from", str(source), "--output", str(out))
    errors = [json.loads(line)["error"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert exit_code == 10
    assert TOKEN not in out.read_text(encoding="utf-8") + printed
    assert [error["code"] for error in errors] == ["[redacted]", "[redacted]"]
