"""What the docs allow reaches the service: no limit that no source states is checked by the wrapper."""

from __future__ import annotations

import pytest

import tbapi

from .conftest import FakeShanjing, ok, search_item

RECEIVER = {"name": "张伟", "mobile_phone": "13800138000", "country": "CN", "address": "文一西路998号"}
LINE = {"itemId": 720, "skuId": 721, "orderLineNo": "1", "quantity": 1, "price": 3590}
BEYOND_2_53 = 2**53 + 1


def test_keyword_search_by_shop_id_alone_sends_no_keyword(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/traffic/item/search", ok({"page_no": 1, "page_size": 20, "data": [search_item(1)]}))

    page = client.items.search(shop_id=573908211)

    params = fake.requests[0].url.params
    assert "keyword" not in params
    assert params["shop_id"] == "573908211"
    assert [item.tb_item_id for item in page.items] == [1]


def test_long_lists_and_far_pages_are_sent(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/traffic/item/search", ok({"page_no": 10001, "page_size": 20, "data": []}))
    tags = [f"tag_{n}" for n in range(30)]

    client.items.search("t恤", page_no=10001, filters=tags, include_tags=tags, exclude_filters=tags)

    params = fake.requests[0].url.params
    assert len(params.get_list("filters")) == len(params.get_list("excludeFilters")) == 30
    assert params["page_no"] == "10001"


def test_order_query_sends_many_ids_and_large_pages(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/purchase/orders/query", ok({"results_total": 0, "purchase_orders": []}, success=True))

    client.orders.query(purchase_ids=range(1, 31), page_size=100)

    params = fake.requests[0].url.params
    assert params["purchase_ids"] == "[" + ",".join(map(str, range(1, 31))) + "]"
    assert params["page_size"] == "100"


def test_long_order_texts_are_sent(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/purchase/order/create", ok({"outer_purchase_id": "x" * 100}, success=True))
    long_address = {**RECEIVER, "address": "文一西路" * 200}

    client.orders.create(
        outer_purchase_id="x" * 100,
        purchase_amount=3590,
        order_lines=[LINE],
        receiver=long_address,
        order_remark="备注" * 400,
        seller_order_number="S" * 100,
    )

    body = FakeShanjing.body(fake.requests[0])
    assert (body["outer_purchase_id"], body["receiver"]["address"]) == ("x" * 100, long_address["address"])


@pytest.mark.parametrize("value", [BEYOND_2_53, str(BEYOND_2_53)], ids=["int", "digit string"])
def test_ids_above_2_53_are_sent_exactly(value: int | str, fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/purchase/order/asyn/cancel", ok(None, success=True))

    client.orders.cancel(value, cancel_reason="不想要了", sub_purchase_order_ids=[value] * 120)

    body = FakeShanjing.body(fake.requests[0])
    assert body["purchase_id"] == str(BEYOND_2_53)
    assert body["sub_purchase_orderId_list"] == [str(BEYOND_2_53)] * 120


def test_a_render_line_id_that_is_no_number_is_refused_naming_it(client: tbapi.ShanjingClient) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        client.orders.render(items=[{"itemId": "mp-1", "skuId": 1, "quantity": 1}], receiver_address=RECEIVER)

    assert caught.value.param == "items[0].itemId"
