"""The sync `get_many` of a client on its own pool runs its calls as tasks of one event loop (in a background
thread, over aiohttp): each id once, errors as values, retries, the `sleep=` seam, a single-flight token
refresh, and no thread, loop or connection left after the end, a `break` or a Ctrl-C. On the user's own
`http_client` it runs them in worker threads. Against a loopback server: aiohttp needs sockets.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

import tbapi
from tests.cli.item_server import ItemServer, item_server

from .test_refreshed_token_kept import RefusingStore

TOKEN = "access-token-0001"
IDS = list(range(1, 41))
MISSING = frozenset({7, 14, 21})


def fan_out_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("tbapi-fan-out")]


def until(condition: Callable[[], bool]) -> None:
    """Wait for `condition` (the server notices a closed connection a moment later); a hang is the timeout's."""
    done = threading.Event()
    while not condition():
        done.wait(0.01)


@pytest.fixture
def server() -> Iterator[ItemServer]:
    with item_server(delay=0.002, missing=MISSING) as state:
        yield state


def client_of(server: ItemServer, **options: object) -> tbapi.ShanjingClient:
    return tbapi.ShanjingClient(access_token=TOKEN, base_url=server.url, **options)  # type: ignore[arg-type]


def threads_at_the_first_result(client: tbapi.ShanjingClient) -> list[str]:
    for _ in client.items.get_many(IDS, concurrency=8):
        return fan_out_threads()
    raise AssertionError("no result")


def test_every_id_comes_back_once_with_errors_as_values(server: ItemServer) -> None:
    with client_of(server) as client:
        results = list(client.items.get_many(IDS, concurrency=8))
    failed = sorted(r.item_id for r in results if isinstance(r.error, tbapi.InvalidRequestError))
    assert (sorted(r.item_id for r in results), failed) == (IDS, sorted(MISSING))


def test_a_result_holds_the_model_of_its_own_id(server: ItemServer) -> None:
    with client_of(server) as client:
        results = [r for r in client.items.get_many(IDS, concurrency=8) if r.item is not None]
    assert len(results) == len(IDS) - len(MISSING)
    assert all(r.item is not None and r.item.tb_item_id == r.item_id for r in results)


def test_the_calls_run_as_tasks_of_one_loop_thread(server: ItemServer) -> None:
    with client_of(server) as client:
        names = threads_at_the_first_result(client)
    assert [name.endswith("-loop") for name in names] == [True]


def test_on_your_own_http_client_the_calls_run_in_threads(server: ItemServer) -> None:
    with httpx.Client() as own, client_of(server, http_client=own) as client:
        names = threads_at_the_first_result(client)
    assert len(names) > 1
    assert not any(name.endswith("-loop") for name in names)


def test_finishing_the_loop_leaves_no_thread_or_connection(server: ItemServer) -> None:
    with client_of(server) as client:
        list(client.items.get_many(IDS, concurrency=8))
        assert fan_out_threads() == []
        until(lambda: server.connections == 0)


@pytest.mark.timeout(30)  # proves it cannot hang
def test_leaving_the_loop_early_leaves_no_thread_or_connection(server: ItemServer) -> None:
    server.delay = 0.05
    with client_of(server) as client:
        for _ in client.items.get_many(IDS, concurrency=8):
            break
        assert fan_out_threads() == []
        until(lambda: server.connections == 0)
    assert server.total < len(IDS)


@pytest.mark.timeout(30)  # proves it cannot hang
def test_closing_a_held_iterator_leaves_no_thread_or_connection(server: ItemServer) -> None:
    server.delay = 0.05
    with client_of(server) as client:
        results = client.items.get_many(IDS, concurrency=8)
        next(results)
        results.close()  # still referenced: only its close() ends the loop, as for any generator
        assert fan_out_threads() == []
        until(lambda: server.connections == 0)


@pytest.mark.timeout(30)  # proves it cannot hang
def test_ctrl_c_while_waiting_for_results_leaves_no_thread_running(server: ItemServer) -> None:
    main = threading.main_thread().ident
    assert main is not None
    interrupted = threading.Event()

    def ctrl_c_once(item_id: int) -> None:
        if not interrupted.is_set():
            interrupted.set()
            signal.pthread_kill(main, signal.SIGINT)  # a real Ctrl-C, while the main thread waits for a result

    server.delay, server.on_request = 0.05, ctrl_c_once
    with client_of(server) as client, pytest.raises(KeyboardInterrupt):
        list(client.items.get_many(IDS, concurrency=8))
    assert fan_out_threads() == []


def test_a_failed_call_is_retried_and_the_clients_sleep_function_waits(server: ItemServer) -> None:
    server.fail_first = frozenset({1, 2, 3})
    waits: list[float] = []
    with client_of(server, sleep=waits.append) as client:
        results = list(client.items.get_many([1, 2, 3, 4], concurrency=4))
    assert all(r.ok for r in results)
    assert len(waits) == 3
    assert server.total == 7


def test_an_expired_token_is_refreshed_once_for_all_the_calls(server: ItemServer) -> None:
    server.fresh_token = "access-token-0002"
    with client_of(server, refresh_token="refresh-token-0001") as client:
        results = list(client.items.get_many(range(1, 13), concurrency=6))
    assert (sum(r.ok for r in results), server.refreshes) == (11, 1)


def test_the_calls_on_the_loop_use_the_token_the_store_failed_to_save(server: ItemServer) -> None:
    server.fresh_token = "access-token-0002"
    expired = tbapi.shanjing.TokenRecord(TOKEN, "refresh-token-0001", expires_at=1.0)
    store = RefusingStore(expired, refusals=1_000)  # down: every save fails
    with tbapi.ShanjingClient(base_url=server.url, token_store=store) as client:
        client.items.get(1)  # refreshed ahead; the new token is kept in memory (the store failed to save it)
        results = list(client.items.get_many(range(2, 6), concurrency=2))
    assert (all(r.ok for r in results), server.refreshes) == (True, 1)  # not refreshed again from the store's


def test_a_closed_clients_calls_each_fail_with_the_closed_error(server: ItemServer) -> None:
    client = client_of(server)
    client.close()
    results = list(client.items.get_many([1, 2], concurrency=2))
    assert ([type(r.error) for r in results], server.total) == ([tbapi.ClientStateError] * 2, 0)


def test_a_copy_of_a_closed_clients_calls_each_fail_with_the_closed_error(server: ItemServer) -> None:
    client = client_of(server)
    copy = client.with_options(max_retries=0)
    client.close()
    results = list(copy.items.get_many([1, 2], concurrency=2))
    assert ([type(r.error) for r in results], server.total) == ([tbapi.ClientStateError] * 2, 0)


@pytest.mark.timeout(30)  # proves it cannot hang
def test_max_concurrency_bounds_get_many_and_the_clients_other_calls_together(server: ItemServer) -> None:
    server.delay = 0.05
    with client_of(server, max_concurrency=2) as client:
        bulk = threading.Thread(target=lambda: list(client.items.get_many(IDS[:8], concurrency=8)))
        bulk.start()
        for item_id in IDS[8:12]:
            client.items.get(item_id)
        bulk.join()
    assert (server.total, server.most_at_once) == (12, 2)


def test_products_get_many_runs_on_the_loop_too(server: ItemServer) -> None:
    with client_of(server) as client:
        results = list(client.products.get_many([1, 2, 3], concurrency=3))
    assert sorted((r.item_id, r.item.mp_id if r.item else None) for r in results) == [
        (1, "mp1"),
        (2, "mp2"),
        (3, "mp3"),
    ]


def test_a_copys_options_apply_to_each_call_on_the_loop(server: ItemServer) -> None:
    server.fail_first = frozenset({1})
    with client_of(server) as client:
        results = list(client.with_options(max_retries=0).items.get_many([1, 2], concurrency=2))
    assert sorted((r.item_id, type(r.error)) for r in results) == [(1, tbapi.ServerError), (2, type(None))]


@pytest.mark.timeout(30)  # proves it cannot hang
def test_the_clients_timeout_bounds_each_call_on_the_loop(server: ItemServer) -> None:
    server.delay = 1.0
    with client_of(server, timeout=0.1, max_retries=0) as client:
        results = list(client.items.get_many([1, 2], concurrency=2))
    assert [type(r.error) for r in results] == [tbapi.APITimeoutError] * 2


@pytest.mark.timeout(30)  # proves it cannot hang
def test_a_caller_slower_than_the_calls_still_gets_every_result(server: ItemServer) -> None:
    with client_of(server) as client:
        results = client.items.get_many(IDS[:4], concurrency=8)
        taken = [next(results)]
        until(lambda: fan_out_threads() == [])  # the loop has handed every result over and ended
        taken += list(results)
    assert sorted(r.item_id for r in taken) == IDS[:4]
