"""What users see of the models an answer becomes: None for absent fields, the declared Python type for
every value, reprs of the fields that are set, unknown fields kept."""

from __future__ import annotations

import httpx
import pytest

import tbapi
from tbapi.types import Address, SearchItem

from .conftest import FakeShanjing, ok

GET = "/rest/taobao-global/traffic/item/get"
PRODUCT = "/rest/taobao-global/product/get"
CREATE = "/rest/taobao-global/purchase/order/create"


def test_an_absent_field_is_none(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, ok({"tbItemId": 1}))

    assert client.items.get(1).title is None


def test_a_null_field_is_none(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, ok({"tbItemId": 1, "title": None}))

    assert client.items.get(1).title is None


def test_a_numeric_string_becomes_the_declared_int_exactly_above_2_53(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(GET, ok({"tbItemId": "600120680003951077"}))

    item_id = client.items.get(1).tb_item_id

    assert type(item_id) is int
    assert item_id == 600120680003951077


def test_a_number_becomes_the_declared_str(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(PRODUCT, ok({"mpId": 7202402671453, "title": "t"}, success=True))

    assert client.products.get(1).mp_id == "7202402671453"


def test_a_value_that_cannot_be_converted_is_a_response_error_naming_the_field(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(GET, ok({"tbItemId": "not a number"}))

    with pytest.raises(tbapi.ResponseError, match=r"ItemDetail\.tbItemId: expected int"):
        client.items.get(1)


def test_a_nested_list_element_of_the_wrong_type_names_its_index(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(GET, ok({"tbItemId": 1, "picUrls": ["https://a", {"url": "https://b"}]}))

    with pytest.raises(tbapi.ResponseError, match=r"ItemDetail\.picUrls\[1\]: expected str, got dict"):
        client.items.get(1)


def test_unknown_fields_are_kept(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, ok({"tbItemId": 1, "brandNew": {"x": 1}}))

    assert client.items.get(1).additional_properties == {"brandNew": {"x": 1}}


def test_repr_shows_only_the_fields_that_are_set() -> None:
    item = SearchItem.from_dict({"tbItemId": 5, "title": "shoe", "extra": 1})

    assert repr(item) == "SearchItem(tb_item_id=5, title='shoe', additional_properties={'extra': 1})"


def test_a_request_body_leaves_absent_fields_out_instead_of_sending_null(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(CREATE, ok({"outer_purchase_id": "SJ-1", "order_list": []}, success=True))

    client.orders.create(
        outer_purchase_id="SJ-1",
        purchase_amount=100,
        order_lines=[{"itemId": "1", "skuId": "2", "quantity": 1, "orderLineNo": "1"}],
        receiver=Address(name="张伟", country="CN"),
    )

    (sent,) = fake.calls(CREATE)
    body = FakeShanjing.body(sent)
    assert None not in body.values()
    assert body["receiver"] == {"name": "张伟", "country": "CN"}


def test_a_model_built_by_hand_sends_only_its_set_fields() -> None:
    assert Address(city="杭州市").to_dict() == {"city": "杭州市"}


def test_a_wrongly_typed_dict_argument_is_a_validation_error_naming_the_parameter(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    with pytest.raises(tbapi.ValidationError, match=r"Address\.zip: expected str, got list") as caught:
        client.orders.create(
            outer_purchase_id="SJ-1",
            purchase_amount=100,
            order_lines=[{"itemId": "1", "skuId": "2", "quantity": 1, "orderLineNo": "1"}],
            receiver={"name": "张伟", "zip": [1]},
        )
    assert caught.value.param == "receiver.zip"
    assert fake.calls(CREATE) == []


def test_an_absent_list_on_a_page_is_an_empty_page(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/traffic/item/search", ok({"page_no": 1, "page_size": 20}))

    assert client.items.search("shoe").items == []


def test_a_wrong_status_code_type_still_names_the_field(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(GET, httpx.Response(200, json={"errorCode": None, "data": {"price": True}}))

    with pytest.raises(tbapi.ResponseError, match=r"ItemDetail\.price: expected int, got bool True"):
        client.items.get(1)
