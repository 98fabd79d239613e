"""Each request example printed on Shanjing's doc pages (the spec's `published` examples), given to tbapi
in the Python form a user writes, goes on the wire in the published form: render and create item lines with
their ids as exact JSON numbers (above 2^53 too), cancel ids as strings, the 撞库 query as published."""

from __future__ import annotations

import json
from typing import Any

import pytest

import tbapi
from tests.spec.published import published_examples

from .conftest import FakeShanjing, ok

PUBLISHED = {(p.operation_id, p.part): p.value for p in published_examples()}


def published(operation_id: str, part: str = "body") -> Any:
    return PUBLISHED[(operation_id, part)]


def sent_json_text(request: Any, field: str) -> Any:
    """The JSON list held by a string field of the sent body, and that field's raw text."""
    text = FakeShanjing.body(request)[field]
    return json.loads(text), text


@pytest.mark.parametrize("ids_as", [int, str], ids=["ints", "digit strings"])
def test_render_sends_the_published_item_lines_whatever_form_the_ids_are_given_in(
    ids_as: type, fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route("/purchase/order/render", ok({"render_item_list": []}, success=True))
    example = published("renderOrder")
    lines = json.loads(example["render_item_List"])
    given = [
        {
            **line,
            "itemId": ids_as(line["itemId"]),
            "skuId": ids_as(line["skuId"]),
            "chooseSupplychainServices": [
                {**s, "optionId": ids_as(s["optionId"])} for s in line["chooseSupplychainServices"]
            ],
        }
        for line in lines
    ]

    client.orders.render(
        items=given,
        receiver_address=example["receiver_address"],
        need_supplychain_service=example["need_supplychain_service"],
    )

    sent, text = sent_json_text(fake.requests[0], "render_item_List")
    assert sent == lines
    assert '"itemId":600120680003951077' in text  # a JSON number, exact above 2^53


@pytest.mark.parametrize("ids_as", [int, str], ids=["ints", "digit strings"])
def test_create_sends_the_published_order_lines_whatever_form_the_ids_are_given_in(
    ids_as: type, fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route("/purchase/order/create", ok({"outer_purchase_id": "SJ202503180002"}, success=True))
    example = published("createOrder")
    lines = json.loads(example["order_line_list"])
    given = [{**line, "itemId": ids_as(line["itemId"]), "skuId": ids_as(line["skuId"])} for line in lines]

    client.orders.create(
        outer_purchase_id=example["outer_purchase_id"],
        purchase_amount=example["purchase_amount"],
        order_lines=given,
        receiver=example["receiver"],
        seller_order_number=example["seller_order_number"],
        order_source=example["order_source"],
    )

    body = FakeShanjing.body(fake.requests[0])
    sent, text = sent_json_text(fake.requests[0], "order_line_list")
    assert sent == lines
    assert '"itemId":600068435000185140' in text  # a JSON number, exact above 2^53
    assert (body["order_source"], body["seller_order_number"]) == ("lazada", "-")


@pytest.mark.parametrize("ids_as", [int, str], ids=["ints", "digit strings"])
def test_cancel_sends_the_published_body(ids_as: type, fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/purchase/order/asyn/cancel", ok(None, success=True))
    example = published("cancelOrder")

    client.orders.cancel(
        ids_as(example["purchase_id"]),
        cancel_reason=example["cancel_reason"],
        cancel_remark=example["cancel_remark"],
        sub_purchase_order_ids=[ids_as(i) for i in example["sub_purchase_orderId_list"]],
    )

    assert FakeShanjing.body(fake.requests[0]) == example


def test_product_lookup_sends_the_published_query(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/product/get", ok({"mpId": "1"}, success=True))

    client.products.get(
        published("getProduct", "item_id"), item_source_market=published("getProduct", "item_source_market")
    )

    params = fake.requests[0].url.params
    assert (params["item_source_market"], params["item_id"]) == ("CBU_MARKET", "652876415053")
