"""One complete fleet run, looked at from every side: 60 ids in 6 chunks on two `tbapi fleet worker`
processes (the real bundled Redis, a loopback item server), id 13 no item, ids 21-30 failing on every call."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.cli.item_server import item_server
from tests.fleet.fleet_runner import TOKEN, fleet_on, ids_of

IDS = list(range(1, 61))
FAILING = frozenset(range(21, 31))


@attrs.frozen
class Complete:
    lines: list[dict[str, Any]]  # what `collect --follow` wrote
    requests: dict[int, int]  # the item server's requests per id
    status: dict[str, Any]  # `status --json` at the end
    logs: list[str]  # each worker's output


@pytest.fixture(scope="module")
def complete(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Complete]:
    folder: Path = tmp_path_factory.mktemp("complete-run")
    with item_server(delay=0.005, missing=frozenset({13})) as server:
        server.always_fail = FAILING
        with fleet_on(redis_url, f"tbapi-test:{uuid.uuid4().hex}", server, folder) as fleet:
            fleet.submit("r", IDS)
            fleet.start_worker()
            fleet.start_worker()
            lines = fleet.collect("r")
            status = fleet.status("r")
            fleet.stop_all()
            logs = [fleet.worker_log(0), fleet.worker_log(1)]
        yield Complete(lines, dict(server.requests), status, logs)


def test_each_id_is_written_exactly_once(complete: Complete) -> None:
    assert ids_of(complete.lines) == IDS


def test_each_id_is_fetched_once(complete: Complete) -> None:
    assert (sorted(complete.requests), set(complete.requests.values())) == (IDS, {1})


def test_a_result_is_the_bulk_commands_line(complete: Complete) -> None:
    found = {line["item_id"]: line for line in complete.lines}
    assert found[6] == {"item_id": 6, "item": {"tbItemId": 6, "title": "item 6", "price": 106}}
    assert (sorted(found[13]), found[13]["error"]["type"]) == (["error", "item_id"], "InvalidRequestError")


def test_a_chunk_whose_calls_keep_failing_ends_with_an_error_line_per_id(complete: Complete) -> None:
    failed = {line["item_id"] for line in complete.lines if "error" in line}
    assert failed == {13, *FAILING}


def test_status_counts_done_failed_and_pending_and_lists_the_workers(complete: Complete) -> None:
    status = complete.status
    counts = (status["done"], status["failed"], status["pending"], status["not_collected"], len(status["workers"]))
    assert counts == (60, 11, 0, 0, 2)


def test_a_workers_output_never_shows_its_token(complete: Complete) -> None:
    assert [TOKEN in log for log in complete.logs] == [False, False]
