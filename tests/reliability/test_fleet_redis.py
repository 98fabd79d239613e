"""Fleets on one real Redis (the bundled redis-server): no stored state or key disables them.

A token store and a rate limit given the same key work side by side; a key holding
another Redis type, or a rate limit or token record no tbapi wrote, is a `ValidationError` naming Redis and the
key (never a connection error, never another exception); an absurd stored pause or pace is forgotten, not
waited for; a token store that comes back empty is an error about the store. Five processes starting
together on one rate limit keep its rate in every sliding second (arrivals timed at the fault server); a
refresh slower than the lock's lease keeps the lock (one refresh, not two); a limiter shared by clients on
many event loops holds a bounded number of Redis connections.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
import redis

import tbapi
from tbapi._support.redis import MAX_CONNECTIONS
from tbapi.shanjing import RedisTokenStore
from tests.reliability.conftest import REFRESHED, async_shanjing_client, shanjing_client
from tests.reliability.fault_server import Delayed, FaultServer, Plan, json_answer
from tests.reliability.one_call import ITEM_ID, client_of, one_call, settled
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example
from tests.reliability.trial import Trial, trial

pytestmark = pytest.mark.timeout(60)

ITEM = "/rest/taobao-global/traffic/item/get"
REFRESH = "/rest/taobao-global/auth/token/refresh"
OK = json_answer(example("shanjing", "getItem"))
EXPIRED = json_answer(example("shanjing", "getItem", "expiredToken"))
BOUND_S = 2.0  # a hang guard: each call here is a loopback round trip and a few Redis ones
FLAVOURS = ["sync", "async"]


@pytest.fixture
def outcome(outcome: Record) -> Record:
    return with_fields(outcome, area="fleet", api="Shanjing")


@pytest.fixture
def bounded_outcome(outcome: Record) -> Record:
    """The rows of single calls, each bounded by `BOUND_S` (a hang guard)."""
    return with_fields(outcome, bound_s=BOUND_S)


@pytest.fixture
def raw(redis_url: str) -> redis.Redis:
    """A plain redis-py client on the test's Redis: what another program (or a corruption) writes."""
    return redis.Redis.from_url(redis_url)


def rate_limit_key(key: str) -> str:
    return f"tbapi:ratelimit:{key}"


def token_key(key: str) -> str:
    return f"tbapi:token:{key}"


async def get_item(call: str, flavour: str, plan: Plan, **options: Any) -> Trial:
    """`items.get` on a sync or an async client made with `options`, as the call named `call`."""
    return await trial(call, plan, partial(one_call, "Shanjing", flavour, plan, **options))


# --- one key for the token store and the rate limit ------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_token_store_and_a_rate_limit_on_the_same_key_work_together(
    fault_server: FaultServer, redis_url: str, key: str, flavour: str, bounded_outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [OK]})
    store = RedisTokenStore(redis_url, key=key)
    limiter = tbapi.RateLimiter(20, redis_url=redis_url, key=key)
    get = await get_item(f"items.get ({flavour})", flavour, plan, token_store=store, rate_limit=limiter)
    observed = "success" if get.error is None else repr(get.error)
    bounded_outcome(
        fault="RedisTokenStore and RateLimiter given one key", expected="success", observed=observed, **get.row
    )
    assert get.result.tb_item_id == ITEM_ID
    assert get.elapsed < BOUND_S


# --- keys and records tbapi cannot use ---------------------------------------------------------------------

FOREIGN: list[tuple[str, Callable[[redis.Redis, str], object], str]] = [
    ("rate limit key holds a string", lambda r, k: r.set(rate_limit_key(k), "someone else's"), "rate_limit"),
    ("rate limit key holds a list", lambda r, k: r.rpush(rate_limit_key(k), "x"), "rate_limit"),
    (
        "rate limit field next_at is not a number",
        lambda r, k: r.hset(rate_limit_key(k), "next_at", "soon"),
        "rate_limit",
    ),
    (
        "rate limit field paused_until is inf",
        lambda r, k: r.hset(rate_limit_key(k), "paused_until", "1e400"),
        "rate_limit",
    ),
    ("rate limit field w_max is not a number", lambda r, k: r.hset(rate_limit_key(k), "w_max", "fast"), "rate_limit"),
    ("token key holds a hash", lambda r, k: r.delete(token_key(k)) + r.hset(token_key(k), "a", "x"), "token_store"),
    ("token key holds no JSON", lambda r, k: r.set(token_key(k), b'{"access_token": '), "token_store"),
    ("token record of the wrong shape", lambda r, k: r.set(token_key(k), b'{"access_token": 7}'), "token_store"),
    (
        "token record expiring 'soon'",
        lambda r, k: r.set(token_key(k), b'{"access_token": "a", "expires_at": "soon"}'),
        "token_store",
    ),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("name", "write", "param"), FOREIGN, ids=[f[0] for f in FOREIGN])
async def test_a_key_tbapi_cannot_use_is_a_validation_error_naming_redis_and_the_key(
    fault_server: FaultServer,
    redis_url: str,
    key: str,
    raw: redis.Redis,
    name: str,
    write: Callable[[redis.Redis, str], object],
    param: str,
    flavour: str,
    bounded_outcome: Record,
) -> None:
    store = RedisTokenStore(redis_url, key=key)
    limiter = tbapi.RateLimiter(20, redis_url=redis_url, key=key)
    plan = fault_server.plan({ITEM: [OK]})
    with shanjing_client(plan.url, token_store=store):  # the store seeded with the suite's tokens
        pass
    write(raw, key)
    get = await get_item(f"items.get ({flavour})", flavour, plan, token_store=store, rate_limit=limiter)
    error = get.error
    expected = f"ValidationError({param}) naming Redis and the key; nothing sent"
    bounded_outcome(fault=name, expected=expected, observed=repr(error)[:160], **get.row)
    assert isinstance(error, tbapi.ValidationError), repr(error)
    assert error.param == param
    assert key in error.message
    assert redis_url.removeprefix("redis://") in error.message
    assert plan.count() == 0
    assert get.elapsed < BOUND_S


ABSURD_STATE = [
    ("a pause until the year 30000", {"paused_until": str(900_000_000_000 * 10**6)}),
    ("a pace a year ahead", {"next_at": str((time.time() + 365 * 86_400) * 10**6)}),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("name", "fields"), ABSURD_STATE, ids=[a[0] for a in ABSURD_STATE])
async def test_an_absurd_stored_rate_limit_is_forgotten_not_waited_for(
    fault_server: FaultServer,
    redis_url: str,
    key: str,
    raw: redis.Redis,
    name: str,
    fields: dict[str, str],
    flavour: str,
    bounded_outcome: Record,
) -> None:
    for field, value in fields.items():
        raw.hset(rate_limit_key(key), field, value)
    plan = fault_server.plan({ITEM: [OK]})
    limiter = tbapi.RateLimiter(20, redis_url=redis_url, key=key)
    call = f"items.get of a fresh process ({flavour}, max_retry_after=inf)"
    get = await get_item(call, flavour, plan, rate_limit=limiter, max_retry_after=float("inf"))
    observed = "success" if get.error is None else repr(get.error)
    bounded_outcome(fault=f"stored rate limit: {name}", expected="success at once", observed=observed, **get.row)
    assert get.error is None
    assert plan.count() == 1
    assert get.elapsed < BOUND_S


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_an_absurd_ban_pauses_the_redis_rate_limit_at_most_the_ceiling(
    fault_server: FaultServer, redis_url: str, key: str, raw: redis.Redis, flavour: str, bounded_outcome: Record
) -> None:
    too_many = json_answer({"message": "slow down"}, 429, {"Retry-After": "1e400"})
    plan = fault_server.plan({ITEM: [too_many]})
    limiter = tbapi.RateLimiter(20, redis_url=redis_url, key=key)
    call = f"items.get, then another process's ({flavour})"
    first = (await get_item(call, flavour, plan, rate_limit=limiter, max_retries=0)).error
    other = await get_item(call, flavour, plan, rate_limit=tbapi.RateLimiter(20, redis_url=redis_url, key=key))
    second, elapsed = other.error, other.elapsed
    paused_until = float(raw.hget(rate_limit_key(key), "paused_until") or 0) / 1e6
    redis_now = float(raw.time()[0])
    bounded_outcome(
        fault="HTTP 429 Retry-After: 1e400, on a Redis RateLimiter",
        expected="RateLimitError; the rate limit paused at most 300 s; the other process raises at once",
        observed=f"{type(first).__name__}, then {type(second).__name__}; paused {paused_until - redis_now:.0f} s",
        **other.row,
    )
    assert isinstance(first, tbapi.RateLimitError)
    assert isinstance(second, tbapi.RateLimitError)
    assert second.retry_after is not None
    assert second.retry_after <= 300
    assert 0 < paused_until - redis_now <= 301
    assert plan.count() == 1
    assert elapsed < BOUND_S


# --- a token store that comes back empty ---------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_token_store_that_comes_back_empty_is_an_error_about_the_store(
    fault_server: FaultServer, redis_url: str, key: str, raw: redis.Redis, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [OK]})
    store = RedisTokenStore(redis_url, key=key)
    async with client_of("Shanjing", flavour, plan, token_store=store) as client:
        await settled(client.items.get(ITEM_ID))
        raw.delete(token_key(key))  # flushed, expired or deleted by someone else
        again = await trial(f"items.get twice ({flavour})", plan, lambda: client.items.get(ITEM_ID))
    error = again.error
    expected = "AuthenticationError about the store (not a ValidationError of the arguments); nothing sent"
    outcome(
        fault="the Redis token record deleted between two calls",
        expected=expected,
        observed=repr(error)[:160],
        **again.row,
    )
    assert type(error) is tbapi.AuthenticationError
    assert "token store" in error.message
    assert key in error.message
    assert plan.count() == 1


# --- rates pacing cannot keep --------------------------------------------------------------------------

BAD_LIMITS: list[tuple[dict[str, Any], str]] = [
    ({"rate": 1e-9}, "rate"),
    ({"rate": 1e-300}, "rate"),
    ({"rate": 1e12}, "rate"),
    ({"rate": float("inf")}, "rate"),
    ({"rate": float("nan")}, "rate"),
    ({"rate": 10, "burst": 10**12}, "burst"),
]


@pytest.mark.parametrize(("kwargs", "param"), BAD_LIMITS, ids=[repr(b[0]) for b in BAD_LIMITS])
def test_a_rate_pacing_cannot_keep_is_a_validation_error(
    redis_url: str, key: str, kwargs: dict[str, Any], param: str, outcome: Record
) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        tbapi.RateLimiter(**kwargs, redis_url=redis_url, key=key)
    outcome(
        area="rate limit",
        fault=f"RateLimiter({kwargs})",
        api="both",
        call="RateLimiter()",
        expected=f"ValidationError({param})",
        observed=f"ValidationError({raised.value.param})",
    )
    assert raised.value.param == param


# --- a fleet's start -------------------------------------------------------------------------------------

PROCESSES, CALLS, RATE = 5, 4, 10


def most_in_one_second(arrivals: list[float]) -> int:
    """The most arrivals within any second (a sliding window that starts at each arrival)."""
    times = sorted(arrivals)
    return max(sum(1 for later in times if at <= later < at + 1.0) for at in times)


def test_processes_starting_together_on_one_rate_limit_keep_its_rate_in_every_second(
    fault_server: FaultServer, redis_url: str, key: str, outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [OK]})
    start_at = time.time() + 2.5  # every process imported and its client made by then
    argv = [sys.executable, "-m", "tests.reliability.fleet_worker", plan.url, redis_url, key, str(RATE), str(CALLS)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    workers = [
        subprocess.Popen([*argv, str(start_at)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(PROCESSES)
    ]
    outputs = [worker.communicate(timeout=45) for worker in workers]
    arrivals = [hit.at for hit in plan.hits]
    most = most_in_one_second(arrivals)
    outcome(
        fault=f"{PROCESSES} processes x {CALLS} calls started together on a fresh rate limit of {RATE} calls/s",
        call="items.get (sync)",
        expected=f"at most {RATE} arrivals in any sliding second",
        observed=f"at most {most} in a second; {len(arrivals)} calls",
        attempts=len(arrivals),
    )
    assert [worker.returncode for worker in workers] == [0] * PROCESSES, outputs
    assert len(arrivals) == PROCESSES * CALLS
    assert most <= RATE


# --- the lock's lease, renewed while a refresh runs ------------------------------------------------------

LEASE_S, REFRESH_S, LOCK_TIMEOUT_S = 0.2, 0.8, 3.0


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_refresh_slower_than_the_lease_keeps_the_lock_so_one_refresh_serves_both_clients(
    fault_server: FaultServer, redis_url: str, key: str, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [EXPIRED, EXPIRED, OK], REFRESH: [Delayed(json_answer(REFRESHED), REFRESH_S)]})
    options: dict[str, Any] = {"timeout": LOCK_TIMEOUT_S}
    results: list[Any] = []
    if flavour == "sync":
        both_made = threading.Barrier(2)  # both first calls meet the expired token, before the refresh ends

        def one_client() -> None:
            store = RedisTokenStore(redis_url, key=key, lease=LEASE_S)
            with shanjing_client(plan.url, token_store=store, **options) as client:
                both_made.wait(10)
                results.append(client.items.get(ITEM_ID))

        threads = [threading.Thread(target=one_client) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    else:

        async def one_async_client() -> Any:
            store = RedisTokenStore(redis_url, key=key, lease=LEASE_S)
            async with async_shanjing_client(plan.url, token_store=store, **options) as aclient:
                return await aclient.items.get(ITEM_ID)

        results.extend(await asyncio.gather(one_async_client(), one_async_client()))
    outcome(
        fault=f"two clients on an expired token; a refresh of {REFRESH_S} s, the lock's lease {LEASE_S} s",
        call=f"items.get on each ({flavour})",
        expected="both succeed; one refresh",
        observed=f"{len(results)} successes; {plan.count(REFRESH)} refreshes",
        attempts=plan.count(),
    )
    assert len(results) == 2
    assert plan.count(REFRESH) == 1


# --- Redis connections of a limiter shared by many event loops -------------------------------------------

LOOPS = 24


def test_a_limiter_shared_by_clients_on_many_event_loops_keeps_few_redis_connections(
    fault_server: FaultServer, redis_url: str, key: str, raw: redis.Redis, outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [OK]})
    limiter = tbapi.RateLimiter(1000, redis_url=redis_url, key=key)

    async def calls_on_a_loop_of_its_own() -> None:
        async with async_shanjing_client(plan.url, rate_limit=limiter) as aclient:
            await asyncio.gather(*(aclient.items.get(ITEM_ID) for _ in range(3)))

    before = len(raw.client_list())
    for _ in range(LOOPS // 2):  # one event loop after the other (asyncio.run in a loop)
        asyncio.run(calls_on_a_loop_of_its_own())
    threads = [threading.Thread(target=asyncio.run, args=(calls_on_a_loop_of_its_own(),)) for _ in range(LOOPS // 2)]
    for thread in threads:  # event loops side by side, one per thread
        thread.start()
    for thread in threads:
        thread.join(20)
    opened = len(raw.client_list()) - before
    outcome(
        fault=f"one Redis RateLimiter shared by async clients on {LOOPS} event loops",
        call="items.get x 3 per loop (async)",
        expected=f"at most {MAX_CONNECTIONS} Redis connections",
        observed=f"{opened} connections",
        attempts=plan.count(),
    )
    assert plan.count() == 3 * LOOPS
    assert opened <= MAX_CONNECTIONS
