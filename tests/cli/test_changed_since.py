"""`item-get --from … --changed-since PREVIOUS.jsonl`: only what changed, appeared or vanished since an earlier
output, each line with its old and new values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Run
from tests.cli.item_server import ItemServer, item_server


@pytest.fixture
def server() -> Iterator[ItemServer]:
    with item_server(missing=frozenset({4})) as running:
        yield running


def fetch(run: Run, server: ItemServer, tmp_path: Path, ids: str, output: Path, *more: str) -> list[dict[str, Any]]:
    source = tmp_path / "ids.txt"
    source.write_text(ids, encoding="utf-8")
    run("shanjing", "item-get", "--base-url", server.url, "--access-token", "t", "--from", str(source),
        "--output", str(output), *more)  # fmt: skip
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def changes_after(run: Run, server: ItemServer, tmp_path: Path) -> dict[int, dict[str, Any]]:
    """A first run over ids 1-4, the server's answers changed, then a second run over 1-5 against the first."""
    previous = tmp_path / "monday.jsonl"
    fetch(run, server, tmp_path, "1\n2\n3\n4\n", previous)
    server.prices[2] = 99
    server.missing = frozenset({3})
    lines = fetch(
        run, server, tmp_path, "1\n2\n3\n4\n5\n", tmp_path / "tuesday.jsonl", "--changed-since", str(previous)
    )
    return {line["item_id"]: line for line in lines}


def test_only_the_ids_that_changed_appeared_or_vanished_are_written(
    run: Run, server: ItemServer, tmp_path: Path
) -> None:
    changes = changes_after(run, server, tmp_path)
    assert {item_id: line["change"] for item_id, line in changes.items()} == {
        2: "changed",
        3: "vanished",
        4: "appeared",
        5: "appeared",
    }


def test_a_changed_line_holds_the_old_and_new_values_of_what_changed(
    run: Run, server: ItemServer, tmp_path: Path
) -> None:
    changed = changes_after(run, server, tmp_path)[2]
    assert (changed["old"], changed["new"], changed["item"]["price"]) == ({"price": 102}, {"price": 99}, 99)


def test_a_vanished_line_holds_the_last_state_seen_and_the_error(run: Run, server: ItemServer, tmp_path: Path) -> None:
    vanished = changes_after(run, server, tmp_path)[3]
    assert (vanished["old"], vanished["new"], vanished["error"]["type"]) == (
        {"price": 103, "title": "item 3"},
        None,
        "InvalidRequestError",
    )


def test_changed_since_does_not_go_with_resume(run: Run, server: ItemServer, tmp_path: Path) -> None:
    previous = tmp_path / "monday.jsonl"
    fetch(run, server, tmp_path, "1\n", previous)
    source = tmp_path / "ids.txt"
    result = run("shanjing", "item-get", "--base-url", server.url, "--access-token", "t", "--from", str(source),
                 "--output", str(tmp_path / "out.jsonl"), "--resume", "--changed-since", str(previous))  # fmt: skip
    assert (result.exit_code, "--changed-since" in result.stderr) == (2, True)
