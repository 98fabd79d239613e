"""`tbapi.shanjing.RedisTokenStore` against a real Redis: the record, the lock and its lease, one refresh for a fleet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import tbapi
from tbapi.shanjing import RedisTokenStore, TokenRecord


def test_a_saved_record_loads_back(redis_url: str, key: str) -> None:
    record = TokenRecord("access-1", "refresh-1", expires_at=123.0)
    RedisTokenStore(redis_url, key=key).save(record)
    assert RedisTokenStore(redis_url, key=key).load() == record


def test_an_empty_key_loads_nothing(redis_url: str, key: str) -> None:
    assert RedisTokenStore(redis_url, key=key).load() is None


def test_the_record_lives_in_the_token_namespace(redis_url: str, key: str) -> None:
    import redis

    RedisTokenStore(redis_url, key=key).save(TokenRecord("access-1"))
    assert redis.Redis.from_url(redis_url).keys(f"*{key}*") == [f"tbapi:token:{key}".encode()]


def test_a_token_stored_by_a_release_before_the_namespace_is_moved_under_it(redis_url: str, key: str) -> None:
    import redis

    server = redis.Redis.from_url(redis_url)
    record = TokenRecord("access-old", "refresh-old", expires_at=123.0)
    server.set(key, json.dumps(record.to_json()))  # where tbapi kept it before `tbapi:token:<key>`
    assert RedisTokenStore(redis_url, key=key).load() == record
    assert (server.exists(f"tbapi:token:{key}"), server.exists(key)) == (1, 0)  # moved: never found twice


@pytest.mark.parametrize("old", [b'{"not": "a token"}', b"42"], ids=["a-json-value", "a-number"])
def test_an_old_key_holding_no_token_is_left_alone(redis_url: str, key: str, old: bytes) -> None:
    import redis

    server = redis.Redis.from_url(redis_url)
    server.set(key, old)  # the user's own value under the same name
    server.hset(f"{key}:hash", "field", "value")
    assert RedisTokenStore(redis_url, key=key).load() is None
    assert RedisTokenStore(redis_url, key=f"{key}:hash").load() is None  # another type: no WRONGTYPE error
    assert (server.get(key), server.exists(f"tbapi:token:{key}")) == (old, 0)


def test_a_token_under_the_namespace_wins_over_an_old_key(redis_url: str, key: str) -> None:
    import redis

    server = redis.Redis.from_url(redis_url)
    server.set(key, json.dumps(TokenRecord("access-old").to_json()))
    RedisTokenStore(redis_url, key=key).save(TokenRecord("access-new"))
    assert RedisTokenStore(redis_url, key=key).load() == TokenRecord("access-new")
    assert server.exists(key) == 1  # not looked at: the new key was there


def test_a_key_holding_something_else_is_a_validation_error_naming_redis_and_the_key(redis_url: str, key: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).set(f"tbapi:token:{key}", b'{"not": "a token"}')
    with pytest.raises(tbapi.ValidationError) as raised:
        RedisTokenStore(redis_url, key=key).load()
    assert raised.value.param == "token_store"
    assert f"tbapi:token:{key}" in raised.value.message
    assert redis_url.removeprefix("redis://") in raised.value.message


def test_the_lock_keeps_out_a_second_holder_until_its_wait_runs_out(redis_url: str, key: str) -> None:
    with RedisTokenStore(redis_url, key=key).lock(), pytest.raises(tbapi.LockTimeoutError) as raised:  # noqa: SIM117
        with RedisTokenStore(redis_url, key=key).lock(timeout=0.2):
            pass
    assert key in raised.value.lock


def test_the_lock_is_free_again_once_released(redis_url: str, key: str) -> None:
    store = RedisTokenStore(redis_url, key=key)
    with store.lock(timeout=1):
        pass
    with store.lock(timeout=0):
        pass


LOCK_HOLDER = textwrap.dedent(
    """
    import sys, time
    from tbapi.shanjing import RedisTokenStore

    with RedisTokenStore(sys.argv[1], key=sys.argv[2], lease=0.3).lock():
        print("locked", flush=True)
        time.sleep(60)
    """
)


def test_a_killed_holders_lock_expires_with_its_lease(redis_url: str, key: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, redis_url, key], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        holder.kill()  # SIGKILL inside its refresh: nothing renews the lease any more, nothing releases the lock
        holder.wait(10)
        with RedisTokenStore(redis_url, key=key).lock(timeout=10) as held:
            assert held is not None
    finally:
        holder.kill()
        holder.wait(10)


def test_a_holders_lease_is_renewed_while_it_holds_the_lock(redis_url: str, key: str) -> None:
    """Three leases later, a second holder still waits in vain: the first one's lease was renewed."""
    holder = RedisTokenStore(redis_url, key=key, lease=0.2)
    with holder.lock(), pytest.raises(tbapi.LockTimeoutError):  # noqa: SIM117
        with RedisTokenStore(redis_url, key=key).lock(timeout=0.6):
            pass


def test_the_lock_can_be_left_in_another_thread(redis_url: str, key: str) -> None:
    """The async client enters the store lock in a worker thread and leaves it in the event loop's."""
    store = RedisTokenStore(redis_url, key=key)
    lock = store.lock(timeout=1)
    entering = threading.Thread(target=lock.__enter__)
    entering.start()
    entering.join()
    lock.__exit__(None, None, None)
    with store.lock(timeout=0):
        pass


def test_an_unreachable_redis_is_a_connection_error_naming_redis(dead_redis_url: str, key: str) -> None:
    with pytest.raises(tbapi.APIConnectionError, match=r"Redis at 127\.0\.0\.1"):
        RedisTokenStore(dead_redis_url, key=key).load()


def test_the_redis_password_is_in_no_repr_and_no_error(dead_redis_url: str, key: str) -> None:
    url = dead_redis_url.replace("redis://", "redis://user:redis-pass-5ecret@")
    store = RedisTokenStore(url, key=key)
    with pytest.raises(tbapi.APIConnectionError) as raised:
        store.load()
    assert "redis-pass-5ecret" not in repr(store) + str(raised.value)


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [({"url": "http://redis", "key": "k"}, "url"), ({"key": ""}, "key"), ({"key": "k", "lease": 0}, "lease")],
)
def test_bad_settings_are_validation_errors(redis_url: str, kwargs: dict[str, object], param: str) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        RedisTokenStore(**{"url": redis_url, **kwargs})  # type: ignore[arg-type]
    assert raised.value.param == param


FLEET_WORKER = textwrap.dedent(
    """
    import asyncio, fcntl, sys, time, httpx
    import tbapi
    from tbapi.shanjing import RedisTokenStore

    redis_url, key, counter_path, start_at = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])

    def handler(request):
        if request.url.path.endswith("/auth/token/refresh"):
            with open(counter_path, "a") as counter:
                fcntl.flock(counter, fcntl.LOCK_EX)
                counter.write("refresh\\n")
            time.sleep(0.3)  # a slow refresh: every other worker meets the held lock
            return httpx.Response(200, json={"access_token": "fleet-fresh-token", "expires_in": 3600})
        if request.headers.get("Authorization") == "Bearer fleet-fresh-token":
            return httpx.Response(200, json={"errorCode": None, "data": {"tbItemId": 7}})
        return httpx.Response(200, json={"errorCode": "IllegalAccessToken", "data": None})

    async def main():
        async with tbapi.AsyncShanjingClient(
            base_url="https://shanjing.test",
            token_store=RedisTokenStore(redis_url, key=key),
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        ) as client:
            await asyncio.sleep(max(0.0, start_at - time.time()))
            items = await asyncio.gather(*(client.items.get(7) for _ in range(8)))
            print(sorted({item.tb_item_id for item in items}))

    asyncio.run(main())
    """
)


def test_four_processes_of_eight_tasks_on_an_expired_token_refresh_once(
    redis_url: str, key: str, tmp_path: Path
) -> None:
    import time

    script, counter = tmp_path / "worker.py", tmp_path / "refreshes.txt"
    script.write_text(FLEET_WORKER)
    RedisTokenStore(redis_url, key=key).save(TokenRecord("stale-token", "the-refresh-token"))
    start_at = str(time.time() + 2.0)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), redis_url, key, str(counter), start_at],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    outputs = [w.communicate(timeout=60) for w in workers]

    assert [w.returncode for w in workers] == [0, 0, 0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [b"[7]"] * 4
    assert counter.read_text().splitlines() == ["refresh"]
    record = RedisTokenStore(redis_url, key=key).load()
    assert record is not None
    assert (record.access_token, record.refresh_token) == ("fleet-fresh-token", "the-refresh-token")


def test_a_store_emptied_before_a_refresh_is_an_error_about_the_store(redis_url: str, key: str) -> None:
    import httpx
    import redis

    store = RedisTokenStore(redis_url, key=key)

    def service(request: httpx.Request) -> httpx.Response:
        redis.Redis.from_url(redis_url).delete(f"tbapi:token:{key}")  # flushed while the call was out
        return httpx.Response(200, json={"errorCode": "IllegalAccessToken", "data": None})

    http = httpx.Client(transport=httpx.MockTransport(service))
    with (
        http,
        tbapi.ShanjingClient(
            access_token="a-token", refresh_token="r-token", token_store=store, http_client=http
        ) as client,
        pytest.raises(tbapi.AuthenticationError, match="holds no token any more") as raised,
    ):
        client.items.get(7)
    assert key in raised.value.message
