"""Every Shanjing call of tbapi against the Prism mock of openapi/shanjing.yaml.

Prism validates each request against the spec: a 422 (the request breaks the contract) surfaces as
`InvalidRequestError` and fails the test. `Prefer: example=<name>` reaches the spec's error examples.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

import tbapi
from mock.servers import MockUrls
from tests.e2e.conftest import AsyncHttp
from tests.order_data import FULL_RECEIVER

TOKEN = "e2e-access-token-0001"
REFRESH = "e2e-refresh-token-0001"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
RECEIVER = FULL_RECEIVER
SEED_PIC_URL = "https://img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg"


def make(mock_urls: MockUrls, example: str | None = None, **kwargs: object) -> tbapi.ShanjingClient:
    headers = {"Prefer": f"example={example}"} if example else {}
    return tbapi.ShanjingClient(
        base_url=mock_urls.shanjing,
        access_token=TOKEN,
        max_retries=0,
        http_client=httpx.Client(headers=headers),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def client(mock_urls: MockUrls) -> Iterator[tbapi.ShanjingClient]:
    with make(mock_urls) as c:
        yield c


def amake(
    mock_urls: MockUrls, async_http: AsyncHttp, example: str | None = None, **kwargs: Any
) -> tbapi.AsyncShanjingClient:
    """An async client on the transport under test (`async_http`), `example` picking the mock's answer."""
    http = async_http({"Prefer": f"example={example}"} if example else None)
    options: dict[str, Any] = {"base_url": mock_urls.shanjing, "access_token": TOKEN, "max_retries": 0, **kwargs}
    return tbapi.AsyncShanjingClient(http_client=http, **options)


@pytest.fixture
async def aclient(mock_urls: MockUrls, async_http: AsyncHttp) -> AsyncIterator[tbapi.AsyncShanjingClient]:
    async with amake(mock_urls, async_http) as c:
        yield c


def test_auth_create_token(client: tbapi.ShanjingClient) -> None:
    record = client.auth.create_token("0_501419_kCsYjHnRtWq3Zp8vLmXy2Ab1001")
    assert record.access_token.startswith("50000601")
    assert record.expires_at is not None
    assert client.token == record


def test_auth_refresh(mock_urls: MockUrls) -> None:
    with make(mock_urls, refresh_token=REFRESH) as client:
        record = client.auth.refresh()
    assert record.refresh_token is not None
    assert record.refresh_token.startswith("50001600")


def test_items_get(client: tbapi.ShanjingClient) -> None:
    item = client.items.get(689542173310, language="en", include_tags=["activity_202311_1_tb_manjian"])
    assert item.tb_item_id == 689542173310
    assert item.sku_list[0].sku_id == 5123456789012  # type: ignore[index]


def test_items_search(client: tbapi.ShanjingClient) -> None:
    page = client.items.search(
        "纯棉短袖T恤",
        sort="SALE_QTY_DESC",
        filters=["24shipping"],
        exclude_filters=["used_item"],
        include_tags=["activity_202311_1_tb_manjian"],
        language="en",
        shop_id=573908211,
    )
    assert (len(page.items), page.page_no, page.page_size) == (3, 1, 20)


def test_items_iter_search_stops_after_the_short_page(client: tbapi.ShanjingClient) -> None:
    assert len(list(client.items.iter_search("纯棉短袖T恤"))) == 3


def test_items_iter_search_stops_at_an_empty_page(mock_urls: MockUrls) -> None:
    with make(mock_urls, "emptyPage") as client:
        assert list(client.items.iter_search("纯棉短袖T恤")) == []


def test_items_image_search_with_the_seed_arguments(client: tbapi.ShanjingClient) -> None:
    items = client.items.image_search(
        pic_url=SEED_PIC_URL,
        image_id="1616108138716568543",
        filters=["24shipping"],
        exclude_filters=["used_item", "customized_item"],
        include_tags=["activity_202311_1_tb_manjian"],
        language="en",
    )
    assert [item.tb_item_id for item in items] == [689542173310, 701234567891]


def test_items_image_search_by_image_uploads_first(client: tbapi.ShanjingClient) -> None:
    assert len(client.items.image_search(image=PNG, language="en")) == 2


def test_images_upload(client: tbapi.ShanjingClient) -> None:
    assert client.images.upload(PNG) == "1616108138716568543"


def test_products_get(client: tbapi.ShanjingClient) -> None:
    product = client.products.get(689542173310)
    assert product.mp_id == "7202402671453"
    assert product.sku_list[0].mp_sku_id == "7202402671454"  # type: ignore[index]


def test_orders_render(client: tbapi.ShanjingClient) -> None:
    result = client.orders.render(
        items=[
            {
                "itemId": "7202402671453",
                "skuId": "7202402671454",
                "quantity": 2,
                "chooseSupplychainServices": [{"optionId": 361, "serviceCategory": "QUALITY_INSPECTION"}],
            }
        ],
        receiver_address=RECEIVER,
        warehouse_address=RECEIVER,
        need_supplychain_service=True,
    )
    assert result.total_real_pay_price.amount == 7980  # type: ignore[union-attr]


def test_orders_create(client: tbapi.ShanjingClient) -> None:
    result = client.orders.create(
        outer_purchase_id="SJ202503180001",
        purchase_amount=7980,
        receiver=RECEIVER,
        seller_order_number="SHOP-100234",
        order_source="tbapi",
        support_partial_success=False,
        channel_order_type="PANAMA",
        order_remark="白色 L",
        order_lines=[
            {
                "itemId": "7202402671453",
                "skuId": "7202402671454",
                "orderLineNo": "1",
                "quantity": 2,
                "price": 3590,
                "currency": "CNY",
                "title": "T恤",
            }
        ],
    )
    assert result.order_list[0].purchase_id == 3012459876543210  # type: ignore[index]


def test_orders_cancel(client: tbapi.ShanjingClient) -> None:
    accepted = client.orders.cancel(
        3012459876543210, cancel_reason="买家不想要了", cancel_remark="改色", sub_purchase_order_ids=[3012459876543211]
    )
    assert accepted.success is True


def test_orders_query(client: tbapi.ShanjingClient) -> None:
    page = client.orders.query(
        purchase_ids=[3012459876543210],
        outer_purchase_id="SJ202503180001",
        status="WAIT_SELLER_SEND_GOODS",
        sort_type="DESC",
        sort_field="gmt_modified",
        page_size=20,
        modify_time_start=1742227200000,
        modify_time_end=1742313600000,
    )
    assert (page.total, [o.outer_purchase_id for o in page.items]) == (1, ["SJ202503180001"])


def test_orders_iter_query_stops_at_the_total(client: tbapi.ShanjingClient) -> None:
    assert [o.purchase_id for o in client.orders.iter_query(status="WAIT_SELLER_SEND_GOODS")] == [3012459876543210]


async def test_async_client_calls_the_mock(aclient: tbapi.AsyncShanjingClient) -> None:
    item = await aclient.items.get(689542173310)
    orders = [o async for o in aclient.orders.iter_query()]
    assert (item.tb_item_id, len(orders)) == (689542173310, 1)


async def test_async_every_call(aclient: tbapi.AsyncShanjingClient) -> None:
    assert len((await aclient.items.search("纯棉短袖T恤", language="en")).items) == 3
    assert len([i async for i in aclient.items.iter_search("纯棉短袖T恤")]) == 3
    assert len(await aclient.items.image_search(pic_url=SEED_PIC_URL, language="en")) == 2
    assert await aclient.images.upload(PNG) == "1616108138716568543"  # a multipart body
    assert (await aclient.products.get(689542173310)).mp_id == "7202402671453"
    line = {"itemId": "7202402671453", "skuId": "7202402671454", "orderLineNo": "1", "quantity": 1}
    created = await aclient.orders.create(
        outer_purchase_id="SJ202503180001", purchase_amount=7980, receiver=RECEIVER, order_lines=[line]
    )
    assert created.order_list[0].purchase_id == 3012459876543210  # type: ignore[index]
    assert (await aclient.orders.cancel(3012459876543210, cancel_reason="买家不想要了")).success is True
    assert (await aclient.orders.query(outer_purchase_id="SJ202503180001")).total == 1


async def test_async_refresh(mock_urls: MockUrls, async_http: AsyncHttp) -> None:
    async with amake(mock_urls, async_http, refresh_token=REFRESH) as client:
        record = await client.auth.refresh()
    assert record.refresh_token is not None
    assert record.refresh_token.startswith("50001600")


async def test_async_an_invalid_parameter_body_raises_invalid_request_error(
    mock_urls: MockUrls, async_http: AsyncHttp
) -> None:
    async with amake(mock_urls, async_http, "invalidParameter") as client:
        with pytest.raises(tbapi.InvalidRequestError) as caught:
            await client.items.get(689542173310)
    assert caught.value.code == "InvalidParameter"


async def test_async_an_expired_token_whose_refresh_fails_raises_authentication_error(
    mock_urls: MockUrls, async_http: AsyncHttp
) -> None:
    async with amake(mock_urls, async_http, "expiredToken", refresh_token=REFRESH) as client:
        with pytest.raises(tbapi.AuthenticationError, match="Refreshing the access token failed"):
            await client.items.search("shirt")


# ------------------------------------------------------------------------- the error examples


def test_an_invalid_parameter_body_raises_invalid_request_error(mock_urls: MockUrls) -> None:
    with make(mock_urls, "invalidParameter") as client, pytest.raises(tbapi.InvalidRequestError) as caught:
        client.items.get(689542173310)
    assert caught.value.code == "InvalidParameter"


def test_success_false_with_a_code_raises(mock_urls: MockUrls) -> None:
    with make(mock_urls, "invalidParameter") as client, pytest.raises(tbapi.InvalidRequestError):
        client.products.get(689542173310)


def test_an_expired_token_without_refresh_token_raises_authentication_error(mock_urls: MockUrls) -> None:
    with make(mock_urls, "expiredToken") as client, pytest.raises(tbapi.AuthenticationError) as caught:
        client.items.search("shirt")
    assert caught.value.code == "IllegalAccessToken"


def test_an_expired_token_whose_refresh_fails_raises_authentication_error(mock_urls: MockUrls) -> None:
    with (
        make(mock_urls, "expiredToken", refresh_token=REFRESH) as client,
        pytest.raises(tbapi.AuthenticationError, match="Refreshing the access token failed"),
    ):
        client.items.image_search(pic_url=SEED_PIC_URL)


def test_a_duplicate_order_raises_invalid_request_error_without_a_retry(mock_urls: MockUrls) -> None:
    with make(mock_urls, "duplicateOrder") as client, pytest.raises(tbapi.InvalidRequestError) as caught:
        client.orders.create(
            outer_purchase_id="SJ202503180001",
            purchase_amount=7980,
            receiver=RECEIVER,
            order_lines=[{"itemId": "7202402671453", "skuId": "7202402671454", "orderLineNo": "1", "quantity": 1}],
        )
    assert caught.value.code == "DUPLICATE_OUTER_PURCHASE_ID"


def test_no_order_found_gives_an_empty_page(mock_urls: MockUrls) -> None:
    with make(mock_urls, "notFound") as client:
        page = client.orders.query(outer_purchase_id="never-created")
    assert (page.total, page.items) == (0, [])


def test_no_image_match_gives_an_empty_list(mock_urls: MockUrls) -> None:
    with make(mock_urls, "noMatch") as client:
        assert client.items.image_search(image_id="1616108138716568543") == []


def test_a_client_without_a_token_is_refused_before_reaching_the_mock(
    mock_urls: MockUrls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TBAPI_SHANJING_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("TBAPI_SHANJING_REFRESH_TOKEN", raising=False)
    with (
        tbapi.ShanjingClient(base_url=mock_urls.shanjing, max_retries=0) as client,
        pytest.raises(tbapi.ValidationError, match="TBAPI_SHANJING_ACCESS_TOKEN") as caught,
    ):
        client.items.get(689542173310)
    assert caught.value.param == "access_token"


def test_a_request_without_a_bearer_token_is_http_401_at_the_mock(mock_urls: MockUrls) -> None:
    response = httpx.get(f"{mock_urls.shanjing}/rest/taobao-global/traffic/item/get?item_resource=taobao&item_id=1")
    assert response.status_code == 401


def test_create_token_needs_no_access_token(mock_urls: MockUrls, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TBAPI_SHANJING_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("TBAPI_SHANJING_REFRESH_TOKEN", raising=False)
    with tbapi.ShanjingClient(base_url=mock_urls.shanjing, max_retries=0) as client:
        client.auth.create_token("0_501419_kCsYjHnRtWq3Zp8vLmXy2Ab1001")
        assert client.items.get(689542173310).title


def test_a_refresh_token_alone_gets_a_token_from_the_mock(mock_urls: MockUrls, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TBAPI_SHANJING_ACCESS_TOKEN", raising=False)
    with tbapi.ShanjingClient(base_url=mock_urls.shanjing, refresh_token="refresh-only-0001", max_retries=0) as client:
        assert client.items.get(689542173310).title
        assert client.token is not None
        assert client.token.access_token


def _break_pic_url(request: httpx.Request) -> None:
    """A request hook of the user's own httpx client: what leaves breaks the spec (as a wrong proxy might)."""
    request.url = request.url.copy_set_param("pic_url", "not-a-uri")


def test_a_mock_422_names_the_violated_constraint(mock_urls: MockUrls) -> None:
    http = httpx.Client(event_hooks={"request": [_break_pic_url]})
    with (
        http,
        tbapi.ShanjingClient(access_token=TOKEN, base_url=mock_urls.shanjing, http_client=http) as client,
        pytest.raises(tbapi.InvalidRequestError) as caught,
    ):
        client.items.image_search(pic_url="https://img.alicdn.com/x.jpg")
    assert caught.value.http_status == 422
    assert "pic_url must match pattern" in str(caught.value)
