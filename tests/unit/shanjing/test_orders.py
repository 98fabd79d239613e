"""Orders: typed arguments JSON-encoded by the wrapper; `orders.create` never reaches the service twice."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import httpx
import pytest

import tbapi
from tbapi._generated.shanjing_client.models import Address, OrderLine, RenderItem, SupplyChainServiceChoice
from tests.order_data import RECEIVER as HANGZHOU

from .conftest import PURCHASE_ORDER, FakeShanjing, fail, make_async_client, ok

CREATE = "/purchase/order/create"
QUERY = "/purchase/orders/query"
RENDER = "/purchase/order/render"
CANCEL = "/purchase/order/asyn/cancel"
RECEIVER = {**HANGZHOU, "zip": "311121"}
CREATED = {
    "payment_url": "https://pay.taobao.global/cashier?purchaseIds=3012459876543210",
    "outer_purchase_id": "SJ-1",
    "order_list": [{"purchase_id": 3012459876543210, "estimate_amount": 7980}],
}
LINE = {"itemId": "720", "skuId": "721", "orderLineNo": "1", "quantity": 2, "price": 3590, "currency": "CNY"}


def create(client: tbapi.ShanjingClient, **overrides: object) -> object:
    kwargs: dict[str, object] = {
        "outer_purchase_id": "SJ-1",
        "purchase_amount": 7980,
        "order_lines": [LINE],
        "receiver": RECEIVER,
    }
    return client.orders.create(**{**kwargs, **overrides})  # type: ignore[arg-type]


def found(outer_id: str = "SJ-1") -> httpx.Response:
    return ok(
        {
            "results_total": 1,
            "page_no": 1,
            "page_size": 50,
            "purchase_orders": [{**PURCHASE_ORDER, "outer_purchase_id": outer_id}],
        },
        success=True,
    )


NOT_FOUND = ok({"results_total": 0, "page_no": 1, "page_size": 50, "purchase_orders": []}, success=True)


def lost_answer(request: httpx.Request) -> httpx.Response:
    """The request arrives (and is recorded), the answer never comes back."""
    raise httpx.ReadTimeout("the answer was lost", request=request)


def test_render_json_encodes_items_given_as_models_and_dicts(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(RENDER, ok({"render_item_list": [], "unavailable_sku_list": []}, success=True))
    service = SupplyChainServiceChoice(option_id=354, service_category="QUALITY_INSPECTION")

    result = client.orders.render(
        items=[
            RenderItem(item_id=720, quantity="2", sku_id=721, choose_supplychain_services=[service]),
            {"itemId": "730", "skuId": "731", "quantity": 1},
        ],
        receiver_address=Address(name="张伟", mobile_phone="13800138000", zip_="311121"),
        need_supplychain_service=True,
    )

    body = FakeShanjing.body(fake.requests[0])
    assert isinstance(body["render_item_List"], str)
    assert json.loads(body["render_item_List"]) == [
        {
            "itemId": 720,
            "quantity": "2",
            "skuId": 721,
            "chooseSupplychainServices": [{"optionId": 354, "serviceCategory": "QUALITY_INSPECTION"}],
        },
        {"itemId": 730, "quantity": "1", "skuId": 731},
    ]
    assert body["receiver_address"] == {"name": "张伟", "mobile_phone": "13800138000", "zip": "311121"}
    assert body["need_supplychain_service"] is True
    assert result.unavailable_sku_list == []


def test_create_json_encodes_the_order_lines(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(CREATE, ok(CREATED, success=True))

    result = create(client, order_lines=[LINE, OrderLine(item_id=730, order_line_no="2", quantity="1", sku_id=731)])

    body = FakeShanjing.body(fake.requests[0])
    assert json.loads(body["order_line_list"]) == [
        {**LINE, "itemId": 720, "skuId": 721, "quantity": "2"},
        {"itemId": 730, "orderLineNo": "2", "quantity": "1", "skuId": 731},
    ]
    assert (body["outer_purchase_id"], body["purchase_amount"], body["receiver"]) == ("SJ-1", 7980, RECEIVER)
    assert result.payment_url == CREATED["payment_url"]  # type: ignore[attr-defined]


def test_create_whose_answer_is_lost_queries_and_returns_the_order_without_sending_again(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(CREATE, lost_answer)
    fake.route(QUERY, found())

    result = create(client)

    assert len(fake.calls(CREATE)) == 1
    assert fake.calls(QUERY)[0].url.params["outer_purchase_id"] == "SJ-1"
    assert result.outer_purchase_id == "SJ-1"  # type: ignore[attr-defined]
    (order,) = result.order_list  # type: ignore[attr-defined]
    assert (order.purchase_id, order.estimate_amount) == (3012459876543210, 7980)
    assert [line.sub_purchase_order_id for line in order.order_line_list] == [3012459876543211]


def test_create_answered_with_502_queries_and_returns_the_order_without_sending_again(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(CREATE, httpx.Response(502))
    fake.route(QUERY, found())

    result = create(client)

    assert len(fake.calls(CREATE)) == 1
    assert result.order_list[0].purchase_id == 3012459876543210  # type: ignore[attr-defined]


def test_create_is_sent_again_only_when_the_query_proves_the_order_absent(
    fake: FakeShanjing, client: tbapi.ShanjingClient, no_sleep: list[float]
) -> None:
    answers: Iterator[Callable[[httpx.Request], httpx.Response]] = iter(
        [lost_answer, lambda r: ok(CREATED, success=True)]
    )
    fake.route(CREATE, lambda r: next(answers)(r))
    fake.route(QUERY, NOT_FOUND)

    result = create(client)

    assert [r.url.path.rsplit("/", 1)[-1] for r in fake.requests] == ["create", "query", "create"]
    assert result.payment_url == CREATED["payment_url"]  # type: ignore[attr-defined]


def test_create_raises_order_outcome_unknown_when_the_query_fails_too(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(CREATE, lost_answer)
    fake.route(QUERY, fail("SystemError"))

    with pytest.raises(tbapi.OrderOutcomeUnknown) as raised:
        create(client)
    assert isinstance(raised.value.cause, tbapi.APITimeoutError)
    assert len(fake.calls(CREATE)) == 1


def test_create_does_not_count_an_order_of_another_id_as_proof(
    fake: FakeShanjing, client: tbapi.ShanjingClient, no_sleep: list[float]
) -> None:
    fake.route(CREATE, lost_answer)
    fake.route(QUERY, ok({"results_total": 1, "purchase_orders": [{"purchase_id": 5}]}, success=True))

    with pytest.raises(tbapi.OrderOutcomeUnknown):
        create(client)
    assert len(fake.calls(CREATE)) == 1


def test_create_that_never_left_is_sent_again_without_a_query(
    fake: FakeShanjing, client: tbapi.ShanjingClient, no_sleep: list[float]
) -> None:
    attempts = iter([httpx.ConnectError("refused"), None])

    def refuse_once(request: httpx.Request) -> httpx.Response:
        error = next(attempts)
        if error is not None:
            raise error
        return ok(CREATED, success=True)

    fake.route(CREATE, refuse_once)

    create(client)
    assert len(fake.calls(CREATE)) == 2
    assert fake.calls(QUERY) == []


def test_create_refused_by_the_service_is_not_retried(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(CREATE, fail("DUPLICATE_OUTER_PURCHASE_ID", success=False))

    with pytest.raises(tbapi.InvalidRequestError):
        create(client)
    assert len(fake.calls(CREATE)) == 1
    assert fake.calls(QUERY) == []


async def test_async_create_whose_answer_is_lost_returns_the_order_with_one_create(fake: FakeShanjing) -> None:
    fake.route(CREATE, lost_answer)
    fake.route(QUERY, found())

    async with make_async_client(fake) as client:
        result = await client.orders.create(
            outer_purchase_id="SJ-1", purchase_amount=7980, order_lines=[LINE], receiver=RECEIVER
        )

    assert len(fake.calls(CREATE)) == 1
    assert result.order_list[0].purchase_id == 3012459876543210  # type: ignore[index]


def test_cancel_sends_the_ids_as_strings_like_the_published_example(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(CANCEL, ok(None, success=True))

    accepted = client.orders.cancel(
        3012459876543210, cancel_reason="买家不想要了", sub_purchase_order_ids=["3012459876543211"]
    )

    assert FakeShanjing.body(fake.requests[0]) == {
        "purchase_id": "3012459876543210",
        "cancel_reason": "买家不想要了",
        "sub_purchase_orderId_list": ["3012459876543211"],
    }
    assert accepted.success is True


def test_query_sends_purchase_ids_as_one_json_array_text(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(QUERY, found())

    page = client.orders.query(purchase_ids=[1, "2"], status="WAIT_BUYER_P", page_size=50)

    assert fake.requests[0].url.params.get_list("purchase_ids") == ["[1,2]"]
    assert (page.total, page.page_no, [o.purchase_id for o in page.items]) == (1, 1, [3012459876543210])
