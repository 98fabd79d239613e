"""Contract: the generated clients themselves, called for every operation against Prism.

A 422 here means the generated request broke the spec's own constraints: it fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from mock.servers import MockUrls
from tbapi._generated import shanjing_client, taobao_top_client
from tbapi._generated.shanjing_client.api.auth import create_token, refresh_token
from tbapi._generated.shanjing_client.api.images import upload_image
from tbapi._generated.shanjing_client.api.items import get_item, image_search, search_items
from tbapi._generated.shanjing_client.api.orders import cancel_order, create_order, query_orders, render_order
from tbapi._generated.shanjing_client.api.products import get_product
from tbapi._generated.shanjing_client.models import (
    Address,
    CancelOrderRequest,
    CreateOrderRequest,
    RenderOrderRequest,
    UploadImageRequest,
)
from tbapi._generated.taobao_top_client.api.itemcats import itemcats_get
from tbapi._generated.taobao_top_client.api.itemprops import itemprops_get
from tbapi._generated.taobao_top_client.api.itempropvalues import itempropvalues_get
from tbapi._generated.taobao_top_client.api.products import products_search
from tbapi._generated.taobao_top_client.models import (
    ItemcatsGetRequest,
    ItempropsGetRequest,
    ItempropvaluesGetRequest,
    ProductsSearchRequest,
)
from tests.conftest import SHANJING_TOKEN

# The image search request the Shanjing documentation publishes, verbatim.
SEED_QUERY = (
    "filters=24shipping&excludeFilters=used_item&excludeFilters=customized_item"
    "&pic_url=https%3A%2F%2Fimg.alicdn.com%2Fbao%2Fuploaded%2Fi3%2F684174095%2FO1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg"
    "&include_tags=activity_202311_1_tb_manjian&language=en&image_id=1616108138716568543"
)
ADDRESS = Address(
    name="张三", mobile_phone="13800138000", country="CN", state="浙江省", city="杭州市", address="文一西路969号"
)
RENDER_ITEMS = '[{"itemId": "7202402671453", "skuId": "7202402671454", "quantity": "1"}]'
ORDER_LINES = (
    '[{"itemId": "7202402671453", "skuId": "7202402671454", "orderLineNo": "1", "quantity": "1",'
    ' "price": 3990, "currency": "CNY", "title": "纯棉T恤"}]'
)
ONE_PIXEL_PNG_BASE64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

SHANJING_CALLS: dict[str, tuple[Any, dict[str, Any]]] = {
    "createToken": (create_token, {"code": "0_abcdef123456"}),
    "refreshToken": (refresh_token, {"refresh_token": "refresh-token-0001"}),
    "getItem": (get_item, {"item_resource": "taobao", "item_id": 652874781431, "language": "en"}),
    "searchItems": (search_items, {"keyword": "T恤", "page_no": 1, "page_size": 20, "sort": "PRICE_ASC"}),
    "imageSearch": (image_search, {"image_id": "1616108138716568543", "language": "en"}),
    "uploadImage": (upload_image, {"body": UploadImageRequest(image_base64=ONE_PIXEL_PNG_BASE64)}),
    "getProduct": (get_product, {"item_id": 652874781431}),
    "renderOrder": (
        render_order,
        {"body": RenderOrderRequest(render_item_list=RENDER_ITEMS, receiver_address=ADDRESS)},
    ),
    "createOrder": (
        create_order,
        {
            "body": CreateOrderRequest(
                outer_purchase_id="SJ202503180001", purchase_amount=3990, order_line_list=ORDER_LINES, receiver=ADDRESS
            )
        },
    ),
    "cancelOrder": (cancel_order, {"body": CancelOrderRequest(purchase_id="3012459876543210", cancel_reason="买错了")}),
    "queryOrders": (query_orders, {"outer_purchase_id": "SJ202503180001", "page_no": 1, "page_size": 20}),
}

TOP_CALLS: dict[str, tuple[Any, Any]] = {
    "productsSearch": (
        products_search,
        ProductsSearchRequest(fields="product_id,name,price", q="优衣库", page_size=40),
    ),
    "itemcatsGet": (itemcats_get, ItemcatsGetRequest(parent_cid=0, fields="cid,parent_cid,name,is_parent")),
    "itempropsGet": (itemprops_get, ItempropsGetRequest(cid=50011999, is_key_prop=True)),
    "itempropvaluesGet": (itempropvalues_get, ItempropvaluesGetRequest(cid=50011999, fields="cid,pid,vid,name")),
}


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> None:
        self.requests.append(request)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def shanjing(mock_urls: MockUrls, recorder: Recorder) -> Iterator[shanjing_client.AuthenticatedClient]:
    client = shanjing_client.AuthenticatedClient(
        base_url=mock_urls.shanjing, token=SHANJING_TOKEN, httpx_args={"event_hooks": {"request": [recorder]}}
    )
    with client:
        yield client


@pytest.fixture
def top(mock_urls: MockUrls) -> Iterator[taobao_top_client.Client]:
    with taobao_top_client.Client(base_url=mock_urls.top_prism) as client:
        yield client


@pytest.mark.parametrize("operation_id", sorted(SHANJING_CALLS))
def test_every_shanjing_operation_is_accepted_by_the_mock(
    operation_id: str, shanjing: shanjing_client.AuthenticatedClient
) -> None:
    endpoint, kwargs = SHANJING_CALLS[operation_id]
    response = endpoint.sync_detailed(client=shanjing, **kwargs)
    assert response.status_code == 200, response.content.decode()
    envelope = response.parsed
    assert type(envelope).__name__.endswith("Response"), f"{operation_id} parsed as {type(envelope).__name__}"


@pytest.mark.parametrize("operation_id", sorted(TOP_CALLS))
def test_every_top_operation_is_accepted_by_the_mock(operation_id: str, top: taobao_top_client.Client) -> None:
    endpoint, body = TOP_CALLS[operation_id]
    response = endpoint.sync_detailed(client=top, body=body)
    assert response.status_code == 200, response.content.decode()
    assert type(response.parsed).__name__.endswith("ResponseEnvelope")
    assert type(response.parsed).__name__ != "ErrorResponseEnvelope"


def test_seed_image_search_sends_the_seed_query_pairs(
    shanjing: shanjing_client.AuthenticatedClient, recorder: Recorder
) -> None:
    seed = parse_qsl(SEED_QUERY)
    response = image_search.sync_detailed(
        client=shanjing,
        pic_url=dict(seed)["pic_url"],
        image_id="1616108138716568543",
        filters=["24shipping"],
        exclude_filters=["used_item", "customized_item"],
        include_tags=["activity_202311_1_tb_manjian"],
        language="en",
    )
    sent = recorder.requests[-1]
    assert urlsplit(str(sent.url)).path == "/rest/taobao-global/traffic/item/imgsearch"
    assert sorted(parse_qsl(sent.url.query.decode())) == sorted(seed)
    assert response.status_code == 200
