"""`rate_limit=` and `tbapi.RateLimiter` through the public clients: pacing, bans, sharing, Redis.

A rate limit that is paused is seen without waiting for it: a client whose `max_retry_after` is shorter than
the pause raises `RateLimitError` at once and sends nothing. Pacing is checked as a lower bound on the time
the fake gateway's requests span (a wait never ends early), never as a speed: n paced calls span at least
n - 1 intervals, less the time one call may take from its slot to the gateway.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import tbapi

APP_KEY, SECRET = "12345678", "fleet-test-secret"
GATEWAY = "https://gw.test/router/rest"
SHANJING = "https://shanjing.test"
METHOD = "taobao.itemcats.get"
OK = {"itemcats_get_response": {"request_id": "ok"}}
SLOT_TO_WIRE_S = 0.03  # how much longer one call may take than another from its slot to the gateway (a busy CPU)


def ban(seconds: int) -> dict[str, Any]:
    sub_msg = f"This ban will last for {seconds} more seconds"
    sub_code = "accesscontrol.limited-by-api-access-count"
    return {"error_response": {"code": 7, "msg": "App Call Limited", "sub_code": sub_code, "sub_msg": sub_msg}}


DAILY_QUOTA = {
    "error_response": {
        "code": 7,
        "msg": "App Call Limited",
        "sub_code": "accesscontrol.limited-by-app-access-count",
        "sub_msg": "This app's daily call quota is used up",
    }
}


class Gateway:
    """Answers from a script (the last answer repeats) and records when each request arrived."""

    def __init__(self, *answers: dict[str, Any] | httpx.Response) -> None:
        self.answers = list(answers) or [OK]
        self.arrivals: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.arrivals.append(time.monotonic())
            answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, httpx.Response):
            return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
        return httpx.Response(200, json=answer)

    def span(self, first: int = 0) -> float:
        arrivals = sorted(self.arrivals[first:])
        return arrivals[-1] - arrivals[0]


def top(gateway: Gateway, **kwargs: Any) -> tbapi.TopClient:
    transport = httpx.MockTransport(gateway)
    return tbapi.TopClient(
        app_key=APP_KEY, app_secret=SECRET, base_url=GATEWAY, http_client=httpx.Client(transport=transport), **kwargs
    )


def async_top(gateway: Gateway, **kwargs: Any) -> tbapi.AsyncTopClient:
    transport = httpx.MockTransport(gateway)
    return tbapi.AsyncTopClient(
        app_key=APP_KEY,
        app_secret=SECRET,
        base_url=GATEWAY,
        http_client=httpx.AsyncClient(transport=transport),
        **kwargs,
    )


def shanjing(gateway: Gateway, **kwargs: Any) -> tbapi.ShanjingClient:
    transport = httpx.MockTransport(gateway)
    return tbapi.ShanjingClient(
        access_token="fleet-access-token", base_url=SHANJING, http_client=httpx.Client(transport=transport), **kwargs
    )


def paced_interval(rate: float) -> float:
    return 1 / (rate * 0.95)  # the limiter paces 5 % under its rate


def assert_paced(gateway: Gateway, rate: float, calls: int) -> None:
    assert len(gateway.arrivals) == calls
    assert gateway.span() >= (calls - 1) * paced_interval(rate) - SLOT_TO_WIRE_S


def assert_paused(call: Callable[[], object], gateway: Gateway) -> None:
    sent = len(gateway.arrivals)
    with pytest.raises(tbapi.RateLimitError, match="paused") as raised:
        call()
    assert len(gateway.arrivals) == sent
    assert raised.value.retry_after is not None


# --- pacing ----------------------------------------------------------------------------------------------


def test_a_client_paces_its_calls_evenly_under_its_rate_limit() -> None:
    gateway = Gateway()
    with top(gateway, rate_limit=40) as client:
        for _ in range(8):
            client.call(METHOD)
    assert_paced(gateway, 40, 8)


def test_threads_of_one_client_share_its_pace() -> None:
    gateway = Gateway()
    with top(gateway, rate_limit=40) as client:
        threads = [threading.Thread(target=client.call, args=(METHOD,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert_paced(gateway, 40, 8)


async def test_concurrent_tasks_of_an_async_client_are_paced() -> None:
    gateway = Gateway()
    async with async_top(gateway, rate_limit=40) as client:
        await asyncio.gather(*(client.call(METHOD) for _ in range(8)))
    assert_paced(gateway, 40, 8)


def test_two_clients_given_one_limiter_share_one_pace() -> None:
    gateway, limiter = Gateway(), tbapi.RateLimiter(40)
    with top(gateway, rate_limit=limiter) as first, top(gateway, rate_limit=limiter) as second:
        for _ in range(4):
            first.call(METHOD)
            second.call(METHOD)
    assert_paced(gateway, 40, 8)


def test_a_shanjing_client_is_paced_too() -> None:
    gateway = Gateway(httpx.Response(200, json={"errorCode": None, "data": {"tbItemId": 1}}))
    with shanjing(gateway, rate_limit=40) as client:
        for _ in range(8):
            client.items.get(1)
    assert_paced(gateway, 40, 8)


# --- bans pause every call on the rate limit ------------------------------------------------------------------


def test_a_ban_pauses_the_other_calls_of_a_client_without_a_limit() -> None:
    gateway = Gateway(ban(30), OK)
    with top(gateway, max_retries=0) as client:
        with pytest.raises(tbapi.RateLimitError):
            client.call(METHOD)
        assert_paused(lambda: client.with_options(max_retry_after=5).call(METHOD), gateway)


def test_a_ban_pauses_every_client_on_the_limiter() -> None:
    gateway, limiter = Gateway(ban(30), OK), tbapi.RateLimiter(50)
    with top(gateway, rate_limit=limiter, max_retries=0) as banned, top(gateway, rate_limit=limiter) as other:
        with pytest.raises(tbapi.RateLimitError):
            banned.call(METHOD)
        assert_paused(lambda: other.with_options(max_retry_after=5).call(METHOD), gateway)


def test_an_http_429_pauses_a_shanjing_client() -> None:
    gateway = Gateway(httpx.Response(429, headers={"Retry-After": "30"}))
    with shanjing(gateway, max_retries=0) as client:
        with pytest.raises(tbapi.RateLimitError):
            client.items.get(1)
        assert_paused(lambda: client.with_options(max_retry_after=5).items.get(1), gateway)


def test_a_client_with_its_own_rate_limit_is_not_paused_by_its_parents_ban() -> None:
    gateway = Gateway(ban(30), OK)
    with top(gateway, max_retries=0) as client:
        with pytest.raises(tbapi.RateLimitError):
            client.call(METHOD)
        assert client.with_options(rate_limit=100, max_retry_after=5).call(METHOD) == OK["itemcats_get_response"]


def test_the_banned_call_itself_waits_the_ban_once_and_then_succeeds() -> None:
    gateway, waits = Gateway(ban(3), OK), list[float]()
    with top(gateway, sleep=waits.append) as client:
        assert client.call(METHOD) == OK["itemcats_get_response"]
    assert (waits, len(gateway.arrivals)) == ([3.0], 2)


def test_the_daily_quota_fails_fast_and_pauses_nothing() -> None:
    gateway = Gateway(DAILY_QUOTA, OK)
    with top(gateway, rate_limit=50) as client:
        with pytest.raises(tbapi.RateLimitError) as raised:
            client.call(METHOD)
        assert raised.value.quota_exhausted
        assert len(gateway.arrivals) == 1
        assert client.with_options(max_retry_after=0).call(METHOD) == OK["itemcats_get_response"]


def test_a_ban_lowers_the_rate_below_the_configured_one() -> None:
    gateway = Gateway(ban(0), OK)  # "0 more seconds": no pause, only the lowered rate shows
    with top(gateway, rate_limit=20) as client:
        for _ in range(6):
            client.call(METHOD)
    # Right after a ban the rate is 70 % of what was throttled and climbs back over seconds (tests of
    # tbapi._ratelimit.pacing.Cubic): within the first second it stays under 80 % of the paced rate.
    assert gateway.span(first=1) >= 5 * paced_interval(20) / 0.8 - SLOT_TO_WIRE_S


# --- shared through Redis -------------------------------------------------------------------------------------


def test_limiters_on_one_redis_key_share_one_pace(redis_url: str, key: str) -> None:
    """Two limiters on one key stand for two processes: their calls together keep the pace."""
    gateway = Gateway()
    first = tbapi.RateLimiter(40, redis_url=redis_url, key=key)
    second = tbapi.RateLimiter(40, redis_url=redis_url, key=key)
    with top(gateway, rate_limit=first) as one, top(gateway, rate_limit=second) as two:
        for _ in range(4):
            one.call(METHOD)
            two.call(METHOD)
    assert_paced(gateway, 40, 8)


async def test_async_clients_on_one_redis_key_share_one_pace(redis_url: str, key: str) -> None:
    gateway = Gateway()
    limiters = [tbapi.RateLimiter(40, redis_url=redis_url, key=key) for _ in range(2)]
    async with async_top(gateway, rate_limit=limiters[0]) as one, async_top(gateway, rate_limit=limiters[1]) as two:
        await asyncio.gather(*(client.call(METHOD) for client in (one, two) * 4))
    assert_paced(gateway, 40, 8)


def test_a_ban_pauses_every_limiter_on_the_redis_key(redis_url: str, key: str) -> None:
    gateway = Gateway(ban(30), OK)
    banned_side = tbapi.RateLimiter(50, redis_url=redis_url, key=key)
    other_side = tbapi.RateLimiter(50, redis_url=redis_url, key=key)
    with top(gateway, rate_limit=banned_side, max_retries=0) as banned, top(gateway, rate_limit=other_side) as other:
        with pytest.raises(tbapi.RateLimitError):
            banned.call(METHOD)
        assert_paused(lambda: other.with_options(max_retry_after=5).call(METHOD), gateway)


def test_other_redis_keys_are_other_rate_limits(redis_url: str, key: str) -> None:
    gateway = Gateway(ban(30), OK)
    banned_side = tbapi.RateLimiter(50, redis_url=redis_url, key=key)
    elsewhere = tbapi.RateLimiter(50, redis_url=redis_url, key=key + ":other")
    with top(gateway, rate_limit=banned_side, max_retries=0) as banned, top(gateway, rate_limit=elsewhere) as other:
        with pytest.raises(tbapi.RateLimitError):
            banned.call(METHOD)
        assert other.with_options(max_retry_after=5).call(METHOD) == OK["itemcats_get_response"]


def test_an_unreachable_redis_fails_the_call_naming_redis_and_sends_nothing(dead_redis_url: str, key: str) -> None:
    gateway = Gateway()
    limiter = tbapi.RateLimiter(50, redis_url=dead_redis_url, key=key)
    with top(gateway, rate_limit=limiter, max_retries=0) as client, pytest.raises(tbapi.APIConnectionError) as raised:
        client.call(METHOD)
    assert "Redis at 127.0.0.1" in str(raised.value)
    assert gateway.arrivals == []


async def test_an_unreachable_redis_fails_an_async_call_too(dead_redis_url: str, key: str) -> None:
    gateway = Gateway()
    limiter = tbapi.RateLimiter(50, redis_url=dead_redis_url, key=key)
    async with async_top(gateway, rate_limit=limiter, max_retries=0) as client:
        with pytest.raises(tbapi.APIConnectionError, match="Redis"):
            await client.call(METHOD)


def test_the_redis_password_stays_out_of_the_limiters_repr(redis_url: str, key: str) -> None:
    limiter = tbapi.RateLimiter(5, redis_url=redis_url.replace("redis://", "redis://:limiter-pass-5ecret@"), key=key)
    assert "limiter-pass-5ecret" not in repr(limiter)
    assert key in repr(limiter)


# --- settings ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs", "param"),
    [
        ((0,), {}, "rate"),
        ((-5,), {}, "rate"),
        (("10",), {}, "rate"),
        ((True,), {}, "rate"),
        ((float("inf"),), {}, "rate"),
        ((10,), {"burst": 0}, "burst"),
        ((10,), {"burst": 1.5}, "burst"),
        ((10,), {"redis_url": "redis://127.0.0.1:6379/0"}, "key"),
        ((10,), {"key": "top:1"}, "redis_url"),
        ((10,), {"redis_url": "http://127.0.0.1:6379", "key": "top:1"}, "redis_url"),
    ],
)
def test_bad_limiter_settings_are_validation_errors(args: tuple[Any, ...], kwargs: dict[str, Any], param: str) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        tbapi.RateLimiter(*args, **kwargs)
    assert raised.value.param == param


@pytest.mark.parametrize("rate_limit", [0, -1, "40", True, object()])
def test_a_bad_rate_limit_on_a_client_is_a_validation_error(rate_limit: Any) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        top(Gateway(), rate_limit=rate_limit)
    assert raised.value.param == "rate_limit"


@pytest.mark.parametrize(
    "make",
    [tbapi.TopClient, tbapi.AsyncTopClient, tbapi.ShanjingClient, tbapi.AsyncShanjingClient],
    ids=lambda cls: cls.__name__,
)
def test_every_client_and_its_with_options_take_rate_limit(make: Any) -> None:
    import inspect

    params = [inspect.signature(fn).parameters for fn in (make, make.with_options)]
    assert all("rate_limit" in p for p in params)
