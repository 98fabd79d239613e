"""The upstream platform's error-field families are errors too: the traffic APIs' `biz_error_code` /
`biz_error_msg`, the product and order APIs' `error_code` / `error_msg`, and the render `result{…}` wrapper —
whenever a code is non-empty (or `success` is false inside `result`)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import tbapi

from .conftest import FakeShanjing

ITEM = {"tbItemId": 1, "title": "t"}
FAILING_BODIES = {
    "traffic family": {"biz_error_code": "ITEM_NOT_FOUND", "biz_error_msg": "the item does not exist", "data": None},
    "product/order family": {"error_code": "ITEM_NOT_FOUND", "error_msg": "the item does not exist", "data": None},
    "render result wrapper": {
        "result": {"success": False, "error_code": "ITEM_NOT_FOUND", "error_msg": "the item does not exist"}
    },
}


def get_item(fake: FakeShanjing, client: tbapi.ShanjingClient, body: dict[str, Any]) -> object:
    fake.route("/traffic/item/get", httpx.Response(200, json=body))
    return client.items.get(1)


@pytest.mark.parametrize("body", FAILING_BODIES.values(), ids=FAILING_BODIES.keys())
def test_a_non_empty_upstream_error_code_raises_with_its_code_and_message(
    body: dict[str, Any], fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    with pytest.raises(tbapi.InvalidRequestError) as caught:
        get_item(fake, client, body)

    assert caught.value.code == "ITEM_NOT_FOUND"
    assert "the item does not exist" in str(caught.value)


def test_success_false_inside_the_result_wrapper_raises(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    with pytest.raises(tbapi.APIError):
        get_item(fake, client, {"result": {"success": False, "inner_error_msg": "render failed"}, "data": ITEM})


def test_empty_upstream_error_fields_are_a_success(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    body = {"biz_error_code": "", "error_code": None, "result": {"success": True, "error_code": ""}, "data": ITEM}

    item = get_item(fake, client, body)

    assert item.title == "t"  # type: ignore[attr-defined]
