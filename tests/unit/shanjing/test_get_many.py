"""`items.get_many` / `products.get_many`: each id once, errors as values, checks first, nothing left running."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Iterator

import httpx
import pytest

import tbapi

from .conftest import FRESH, REFRESH, FakeShanjing, bearer, fail, make_async_client, make_client, ok, token_answer

DETAIL = "/traffic/item/get"
PRODUCT = "/product/get"
IDS = list(range(1, 41))


def item_id_of(request: httpx.Request) -> int:
    return int(request.url.params["item_id"])


def details(request: httpx.Request) -> httpx.Response:
    """Every id exists but the multiples of 7."""
    item_id = item_id_of(request)
    if item_id % 7 == 0:
        return fail("InvalidParameter", f"no item {item_id}")
    return ok({"tbItemId": item_id, "title": f"item {item_id}", "price": 100 + item_id})


class InFlight:
    """A handler wrapper that records the most requests it saw at once (requests wait on each other briefly)."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
            self._arrived.notify_all()
            self._arrived.wait_for(lambda: self.now >= 4, timeout=0.05)
            self.now -= 1
        return details(request)


def fan_out_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("tbapi-fan-out")]


@pytest.fixture
def client(fake: FakeShanjing, no_sleep: list[float]) -> Iterator[tbapi.ShanjingClient]:
    fake.route(DETAIL, details)
    with make_client(fake) as c:
        yield c


def test_every_id_comes_back_exactly_once(client: tbapi.ShanjingClient) -> None:
    results = list(client.items.get_many(IDS, concurrency=8))
    assert sorted(r.item_id for r in results) == IDS


def test_a_result_holds_the_model_of_its_own_id(client: tbapi.ShanjingClient) -> None:
    results = [r for r in client.items.get_many(IDS, concurrency=8) if r.item is not None]
    assert all(r.item is not None and r.item.tb_item_id == r.item_id for r in results)


def test_an_items_error_is_a_value_and_the_others_still_come(client: tbapi.ShanjingClient) -> None:
    results = list(client.items.get_many(IDS, concurrency=8))
    failed = sorted(r.item_id for r in results if isinstance(r.error, tbapi.InvalidRequestError))
    assert (failed, sum(r.ok for r in results)) == ([7, 14, 21, 28, 35], 35)


def test_an_id_given_twice_is_fetched_and_returned_once(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    results = list(client.items.get_many([3, "3", 4, 3], concurrency=2))
    assert (sorted(str(r.item_id) for r in results), len(fake.calls(DETAIL))) == (["3", "4"], 2)


def test_no_more_than_concurrency_calls_are_in_flight(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    counter = InFlight()
    fake.route(DETAIL, counter)
    list(client.items.get_many(IDS, concurrency=4))
    assert counter.most == 4


def test_a_bad_id_is_refused_before_anything_is_sent(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    with pytest.raises(tbapi.ValidationError, match=r"ids\[2\]"):
        client.items.get_many([1, 2, "12x", 4])
    assert fake.requests == []


@pytest.mark.parametrize("concurrency", [0, 257, 1.5])
def test_a_bad_concurrency_is_refused(client: tbapi.ShanjingClient, concurrency: object) -> None:
    with pytest.raises(tbapi.ValidationError, match="concurrency"):
        client.items.get_many(IDS, concurrency=concurrency)  # type: ignore[arg-type]


def test_a_bad_language_is_refused_before_anything_is_sent(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    with pytest.raises(tbapi.ValidationError, match="language"):
        client.items.get_many(IDS, language="xx")  # type: ignore[arg-type]
    assert fake.requests == []


def test_the_options_go_with_every_call(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    list(client.items.get_many([1, 2], language="en", include_tags=["a"]))
    assert {(r.url.params["language"], r.url.params["include_tags"]) for r in fake.calls(DETAIL)} == {("en", "a")}


def test_a_retryable_failure_is_retried_per_call(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    answers = iter([httpx.Response(503), httpx.Response(503)])
    fake.route(DETAIL, lambda request: next(answers, None) or details(request))
    results = list(client.items.get_many([1], concurrency=1))
    assert results[0].ok
    assert len(fake.calls(DETAIL)) == 3


def test_an_expired_token_is_refreshed_once_for_all_the_calls(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route("/auth/token/refresh", token_answer())
    fake.route(DETAIL, lambda request: details(request) if bearer(request) == FRESH else fail("IllegalAccessToken"))
    with make_client(fake, refresh_token=REFRESH) as client:
        results = list(client.items.get_many(range(1, 13), concurrency=6))
    assert (sum(r.ok for r in results), len(fake.calls("/auth/token/refresh"))) == (11, 1)


def test_leaving_the_loop_early_leaves_no_thread_running(client: tbapi.ShanjingClient) -> None:
    for _ in client.items.get_many(IDS, concurrency=8):
        break
    assert fan_out_threads() == []


def interrupted_at_the_first_result(results: Iterator[object]) -> None:
    for _ in results:
        raise KeyboardInterrupt


def test_ctrl_c_in_the_loop_leaves_no_thread_running(client: tbapi.ShanjingClient) -> None:
    with pytest.raises(KeyboardInterrupt):
        interrupted_at_the_first_result(client.items.get_many(IDS, concurrency=8))
    assert fan_out_threads() == []


def test_ctrl_c_while_waiting_for_results_leaves_no_thread_running(fake: FakeShanjing) -> None:
    main = threading.main_thread().ident
    assert main is not None
    interrupted = threading.Event()

    def answer(request: httpx.Request) -> httpx.Response:
        if not interrupted.is_set():
            interrupted.set()
            signal.pthread_kill(main, signal.SIGINT)  # a real Ctrl-C, while the main thread waits for a result
        interrupted.wait()
        return details(request)

    fake.route(DETAIL, answer)
    with make_client(fake) as client, pytest.raises(KeyboardInterrupt):
        list(client.items.get_many(IDS, concurrency=8))
    assert fan_out_threads() == []


def test_finishing_the_loop_leaves_no_thread_running(client: tbapi.ShanjingClient) -> None:
    list(client.items.get_many(IDS, concurrency=8))
    assert fan_out_threads() == []


@pytest.mark.timeout(20)  # proves it cannot hang: the 30 s wait before the retry is cut short
def test_leaving_the_loop_cuts_a_retry_wait_short(fake: FakeShanjing) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if item_id_of(request) == 1:  # a 503, not a 429: a 429 pauses every call on the client's rate limit
            return httpx.Response(503, headers={"Retry-After": "30"})
        return details(request)

    fake.route(DETAIL, answer)
    with make_client(fake, sleep=None) as client:  # really waits (no recording `sleep=`)
        for result in client.items.get_many([1, 2], concurrency=2):
            assert result.item_id == 2
            break
    assert fan_out_threads() == []


@pytest.mark.timeout(20)  # proves it cannot hang: the 30 s pause of the client's rate limit is cut short
def test_leaving_the_loop_cuts_a_rate_limit_pause_short(fake: FakeShanjing) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if item_id_of(request) == 1:  # a 429 pauses every call on the client's rate limit for 30 s
            return httpx.Response(429, headers={"Retry-After": "30"})
        return details(request)

    fake.route(DETAIL, answer)
    with make_client(fake, max_retries=0) as client:
        for result in client.items.get_many([1, 2, 3, 4], concurrency=1):
            assert result.item_id == 1
            break
    assert fan_out_threads() == []


def test_products_get_many_returns_each_record(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(PRODUCT, lambda request: ok({"itemId": item_id_of(request), "mpId": f"mp{item_id_of(request)}"}))
    results = list(client.products.get_many([5, 6], concurrency=2, item_source_market="CBU_MARKET"))
    markets = {r.url.params["item_source_market"] for r in fake.calls(PRODUCT)}
    assert (sorted((r.item_id, r.item.mp_id) for r in results if r.item), markets) == (
        [(5, "mp5"), (6, "mp6")],
        {"CBU_MARKET"},
    )


# --- async ---------------------------------------------------------------------------------------------------


def other_tasks() -> set[asyncio.Task[object]]:
    return asyncio.all_tasks() - {asyncio.current_task()}


async def settled() -> set[asyncio.Task[object]]:
    """The tasks still there once the loop's own clean-up of abandoned async generators has run (bounded)."""
    for _ in range(1000):
        if not other_tasks():
            break
        await asyncio.sleep(0)
    return other_tasks()


async def test_async_every_id_comes_back_exactly_once_with_errors_as_values(
    fake: FakeShanjing, no_sleep: list[float]
) -> None:
    fake.route(DETAIL, details)
    async with make_async_client(fake) as client:
        results = [r async for r in client.items.get_many(IDS, concurrency=8)]
    failed = sorted(r.item_id for r in results if r.error is not None)
    assert (sorted(r.item_id for r in results), failed) == (IDS, [7, 14, 21, 28, 35])


async def test_async_a_bad_id_is_refused_before_anything_is_sent(fake: FakeShanjing) -> None:
    async with make_async_client(fake) as client:
        with pytest.raises(tbapi.ValidationError, match=r"ids\[0\]"):
            client.items.get_many([0])
    assert fake.requests == []


async def test_async_leaving_the_loop_early_leaves_no_task_running(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(DETAIL, details)
    async with make_async_client(fake) as client:
        results = client.items.get_many(IDS, concurrency=8)
        async for _ in results:
            break
        await results.aclose()  # waits for the clean-up (what `contextlib.aclosing` does)
        assert other_tasks() == set()


async def test_async_a_plain_break_leaves_no_task_running_once_the_loop_cleans_up(
    fake: FakeShanjing, no_sleep: list[float]
) -> None:
    fake.route(DETAIL, details)
    async with make_async_client(fake) as client:
        async for _ in client.items.get_many(IDS, concurrency=8):
            break
        assert await settled() == set()


async def test_async_cancelling_the_consumer_leaves_no_task_running(fake: FakeShanjing, no_sleep: list[float]) -> None:
    first = asyncio.Event()

    async def consume(client: tbapi.AsyncShanjingClient) -> None:
        async for _ in client.items.get_many(IDS, concurrency=8):
            first.set()
            await asyncio.sleep(3600)

    fake.route(DETAIL, details)
    async with make_async_client(fake) as client:
        consumer = asyncio.ensure_future(consume(client))
        await first.wait()
        consumer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await consumer
        assert await settled() == set()


async def test_async_products_get_many(fake: FakeShanjing) -> None:
    fake.route(PRODUCT, lambda request: ok({"itemId": item_id_of(request), "mpId": "m"}))
    async with make_async_client(fake) as client:
        results = [r async for r in client.products.get_many(["9", 10])]
    assert sorted(str(r.item_id) for r in results if r.ok) == ["10", "9"]
