"""The sync clients' pool per thread: no connection is shared by two threads (httpcore's shared sync pool can
close one under another thread's request, which then waits for its read timeout), and none outlives its use."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

import tbapi
from tests.cli.item_server import ItemServer, item_server

THREADS = 8
CALLS = 6


@pytest.fixture
def server() -> Iterator[ItemServer]:
    with item_server(delay=0.005) as state:
        yield state


def ids_of(thread: int) -> list[int]:
    return [thread * 100 + n for n in range(1, CALLS + 1)]


def calls_in_threads(client: tbapi.ShanjingClient) -> list[int]:
    """Each thread gets its own ids, one after the other; all threads start together. The ids answered."""
    start = threading.Barrier(THREADS)
    answered: list[int] = []  # a thread's exception is only printed: a failed call must show here

    def work(thread: int) -> None:
        start.wait()
        for item_id in ids_of(thread):
            if client.items.get(item_id).tb_item_id == item_id:
                answered.append(item_id)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return answered


@pytest.mark.timeout(30)  # proves it cannot hang
def test_threads_never_share_a_connection(server: ItemServer) -> None:
    with tbapi.ShanjingClient(access_token="t" * 16, base_url=server.url) as client:
        answered = calls_in_threads(client)
    assert sorted(answered) == sorted(item_id for n in range(THREADS) for item_id in ids_of(n))
    threads_of_port: dict[int, set[int]] = {}
    for item_id, port in server.ports.items():
        threads_of_port.setdefault(port, set()).add(item_id // 100)
    assert all(len(threads) == 1 for threads in threads_of_port.values())


@pytest.mark.timeout(30)  # proves it cannot hang
def test_a_threads_calls_reuse_its_connection(server: ItemServer) -> None:
    with tbapi.ShanjingClient(access_token="t" * 16, base_url=server.url) as client:
        calls_in_threads(client)
    assert all(len({server.ports[item_id] for item_id in ids_of(n)}) == 1 for n in range(THREADS))
