"""`tbapi.testing.ExampleTransport`: every call of both clients, sync and async, offline from the spec examples."""

from __future__ import annotations

import base64

import httpx
import pytest

import tbapi
from tbapi.testing import ExampleTransport

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
RECEIVER = {"name": "张伟", "mobile_phone": "13800138000", "country": "CN", "address": "文一西路998号"}
LINE = {"itemId": "7202402671453", "skuId": "7202402671454", "orderLineNo": "1", "quantity": 2, "price": 3590}
PIC = "https://img.alicdn.com/x.jpg"
# Distinctive values: tbapi redacts every secret it was given from all later messages of the process.
ACCESS_TOKEN = "example-transport-access-token-0001"
REFRESH_TOKEN = "example-transport-refresh-token-0001"
APP_SECRET = "example-transport-app-secret-0001"


def shanjing(transport: ExampleTransport, **kwargs: object) -> tbapi.ShanjingClient:
    return tbapi.ShanjingClient(access_token=ACCESS_TOKEN, http_client=httpx.Client(transport=transport), **kwargs)  # type: ignore[arg-type]


def top(transport: ExampleTransport) -> tbapi.TopClient:
    return tbapi.TopClient(app_key="k", app_secret=APP_SECRET, http_client=httpx.Client(transport=transport))


def test_every_shanjing_call_runs_offline() -> None:
    with shanjing(ExampleTransport(), refresh_token=REFRESH_TOKEN) as client:
        results = [
            client.auth.create_token("code").expires_at is not None,
            client.auth.refresh().refresh_token is not None,
            client.items.get(689542173310).tb_item_id,
            len(client.items.search("T恤").items),
            len(list(client.items.iter_search("T恤"))),
            len(client.items.image_search(pic_url=PIC)),
            len(client.items.image_search(image=PNG)),
            client.images.upload(PNG),
            client.products.get(689542173310).mp_id,
            client.orders.render(
                items=[{"itemId": "1", "skuId": "2", "quantity": 1}], receiver_address=RECEIVER
            ).total_real_pay_price.amount,  # type: ignore[union-attr]
            client.orders.create(outer_purchase_id="o1", purchase_amount=1, order_lines=[LINE], receiver=RECEIVER)
            .order_list[0]  # type: ignore[index]
            .purchase_id,
            client.orders.cancel(1, cancel_reason="r").success,
            client.orders.query().total,
            len(list(client.orders.iter_query())),
        ]
    assert results == [True, True, 689542173310, 3, 3, 2, 2, "1616108138716568543", "7202402671453", 7980,
                       3012459876543210, True, 1, 1]  # fmt: skip


async def test_every_shanjing_call_runs_offline_async() -> None:
    transport = ExampleTransport()
    async with tbapi.AsyncShanjingClient(
        access_token=ACCESS_TOKEN, http_client=httpx.AsyncClient(transport=transport)
    ) as c:
        item = await c.items.get(689542173310)
        found = await c.items.image_search(image=PNG)
        orders = [o async for o in c.orders.iter_query()]
    assert (item.tb_item_id, len(found), len(orders), len(transport.requests)) == (689542173310, 2, 1, 4)


def test_every_top_call_runs_offline() -> None:
    with top(ExampleTransport()) as client:
        results = [
            client.products.search(fields="product_id,name", q="优衣库").total_results,
            len(list(client.products.iter_search(fields="product_id", q="优衣库", max_items=2))),
            [c.name for c in client.itemcats.get(parent_cid=0)],
            client.itemprops.get(cid=50000436)[0].pid,
            client.itempropvalues.get(cid=50000436)[0].name,
            sorted(client.call("taobao.itemcats.get", {"parent_cid": 0})),
        ]
    assert results == [
        108,
        2,
        ["T恤", "夹克", "羽绒服"],
        20000,
        "Uniqlo/优衣库",
        ["item_cats", "last_modified", "request_id"],
    ]


async def test_every_top_call_runs_offline_async() -> None:
    async with tbapi.AsyncTopClient(
        app_key="k", app_secret=APP_SECRET, http_client=httpx.AsyncClient(transport=ExampleTransport())
    ) as client:
        page = await client.products.search(fields="product_id", q="优衣库")
        cats = await client.itemcats.get(parent_cid=0)
        props = await client.itemprops.get(cid=50000436)
        values = await client.itempropvalues.get(cid=50000436)
        response = await client.call("taobao.products.search", {"q": "x", "fields": "name"})
    assert (page.total_results, len(cats), len(props), len(values), response["total_results"]) == (108, 3, 3, 3, 108)


def test_an_error_example_is_picked_by_operation_id() -> None:
    with (
        shanjing(ExampleTransport(examples={"imageSearch": "expiredToken"})) as client,
        pytest.raises(tbapi.AuthenticationError, match="IllegalAccessToken"),
    ):
        client.items.image_search(pic_url=PIC)


def test_an_error_example_is_picked_by_top_method_name() -> None:
    transport = ExampleTransport(examples={"taobao.products.search": "invalid_signature"})
    with top(transport) as client, pytest.raises(tbapi.AuthenticationError):
        client.products.search(fields="name", q="x")


def test_a_list_of_examples_is_answered_in_turn() -> None:
    transport = ExampleTransport(examples={"getItem": ["expiredToken", "success"]})
    with shanjing(transport, refresh_token=REFRESH_TOKEN) as client:
        assert client.items.get(1).tb_item_id == 689542173310  # refreshed once, then replayed
    assert [r.url.path.rsplit("/", 1)[-1] for r in transport.requests] == ["get", "refresh", "get"]


def test_the_last_example_of_a_list_repeats() -> None:
    transport = ExampleTransport(examples={"searchItems": ["success", "emptyPage"]})
    with shanjing(transport) as client:
        sizes = [len(client.items.search("x").items) for _ in range(3)]
    assert sizes == [3, 0, 0]


def test_a_prefer_header_picks_the_example_as_prism_does() -> None:
    http = httpx.Client(transport=ExampleTransport(), headers={"Prefer": "example=noMatch"})
    with tbapi.ShanjingClient(access_token=ACCESS_TOKEN, http_client=http) as client:
        assert client.items.image_search(pic_url=PIC) == []


def test_an_unknown_top_method_answers_error_22() -> None:
    with top(ExampleTransport()) as client, pytest.raises(tbapi.InvalidRequestError, match="code=22"):
        client.call("taobao.user.seller.get", {"fields": "nick"})


def test_the_top_business_parameters_are_recorded() -> None:
    transport = ExampleTransport()
    with top(transport) as client:
        client.products.search(fields=["product_id", "name"], q="优衣库")
    assert (transport.form(), transport.requests[0].url.params["method"]) == (
        {"fields": "product_id,name", "q": "优衣库"},
        "taobao.products.search",
    )


def test_an_unknown_operation_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="no operation 'imageSerch'"):
        ExampleTransport(examples={"imageSerch": "success"})


def test_an_unknown_example_name_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="it has: success, published, noMatch"):
        ExampleTransport(examples={"imageSearch": "nomatch"})
