"""Fleet runs end to end under faults and repeats: `tbapi fleet submit`, worker processes started from the
command line, `collect` (a run with nothing wrong is test_a_complete_run.py).

Every test runs real worker processes on the real (bundled) Redis against a loopback item server; chunks
hold 10 ids; a killed worker's chunk comes back after 2 s (unless a test asks for less).
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from mock.redis_server import free_port, running_redis
from tbapi.cli import command
from tbapi.cli._fleet import check_token, fleet_settings
from tbapi.fleet import MAX_DELIVERIES
from tbapi.shanjing import RedisTokenStore, TokenRecord
from tests.cli.item_server import ItemServer
from tests.fleet.fleet_runner import STOPPED_WITHIN_S, Fleet, fleet_on, ids_of, wait_until

IDS = list(range(1, 61))  # 6 chunks


def test_taskiq_worker_runs_the_fleets_chunks(fleet: Fleet) -> None:
    fleet.submit("r", IDS)
    fleet.start_taskiq_worker()
    assert ids_of(fleet.collect("r")) == IDS


def test_the_chunks_of_a_sigkilled_worker_are_run_by_another(fleet: Fleet, server: ItemServer) -> None:
    server.delay = 0.05
    fleet.submit("r", IDS[:20])  # two chunks: both held by the worker killed, none left new on the stream
    killed = fleet.start_worker()
    wait_until(lambda: server.total >= 5, "the first worker calls")
    fleet.stop(killed, signal.SIGKILL)
    fleet.start_worker()
    assert ids_of(fleet.collect("r")) == IDS[:20]


def test_a_chunk_whose_workers_keep_dying_ends_with_a_chunk_abandoned_line_per_id(
    fleet: Fleet, server: ItemServer
) -> None:
    released = threading.Event()

    def hang(_item_id: int) -> None:  # no call is answered until the test ends: no delivery finishes
        released.wait(STOPPED_WITHIN_S)

    server.on_request = hang
    quick = ("--concurrency", "2", "--reclaim-after", "0.5")  # one call in flight per chunk; reclaimed soon
    try:
        fleet.submit("r", IDS[:10])
        worker = fleet.start_worker(*quick)
        for delivery in range(1, MAX_DELIVERIES + 1):
            wait_until(lambda: server.total >= delivery, f"delivery {delivery} calls")  # noqa: B023 (waited for now)
            successor = fleet.start_worker(*quick)  # starting while the chunk is held: it takes the chunk over
            fleet.stop(worker, signal.SIGKILL)
            worker = successor
        lines = fleet.collect("r")
    finally:
        released.set()
    errors = {line["error"]["type"] for line in lines}
    assert (ids_of(lines), errors, server.total) == (IDS[:10], {"ChunkAbandoned"}, MAX_DELIVERIES)


def test_a_chunk_slower_than_the_reclaim_delay_stays_with_its_live_worker(fleet: Fleet, server: ItemServer) -> None:
    server.delay = 0.35  # one call at a time per chunk: a chunk takes 3.5 s, the reclaim delay is 2 s
    fleet.submit("r", IDS[:20])
    fleet.start_worker("--concurrency", "2")
    wait_until(lambda: server.total >= 1, "the first worker calls")
    fleet.start_worker("--concurrency", "2")
    fleet.collect("r")
    assert set(server.requests.values()) == {1}


def test_a_stopped_worker_finishes_the_chunks_it_started_and_exits(fleet: Fleet, server: ItemServer) -> None:
    server.delay = 0.05
    fleet.submit("r", IDS)
    worker = fleet.start_worker()
    wait_until(lambda: server.total >= 5, "the worker calls")
    code = fleet.stop(worker, signal.SIGTERM)
    status = fleet.status("r")
    assert (code, status["done"] % 10, status["done"] > 0) == (0, 0, True)


def test_a_worker_stopped_twice_hands_back_its_unfinished_chunks_at_once(fleet: Fleet, server: ItemServer) -> None:
    server.delay = 0.2
    fleet.submit("r", IDS)
    worker = fleet.start_worker()
    wait_until(lambda: server.total >= 5, "the worker calls")
    os.killpg(worker.pid, signal.SIGTERM)
    wait_until(lambda: "stopping after the chunks started" in fleet.worker_log(0), "the worker heard the first")
    code = fleet.stop(worker, signal.SIGTERM)
    assert (code, fleet.unfinished_chunks() > 0, fleet.held_chunks()) == (130, True, 0)


def test_a_redis_restart_mid_run_loses_and_duplicates_nothing(
    namespace: str, server: ItemServer, tmp_path: Path
) -> None:
    port, data = free_port(), tmp_path / "redis-data"
    data.mkdir()
    server.delay = 0.02
    with fleet_on(f"redis://127.0.0.1:{port}/0", namespace, server, tmp_path) as fleet:
        with running_redis(port, data):
            fleet.submit("r", IDS)
            fleet.start_worker()
            wait_until(lambda: server.total >= 15, "the worker calls")
        wait_until(lambda: "unreachable" in fleet.worker_log(0), "the worker finds Redis gone")
        with running_redis(port, data):
            lines = fleet.collect("r")
    errors = [line["item_id"] for line in lines if "error" in line]
    assert (ids_of(lines), errors) == (IDS, [13])


def test_status_says_when_redis_cannot_be_reached(fleet: Fleet, dead_redis_url: str) -> None:
    fleet.redis_url = dead_redis_url
    result = fleet.cli("status", "r")
    assert (result.exit_code, "Redis at 127.0.0.1" in result.stderr) == (8, True)


def test_an_unreachable_redis_hints_at_the_redis_url_not_the_base_url(fleet: Fleet, dead_redis_url: str) -> None:
    fleet.redis_url = dead_redis_url
    said = fleet.cli("status", "r").stderr
    assert "hint: is Redis running there? --redis URL or TBAPI_REDIS_URL names it" in said
    assert "base URL" not in said


NO_TOKEN = {"TBAPI_SHANJING_ACCESS_TOKEN": None, "TBAPI_SHANJING_REFRESH_TOKEN": None}


def test_a_worker_with_no_token_anywhere_refuses_to_start(fleet: Fleet) -> None:
    result = CliRunner().invoke(command(), ["fleet", "worker"], env={**fleet.env, **NO_TOKEN})
    assert result.exit_code == 2
    assert "--access-token: missing: pass --access-token TOKEN" in result.stderr


def test_a_worker_with_no_token_of_its_own_may_start_on_the_fleets(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in fleet.env.items():
        monkeypatch.setenv(name, value)
    for name in NO_TOKEN:
        monkeypatch.delenv(name, raising=False)
    config = fleet_settings(None)
    store = RedisTokenStore(fleet.redis_url, key=config.token_key)
    store.save(TokenRecord(access_token="the-fleets-access-token"))
    check_token(config, {})  # no ValidationError: the worker calls with the fleet's token


def test_submitting_a_run_again_adds_no_chunk_twice(fleet: Fleet) -> None:
    fleet.submit("r", IDS)
    again = fleet.submit("r", IDS)
    assert (fleet.chunks_waiting(), "0 submitted now" in again.stderr) == (6, True)


def test_a_run_submitted_again_with_other_ids_is_refused(fleet: Fleet) -> None:
    fleet.submit("r", IDS)
    other = fleet.submit("r", [*IDS, 61])
    assert (other.exit_code, fleet.chunks_waiting()) == (2, 6)


def test_a_product_run_gives_each_id_its_product_record(fleet: Fleet, server: ItemServer) -> None:
    fleet.submit("r", [5, 6], "--kind", "product")
    fleet.start_worker()
    found = {line["item_id"]: line["item"] for line in fleet.collect("r")}
    assert found == {5: {"itemId": 5, "mpId": "mp5"}, 6: {"itemId": 6, "mpId": "mp6"}}


def test_collect_changed_only_writes_what_changed_appeared_or_vanished(fleet: Fleet, server: ItemServer) -> None:
    fleet.start_worker()
    fleet.submit("monday", IDS[:20], "--watch", "prices")
    fleet.collect("monday")
    server.prices[2] = 1
    server.missing = frozenset({5, 13})
    fleet.submit("tuesday", [*IDS[:20], 99], "--watch", "prices")
    changes = {line["item_id"]: line for line in fleet.collect("tuesday", "--changed-only")}
    assert {item_id: line["change"] for item_id, line in changes.items()} == {
        2: "changed",
        5: "vanished",
        99: "appeared",
    }
    assert (changes[2]["old"], changes[2]["new"], changes[2]["item"]["price"]) == ({"price": 102}, {"price": 1}, 1)


def test_collect_follow_draws_a_progress_bar_on_a_terminal(fleet: Fleet) -> None:
    fleet.submit("r", IDS[:10])
    fleet.start_worker()
    screen = fleet.collect_screen("r", terminal=True)
    assert ("10/10" in screen, "ETA" in screen, "10 line(s) written" in screen) == (True, True, True)


def test_collect_follow_draws_no_progress_bar_when_its_output_is_piped(fleet: Fleet) -> None:
    fleet.submit("r", IDS[:10])
    fleet.start_worker()
    screen = fleet.collect_screen("r", terminal=False)
    assert ("10/10" in screen, "ETA" in screen, "10 line(s) written" in screen) == (False, False, True)
