"""`item-get --from` / `product-get --from`: one JSON line per id, resumable, summary and exit codes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from rich.console import Console

from tbapi.cli._bulk import Tally, progress_bar
from tests.cli.conftest import Run
from tests.cli.item_server import ItemServer, item_server

MISSING = frozenset({7, 14})


@pytest.fixture
def server() -> Iterator[ItemServer]:
    with item_server(missing=MISSING) as running:
        yield running


def ids_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "ids.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def lines_of(path: Path) -> list[dict[str, Any]]:
    """Every line of an output file, parsed (fails on any line that is not JSON)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def bulk(run: Run, server: ItemServer, *args: str, command: str = "item-get") -> Result:
    return run("shanjing", command, "--base-url", server.url, "--access-token", "t", *args)


def test_one_line_per_id_each_parses(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    bulk(run, server, "--from", ids_file(tmp_path, "\n".join(map(str, range(1, 31)))), "--output", str(out))
    assert sorted(line["item_id"] for line in lines_of(out)) == list(range(1, 31))


def test_a_line_holds_the_wire_dict_or_the_error(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    bulk(run, server, "--from", ids_file(tmp_path, "6\n7\n"), "--output", str(out))
    ok, failed = sorted(lines_of(out), key=lambda line: line["item_id"])
    assert ok == {"item_id": 6, "item": {"tbItemId": 6, "title": "item 6", "price": 106}}
    assert (failed["item_id"], failed["error"]["type"], failed["error"]["code"]) == (
        7,
        "InvalidRequestError",
        "InvalidParameter",
    )
    assert "no item 7" in failed["error"]["message"]


def test_blank_lines_comments_and_repeats_are_skipped(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    source = ids_file(tmp_path, "# my ids\n1\n\n  2  # the second\n1\n")
    bulk(run, server, "--from", source, "--output", str(out))
    assert (sorted(line["item_id"] for line in lines_of(out)), server.total) == ([1, 2], 2)


def test_a_malformed_id_is_reported_with_its_line_number(run: Run, server: ItemServer, tmp_path: Path) -> None:
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n2\nitem-3\n"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 2
    assert "ids.txt:3: not an item id: 'item-3'" in result.stderr
    assert server.total == 0


def test_the_summary_counts_ok_failed_and_skipped(run: Run, server: ItemServer, tmp_path: Path) -> None:
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n7\n8\n"), "--output", str(tmp_path / "o.jsonl"))
    assert result.stderr.splitlines()[-1].startswith("2 ok, 1 failed, 0 skipped in ")


def test_some_failed_exits_10(run: Run, server: ItemServer, tmp_path: Path) -> None:
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n7\n"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 10


def test_all_ok_exits_0(run: Run, server: ItemServer, tmp_path: Path) -> None:
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n2\n"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 0


def test_an_output_with_results_is_not_overwritten_without_resume(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"item_id":1,"item":{}}\n', encoding="utf-8")
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n2\n"), "--output", str(out))
    assert result.exit_code == 2
    assert "--resume" in result.stderr
    assert out.read_text(encoding="utf-8") == '{"item_id":1,"item":{}}\n'


def test_resume_skips_every_id_the_file_holds_ok_or_error(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"item_id":1,"item":{}}\n{"item_id":7,"error":{"type":"X","message":"m","code":null}}\n')
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n7\n8\n"), "--output", str(out), "--resume")
    assert (sorted(server.requests), [line["item_id"] for line in lines_of(out)]) == ([8], [1, 7, 8])
    assert result.stderr.splitlines()[-1].startswith("1 ok, 0 failed, 2 skipped")


def test_retry_failed_refetches_error_lines_and_replaces_them(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"item_id":1,"item":{}}\n{"item_id":7,"error":{"type":"X","message":"m","code":null}}\n')
    with item_server() as server:  # 7 exists now
        bulk(run, server, "--from", ids_file(tmp_path, "1\n7\n8\n"), "--output", str(out), "--retry-failed")
    lines = lines_of(out)
    assert (sorted(server.requests), sorted(line["item_id"] for line in lines)) == ([7, 8], [1, 7, 8])
    assert all("item" in line for line in lines)


def test_resume_drops_a_line_cut_short_by_a_crash(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"item_id":1,"item":{}}\n{"item_id":2,"it')
    bulk(run, server, "--from", ids_file(tmp_path, "1\n2\n"), "--output", str(out), "--resume")
    assert ([line["item_id"] for line in lines_of(out)], sorted(server.requests)) == ([1, 2], [2])


def test_resume_refuses_a_file_that_is_not_a_bulk_output(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"item_id":1,"item":{}}\nhello\n')
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n"), "--output", str(out), "--resume")
    assert result.exit_code == 2
    assert f"{out}:2: not a line of a tbapi bulk output file" in result.stderr


def test_ids_from_stdin_to_stdout(cli: Any, server: ItemServer) -> None:
    from click.testing import CliRunner

    args = ["shanjing", "product-get", "--base-url", server.url, "--access-token", "t", "--from", "-", "--output", "-"]
    result = CliRunner().invoke(cli, args, input="5\n6\n", catch_exceptions=False)
    records = sorted(json.loads(line)["item"]["mpId"] for line in result.stdout.splitlines())
    assert (result.exit_code, records) == (0, ["mp5", "mp6"])


def test_bulk_options_without_from_are_a_usage_error(run: Run, server: ItemServer) -> None:
    result = bulk(run, server, "5", "--resume")
    assert result.exit_code == 2
    assert "--resume: only with --from FILE" in result.stderr


def test_a_rate_limited_run_fetches_every_id(run: Run, server: ItemServer, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n2\n3\n"), "--output", str(out), "--rate-limit", "50")
    assert (result.exit_code, sorted(line["item_id"] for line in lines_of(out))) == (0, [1, 2, 3])


@pytest.mark.parametrize("rate", ["0", "-1", "fast"])
def test_a_bad_rate_limit_is_a_usage_error(run: Run, server: ItemServer, tmp_path: Path, rate: str) -> None:
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n"), "--output", "-", "--rate-limit", rate)
    assert (result.exit_code, server.total) == (2, 0)


def test_from_needs_an_output(run: Run, server: ItemServer, tmp_path: Path) -> None:
    result = bulk(run, server, "--from", ids_file(tmp_path, "1\n"))
    assert result.exit_code == 2
    assert "--output" in result.stderr


PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def test_a_no_proxy_list_alone_keeps_the_calls_on_the_event_loop(
    run: Run, server: ItemServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "internal.example")  # names no proxy: the client's own pool serves
    on_loop: list[bool] = []
    server.on_request = lambda _: on_loop.append(any(t.name.endswith("-loop") for t in threading.enumerate()))
    bulk(run, server, "--from", ids_file(tmp_path, "1\n2\n"), "--output", str(tmp_path / "o.jsonl"))
    assert on_loop == [True, True]


def test_the_progress_bar_shows_done_total_rate_eta_and_failures() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with progress_bar("ids.txt", 4, console) as update:
        update(Tally(ok=2, failed=1))
    drawn = screen.getvalue()
    assert "ids.txt" in drawn
    assert "3/4" in drawn
    assert "/s" in drawn
    assert "ETA" in drawn
    assert "1 failed" in drawn


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    screen = io.StringIO()
    with progress_bar("ids.txt", 4, Console(file=screen)) as update:
        update(Tally(ok=4))
    assert screen.getvalue() == ""


# --- Ctrl-C and --resume, in a real process ------------------------------------------------------------------


def command(server: ItemServer, source: Path, out: Path, *more: str) -> list[str]:
    return [
        *(sys.executable, "-m", "tbapi", "shanjing", "item-get", "--base-url", server.url, "--access-token", "t"),
        *("--from", str(source), "--output", str(out), "--concurrency", "8", *more),
    ]


def lines_written(out: Path) -> int:
    return out.read_bytes().count(b"\n") if out.exists() else 0


@pytest.mark.timeout(60)
def test_resume_after_ctrl_c_refetches_at_most_the_calls_in_flight(tmp_path: Path) -> None:
    source, out = tmp_path / "ids.txt", tmp_path / "items.jsonl"
    source.write_text("\n".join(map(str, range(1, 201))))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}
    with item_server(delay=0.02) as server:
        first = subprocess.Popen(command(server, source, out), env=env, stderr=subprocess.PIPE, text=True)
        while lines_written(out) < 40 and first.poll() is None:
            time.sleep(0.01)
        first.send_signal(signal.SIGINT)
        _, stderr = first.communicate(timeout=30)
        after_first = lines_of(out)
        sent_first = server.total
        second = subprocess.run(command(server, source, out, "--resume"), env=env, capture_output=True, check=False)
    final = lines_of(out)
    assert first.returncode == 130
    assert "interrupted" in stderr
    assert second.returncode == 0
    assert sent_first - len(after_first) <= 8  # only the calls in flight at Ctrl-C were lost
    assert sorted(line["item_id"] for line in final) == list(range(1, 201))  # each id exactly once
    assert server.total - 200 == sent_first - len(after_first)  # and only those were fetched again
