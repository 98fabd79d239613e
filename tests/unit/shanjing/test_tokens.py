"""Token lifecycle: refresh once (single-flight) then replay once, ahead of expiry, stores, secrets."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx
import pytest

import tbapi
from tbapi._logs import redact
from tbapi.shanjing import FileTokenStore, InMemoryTokenStore, TokenRecord

from .conftest import (
    FRESH,
    FRESH_REFRESH,
    REFRESH,
    TOKEN,
    FakeShanjing,
    bearer,
    fail,
    for_the_fresh_token,
    make_async_client,
    make_client,
    ok,
    token_answer,
)

GET = "/rest/taobao-global/traffic/item/get"
REFRESH_PATH = "/auth/token/refresh"
ITEM = {"tbItemId": 689542173310, "title": "shirt"}


item_for_fresh_token = for_the_fresh_token(ITEM)


def slow_refresh(request: httpx.Request) -> httpx.Response:
    time.sleep(0.1)  # long enough for every thread to fail with the old token first
    return token_answer()


def test_expired_token_refreshes_once_then_replays_the_call(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, token_answer())
    client = make_client(fake, refresh_token=REFRESH)

    item = client.items.get(689542173310)

    assert item.tb_item_id == 689542173310
    assert [(r.url.path.rsplit("/", 1)[-1], bearer(r)) for r in fake.requests] == [
        ("get", TOKEN),
        ("refresh", TOKEN),
        ("get", FRESH),
    ]
    assert fake.requests[1].url.params["refresh_token"] == REFRESH
    assert client.token is not None
    assert client.token.refresh_token == FRESH_REFRESH


def test_http_401_also_triggers_the_refresh(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, lambda r: ok(ITEM) if bearer(r) == FRESH else httpx.Response(401, json={"title": "Unauthorized"}))
    fake.route(REFRESH_PATH, token_answer())

    item = make_client(fake, refresh_token=REFRESH).items.get(1)

    assert item.title == "shirt"
    assert len(fake.calls(REFRESH_PATH)) == 1


def test_fifty_threads_on_an_expired_token_make_one_refresh_and_all_succeed(
    fake: FakeShanjing, no_sleep: list[float]
) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, slow_refresh)
    client = make_client(fake, refresh_token=REFRESH)
    barrier = threading.Barrier(50)
    results: list[object] = []
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait()
        try:
            results.append(client.items.get(689542173310).tb_item_id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results == [689542173310] * 50
    assert len(fake.calls(REFRESH_PATH)) == 1
    stale = [r for r in fake.calls(GET) if bearer(r) == TOKEN]
    assert len(stale) > 1  # the threads really did hit the expired token concurrently
    assert len(fake.calls(GET)) == 50 + len(stale)  # each failed call replayed exactly once


async def test_two_hundred_tasks_on_an_expired_token_make_one_refresh_and_all_succeed(
    no_sleep: list[float],
) -> None:
    refreshes = 0
    stale = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal refreshes, stale
        if request.url.path.endswith(REFRESH_PATH):
            refreshes += 1
            await asyncio.sleep(0.05)
            return token_answer()
        if bearer(request) != FRESH:
            stale += 1
            return fail("IllegalAccessToken")
        return ok(ITEM)

    async with make_async_client(handler, refresh_token=REFRESH) as client:
        results = await asyncio.gather(*(client.items.get(689542173310) for _ in range(200)))

    assert [r.tb_item_id for r in results] == [689542173310] * 200
    assert refreshes == 1
    assert stale == 200


def test_a_failed_refresh_raises_authentication_error(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, httpx.Response(200, json={"error_code": "InvalidParameter", "errorMsg": "expired"}))

    with pytest.raises(tbapi.AuthenticationError, match="Refreshing the access token failed") as caught:
        make_client(fake, refresh_token=REFRESH).items.get(1)

    assert caught.value.code == "InvalidParameter"
    assert len(fake.calls(GET)) == 1  # no replay after a failed refresh


def test_without_a_refresh_token_an_expired_token_raises_at_once(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, item_for_fresh_token)

    with pytest.raises(tbapi.AuthenticationError) as caught:
        make_client(fake).items.get(1)

    assert caught.value.code == "IllegalAccessToken"
    assert fake.calls(REFRESH_PATH) == []


def test_an_explicit_refresh_without_a_refresh_token_says_so_and_sends_nothing(
    fake: FakeShanjing, no_sleep: list[float]
) -> None:
    with pytest.raises(tbapi.AuthenticationError) as caught:
        make_client(fake).auth.refresh()

    assert caught.value.message.startswith("There is no refresh token to refresh with: pass refresh_token=")
    assert fake.calls(REFRESH_PATH) == []


def test_the_call_is_replayed_only_once(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, fail("IllegalAccessToken"))
    fake.route(REFRESH_PATH, token_answer())

    with pytest.raises(tbapi.AuthenticationError):
        make_client(fake, refresh_token=REFRESH).items.get(1)

    assert len(fake.calls(GET)) == 2
    assert len(fake.calls(REFRESH_PATH)) == 1


def test_the_token_is_refreshed_ahead_of_its_expiry(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, token_answer())
    store = InMemoryTokenStore(TokenRecord(TOKEN, REFRESH, expires_at=time.time() + 30, obtained_at=time.time() - 3600))
    client = make_client(fake, access_token=None, token_store=store)

    client.items.get(1)

    assert [r.url.path.rsplit("/", 1)[-1] for r in fake.requests] == ["refresh", "get"]
    assert bearer(fake.requests[1]) == FRESH


def test_a_failed_refresh_ahead_keeps_using_the_still_valid_token(
    fake: FakeShanjing, no_sleep: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    fake.route(GET, ok(ITEM))
    fake.route(REFRESH_PATH, httpx.Response(503))
    store = InMemoryTokenStore(TokenRecord(TOKEN, REFRESH, expires_at=time.time() + 30, obtained_at=time.time() - 3600))
    client = make_client(fake, access_token=None, token_store=store, max_retries=0)

    with caplog.at_level(logging.WARNING, logger="tbapi"):
        assert client.items.get(1).title == "shirt"
        client.items.get(1)

    assert bearer(fake.calls(GET)[0]) == TOKEN
    assert len(fake.calls(REFRESH_PATH)) == 1  # paused after the failure, not retried on every call
    assert "ahead of expiry failed" in caplog.text


def test_a_refresh_token_alone_gets_an_access_token_before_the_first_call(
    fake: FakeShanjing, no_sleep: list[float]
) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, token_answer())

    make_client(fake, access_token=None, refresh_token=REFRESH).items.get(1)

    assert [r.url.path.rsplit("/", 1)[-1] for r in fake.requests] == ["refresh", "get"]


def test_create_token_exchanges_the_code_and_the_client_uses_the_new_token(
    fake: FakeShanjing, no_sleep: list[float]
) -> None:
    fake.route("/auth/token/create", token_answer())
    fake.route(GET, item_for_fresh_token)
    client = make_client(fake)

    record = client.auth.create_token("0_501419_code")

    assert (record.access_token, record.refresh_token) == (FRESH, FRESH_REFRESH)
    assert record.expires_at is not None
    assert record.expires_at > time.time() + 3000
    assert fake.requests[0].url.params["code"] == "0_501419_code"
    assert client.items.get(1).title == "shirt"
    assert bearer(fake.requests[-1]) == FRESH


def test_auth_refresh_refreshes_now_with_the_clients_refresh_token(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(REFRESH_PATH, token_answer())
    client = make_client(fake, refresh_token=REFRESH)

    record = client.auth.refresh()

    assert record.access_token == FRESH
    assert fake.requests[0].url.params["refresh_token"] == REFRESH
    assert client.token == record


def test_auth_refresh_failure_raises_authentication_error(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(REFRESH_PATH, httpx.Response(200, json={"errorCode": "InvalidParameter", "errorMsg": "bad"}))

    with pytest.raises(tbapi.AuthenticationError):
        make_client(fake).auth.refresh(refresh_token="some-refresh-token")


def test_new_tokens_are_redacted_from_messages(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(REFRESH_PATH, token_answer(access="brand-new-access-token", refresh="brand-new-refresh-token"))

    make_client(fake, refresh_token=REFRESH).auth.refresh()

    assert "brand-new" not in redact("token brand-new-access-token and brand-new-refresh-token")


def test_reprs_never_show_a_token(fake: FakeShanjing, no_sleep: list[float]) -> None:
    client = make_client(fake, refresh_token=REFRESH)

    shown = repr(client) + repr(client.token) + str(client.token) + repr(client.items) + repr(client.token_store)

    assert TOKEN not in shown
    assert REFRESH not in shown
    assert "ShanjingClient(base_url='https://shanjing.test'" in shown


def test_a_token_already_in_the_store_wins_over_the_arguments(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, ok(ITEM))
    store = InMemoryTokenStore(TokenRecord(FRESH, FRESH_REFRESH))

    make_client(fake, token_store=store).items.get(1)

    assert bearer(fake.requests[0]) == FRESH


# ------------------------------------------------------------------------------------ file store


def test_file_store_writes_atomically_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)

    store.save(TokenRecord(TOKEN, REFRESH, expires_at=1.0))

    assert json.loads(path.read_text())["access_token"] == TOKEN
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name != "tokens.json.lock"] == ["tokens.json"]
    assert FileTokenStore(path).load() == TokenRecord(TOKEN, REFRESH, expires_at=1.0)


def test_file_store_refuses_a_file_that_is_not_a_token_file(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text("[1, 2]")

    with pytest.raises(tbapi.ValidationError) as caught:
        FileTokenStore(path).load()
    assert caught.value.param == "token_store"


def test_file_store_shared_by_two_store_instances_refreshes_once(
    fake: FakeShanjing, no_sleep: list[float], tmp_path: Path
) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, slow_refresh)
    path = tmp_path / "tokens.json"
    first = make_client(fake, refresh_token=REFRESH, token_store=FileTokenStore(path))
    second = make_client(fake, refresh_token=REFRESH, token_store=FileTokenStore(path))
    errors: list[BaseException] = []

    def call(client: tbapi.ShanjingClient) -> None:
        try:
            client.items.get(1)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=call, args=(c,)) for c in (first, second, first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(fake.calls(REFRESH_PATH)) == 1
    assert second.token is not None
    assert second.token.access_token == FRESH


def test_a_token_refreshed_by_another_store_instance_is_used_without_a_refresh(
    fake: FakeShanjing, no_sleep: list[float], tmp_path: Path
) -> None:
    fake.route(GET, item_for_fresh_token)
    fake.route(REFRESH_PATH, token_answer())
    path = tmp_path / "tokens.json"
    first = make_client(fake, refresh_token=REFRESH, token_store=FileTokenStore(path))
    second = make_client(fake, refresh_token=REFRESH, token_store=FileTokenStore(path))

    first.auth.refresh()
    second.items.get(1)

    assert len(fake.calls(REFRESH_PATH)) == 1
    assert bearer(fake.calls(GET)[0]) == FRESH


PROCESS_SCRIPT = textwrap.dedent(
    """
    import sys, time, httpx, fcntl
    import tbapi
    from tbapi.shanjing import FileTokenStore

    store_path, counter_path, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])

    def handler(request):
        if request.url.path.endswith("/auth/token/refresh"):
            with open(counter_path, "a") as counter:
                fcntl.flock(counter, fcntl.LOCK_EX)
                counter.write("refresh\\n")
            time.sleep(0.3)
            return httpx.Response(200, json={"access_token": "process-fresh-token", "expires_in": 3600})
        if request.headers.get("Authorization") == "Bearer process-fresh-token":
            return httpx.Response(200, json={"errorCode": None, "data": {"tbItemId": 1}})
        return httpx.Response(200, json={"errorCode": "IllegalAccessToken", "data": None})

    client = tbapi.ShanjingClient(
        base_url="https://shanjing.test",
        access_token="stale-token",
        refresh_token="the-refresh-token",
        token_store=FileTokenStore(store_path),
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    time.sleep(max(0.0, start_at - time.time()))
    print(client.items.get(1).tb_item_id)
    """
)


def test_file_store_shared_by_two_processes_refreshes_once(tmp_path: Path) -> None:
    script = tmp_path / "worker.py"
    script.write_text(PROCESS_SCRIPT)
    store, counter = tmp_path / "tokens.json", tmp_path / "refreshes.txt"
    FileTokenStore(store).save(TokenRecord("stale-token", "the-refresh-token"))
    start_at = str(time.time() + 2.0)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}

    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(store), str(counter), start_at],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = [w.communicate(timeout=30) for w in workers]

    assert [w.returncode for w in workers] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [b"1", b"1"]
    assert counter.read_text().splitlines() == ["refresh"]
    record = FileTokenStore(store).load()
    assert record is not None
    assert (record.access_token, record.refresh_token) == ("process-fresh-token", "the-refresh-token")


class RemoteStore:
    """A store that may wait on the network (not one tbapi knows to be local): notes where each load ran."""

    def __init__(self, record: TokenRecord) -> None:
        self._tokens = InMemoryTokenStore(record)
        self.loads_on_the_loop: list[bool] = []
        self.saves_on_the_loop: list[bool] = []
        self.lock = self._tokens.lock

    def load(self) -> TokenRecord | None:
        self.loads_on_the_loop.append(on_a_loop())
        return self._tokens.load()

    def save(self, record: TokenRecord) -> None:
        self.saves_on_the_loop.append(on_a_loop())
        self._tokens.save(record)


def on_a_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop in this thread: a worker thread
        return False
    return True


async def test_the_async_client_reads_a_remote_store_off_its_event_loop(no_sleep: list[float]) -> None:
    store = RemoteStore(TokenRecord(access_token=FRESH))

    async def handler(request: httpx.Request) -> httpx.Response:
        return ok(ITEM) if bearer(request) == FRESH else fail("IllegalAccessToken")

    async with make_async_client(handler, access_token=None, token_store=store) as client:
        await asyncio.gather(*(client.items.get(689542173310) for _ in range(3)))
    assert set(store.loads_on_the_loop) == {False}  # read (at least once), never on the loop


def due_soon_behind_a_held_lock() -> RemoteStore:
    """A remote store whose token is due for a refresh ahead (it expires in a minute) and whose lock the test
    holds: a refresh ahead times out on the lock and goes on with the token."""
    return RemoteStore(TokenRecord(access_token=TOKEN, refresh_token=REFRESH, expires_at=time.time() + 60))


def only_the_current_token(request: httpx.Request) -> httpx.Response:
    assert not request.url.path.endswith(REFRESH_PATH)  # the lock was not had: nobody may refresh
    return ok(ITEM) if bearer(request) == TOKEN else fail("IllegalAccessToken")


def test_a_refresh_ahead_that_cannot_have_the_lock_goes_on_with_the_current_token(no_sleep: list[float]) -> None:
    store = due_soon_behind_a_held_lock()
    with (
        store.lock(),
        make_client(only_the_current_token, access_token=None, token_store=store, timeout=0.05) as client,
    ):
        assert client.items.get(689542173310).tb_item_id == ITEM["tbItemId"]


async def test_a_refresh_ahead_that_cannot_have_the_lock_reads_the_store_off_the_event_loop(
    no_sleep: list[float],
) -> None:
    store = due_soon_behind_a_held_lock()
    async with make_async_client(only_the_current_token, access_token=None, token_store=store, timeout=0.05) as client:
        with store.lock():
            item = await client.items.get(689542173310)
    assert (item.tb_item_id, set(store.loads_on_the_loop)) == (ITEM["tbItemId"], {False})


class WatchedFileStore(FileTokenStore):
    """A token file that notes whether each read ran on an event loop."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.loads_on_the_loop: list[bool] = []

    def load(self) -> TokenRecord | None:
        self.loads_on_the_loop.append(on_a_loop())
        return super().load()


async def test_the_async_client_never_reads_a_token_file_on_its_event_loop(
    no_sleep: list[float], tmp_path: Path
) -> None:
    store = WatchedFileStore(tmp_path / "tokens.json")
    store.save(TokenRecord(access_token=FRESH))

    async def handler(request: httpx.Request) -> httpx.Response:
        return ok(ITEM) if bearer(request) == FRESH else fail("IllegalAccessToken")

    async with make_async_client(handler, access_token=None, token_store=store) as client:
        await asyncio.gather(*(client.items.get(689542173310) for _ in range(3)))
    assert store.loads_on_the_loop != []
    assert set(store.loads_on_the_loop) == {False}


async def test_the_async_client_refreshes_a_remote_store_off_its_event_loop(no_sleep: list[float]) -> None:
    store = RemoteStore(TokenRecord(access_token=TOKEN, refresh_token=REFRESH))

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(REFRESH_PATH):
            return token_answer()
        return ok(ITEM) if bearer(request) == FRESH else fail("IllegalAccessToken")

    async with make_async_client(handler, access_token=None, token_store=store) as client:
        await client.items.get(689542173310)
    assert set(store.loads_on_the_loop) == {False}  # read (at least once), never on the loop
    assert store.saves_on_the_loop == [False]
