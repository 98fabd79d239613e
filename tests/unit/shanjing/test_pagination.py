"""`items.iter_search` / `orders.iter_query`: stop on a short or empty page, honour max_items, never ask past the end."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import tbapi

from .conftest import FakeShanjing, make_async_client, ok, search_item

SEARCH = "/traffic/item/search"
QUERY = "/purchase/orders/query"


def pages_of(sizes: list[int], page_size: int = 20) -> Callable[[httpx.Request], httpx.Response]:
    """Pages with `sizes[n-1]` items for page n (an empty page past the list)."""

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page_no"])
        count = sizes[number - 1] if number <= len(sizes) else 0
        start = (number - 1) * page_size
        return ok({"page_no": number, "page_size": page_size, "data": [search_item(start + i) for i in range(count)]})

    return answer


def requested_pages(fake: FakeShanjing, suffix: str = SEARCH) -> list[int]:
    return [int(r.url.params["page_no"]) for r in fake.calls(suffix)]


def test_iter_search_stops_after_a_short_page(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(SEARCH, pages_of([20, 20, 5]))

    items = list(client.items.iter_search("shirt"))

    assert len(items) == 45
    assert requested_pages(fake) == [1, 2, 3]


def test_iter_search_stops_at_an_empty_page(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(SEARCH, pages_of([20, 20]))

    items = list(client.items.iter_search("shirt"))

    assert len(items) == 40
    assert requested_pages(fake) == [1, 2, 3]


def test_iter_search_honours_max_items_without_asking_for_more_pages(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(SEARCH, pages_of([20, 20, 20]))

    items = list(client.items.iter_search("shirt", max_items=25))

    assert [i.tb_item_id for i in items] == list(range(25))
    assert requested_pages(fake) == [1, 2]


def test_iter_search_does_not_ask_past_max_items_on_a_page_boundary(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(SEARCH, pages_of([20, 20, 20]))

    assert len(list(client.items.iter_search("shirt", max_items=40))) == 40
    assert requested_pages(fake) == [1, 2]


def test_iter_search_with_max_items_zero_sends_nothing(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    assert list(client.items.iter_search("shirt", max_items=0)) == []
    assert fake.requests == []


def test_iter_search_starts_at_page_no_with_page_size(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(SEARCH, pages_of([5, 5, 2], page_size=5))

    items = list(client.items.iter_search("shirt", page_no=2, page_size=5))

    assert len(items) == 7
    assert requested_pages(fake) == [2, 3]
    assert {r.url.params["page_size"] for r in fake.requests} == {"5"}


def test_iter_search_uses_the_smaller_page_size_the_service_served(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(SEARCH, pages_of([10, 10, 3], page_size=10))  # the service caps pages at 10

    assert len(list(client.items.iter_search("shirt", page_size=20))) == 23
    assert requested_pages(fake) == [1, 2, 3]


def test_iter_search_checks_its_arguments_before_the_first_request(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        client.items.iter_search("shirt", page_size=21)
    assert caught.value.param == "page_size"
    assert fake.requests == []


def test_search_returns_one_page(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(SEARCH, pages_of([3]))

    page = client.items.search("shirt", sort="PRICE_ASC", filters=["24shipping"], language="en", shop_id=7)

    assert (len(page.items), page.page_no, page.page_size, page.total) == (3, 1, 20, None)
    params = fake.requests[0].url.params
    assert (params["sort"], params["filters"], params["shop_id"], params["page_size"]) == (
        "PRICE_ASC",
        "24shipping",
        "7",
        "20",
    )


def orders_answer(total: int, page_size: int = 20) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page_no"])
        start = (number - 1) * page_size
        count = max(0, min(page_size, total - start))
        orders = [{"purchase_id": start + i + 1, "outer_purchase_id": f"SJ-{start + i}"} for i in range(count)]
        return ok(
            {"results_total": total, "page_no": number, "page_size": page_size, "purchase_orders": orders}, success=True
        )

    return answer


def test_iter_query_stops_at_the_total_without_asking_for_an_empty_page(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(QUERY, orders_answer(total=40))

    orders = list(client.orders.iter_query(status="WAIT_BUYER_P"))

    assert [o.purchase_id for o in orders] == list(range(1, 41))
    assert requested_pages(fake, QUERY) == [1, 2]


def test_iter_query_honours_max_items(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(QUERY, orders_answer(total=100))

    assert len(list(client.orders.iter_query(max_items=21))) == 21
    assert requested_pages(fake, QUERY) == [1, 2]


async def test_async_iter_search_walks_the_same_pages(fake: FakeShanjing) -> None:
    fake.route(SEARCH, pages_of([20, 7]))

    async with make_async_client(fake) as client:
        items = [item async for item in client.items.iter_search("shirt")]

    assert len(items) == 27
    assert requested_pages(fake) == [1, 2]


def test_a_page_error_stops_the_iteration_with_the_error(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    answers = pages_of([20])
    fake.route(
        SEARCH, lambda r: answers(r) if r.url.params["page_no"] == "1" else ok(None, errorCode="InvalidParameter")
    )

    iterator = client.items.iter_search("shirt")
    assert len([next(iterator) for _ in range(20)]) == 20
    with pytest.raises(tbapi.InvalidRequestError):
        next(iterator)
