"""Every TOP call of tbapi through the TOP gateway front (mock/top_gateway.py) and Prism behind it.

The gateway front checks the real wire format (system parameters, timestamp, signature) and forwards the
business parameters to Prism, which validates them against openapi/top.yaml: a contract breach comes back
as code 41 with the `X-Tbapi-Mock-Validation` header and fails the test. `Prefer: example=<name>` picks an
example of the spec.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

import tbapi
from mock.servers import MockUrls
from mock.top_gateway import VALIDATION_HEADER
from tbapi.top import TopClock
from tests.conftest import TOP_APP_KEY, TOP_APP_SECRET
from tests.e2e.conftest import AsyncHttp

ROOT = Path(__file__).resolve().parents[2]
TWENTY_MINUTES = 20 * 60


class Recorder:
    """Counts the wire requests and fails on any the mock flagged as breaking the spec."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def request(self, request: httpx.Request) -> None:
        self.requests.append(request)

    def response(self, response: httpx.Response) -> None:
        assert VALIDATION_HEADER.lower() not in response.headers, "the request broke openapi/top.yaml"


def make(
    mock_urls: MockUrls, *, example: str | None = None, recorder: Recorder | None = None, **kwargs: Any
) -> tbapi.TopClient:
    recorder = recorder or Recorder()
    http = httpx.Client(
        headers={"Prefer": f"example={example}"} if example else {},
        event_hooks={"request": [recorder.request], "response": [recorder.response]},
        trust_env=False,
    )
    options: dict[str, Any] = {
        "app_key": TOP_APP_KEY,
        "app_secret": TOP_APP_SECRET,
        "base_url": mock_urls.top_gateway,
        "max_retries": 0,
        **kwargs,
    }
    return tbapi.TopClient(http_client=http, **options)


@pytest.fixture
def top(mock_urls: MockUrls) -> Iterator[tbapi.TopClient]:
    with make(mock_urls) as client:
        yield client


@pytest.fixture
async def atop(mock_urls: MockUrls, async_http: AsyncHttp) -> AsyncIterator[tbapi.AsyncTopClient]:
    async with tbapi.AsyncTopClient(
        app_key=TOP_APP_KEY,
        app_secret=TOP_APP_SECRET,
        base_url=mock_urls.top_gateway,
        max_retries=0,
        http_client=async_http(),
    ) as client:
        yield client


# --- every call -----------------------------------------------------------------------------------------------


def test_products_search(top: tbapi.TopClient) -> None:
    result = top.products.search(fields=["product_id", "name", "price"], q="优衣库", page_size=40, status=[0, 3])
    assert result.total_results == 108
    assert str(result.products[0].name).startswith("优衣库")
    assert isinstance(result.products[0].product_id, int)


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_products_search_with_each_sign_method(mock_urls: MockUrls, sign_method: str) -> None:
    with make(mock_urls, sign_method=sign_method) as top:
        assert top.products.search(fields="name", cid=50011999).products


def test_products_search_with_every_parameter(top: tbapi.TopClient) -> None:
    result = top.products.search(
        fields=["product_id", "name", "pic_url", "cid", "props", "price", "tsc", "status"],
        q="优衣库 1234",
        cid=50011999,
        props={20000: 3380017, 13021751: 736201029},
        status="0,3",
        page_no=1,
        page_size=100,
        vertical_market=3,
        customer_props="20000:优衣库:型号:001;632501:1234",
        suite_items_str="1000000062318020:1;1000000062318020:2;",
        barcode_str=["6924343550791", "6901028180559"],
        market_id=2,
    )
    assert result.products


def test_products_search_with_no_match_gives_an_empty_list(mock_urls: MockUrls) -> None:
    with make(mock_urls, example="empty") as top:
        result = top.products.search(fields="name", q="nothing")
    assert (result.total_results, result.products) == (0, [])


def test_products_iter_search_stops_at_max_items(mock_urls: MockUrls) -> None:
    recorder = Recorder()
    with make(mock_urls, recorder=recorder) as top:
        products = list(top.products.iter_search(fields="product_id,name", q="优衣库", page_size=3, max_items=3))
    assert len(products) == 3
    assert len(recorder.requests) == 1


def test_products_iter_search_refuses_the_mocks_repeated_page(mock_urls: MockUrls) -> None:
    # The mock answers every page with its one example: a server repeating a page, which must not be walked.
    recorder = Recorder()
    products: list[Any] = []
    with make(mock_urls, recorder=recorder) as top, pytest.raises(tbapi.ResponseError, match="page 2 with page 1"):
        products.extend(top.products.iter_search(fields="product_id,name", q="优衣库", page_size=3))
    assert len(products) == 3
    assert len(recorder.requests) == 2


def test_itemcats_get(top: tbapi.TopClient) -> None:
    cats = top.itemcats.get(parent_cid=30, fields=["cid", "parent_cid", "name", "is_parent"])
    assert [c.name for c in cats] == ["T恤", "夹克", "羽绒服"]


def test_itemcats_get_by_cids(top: tbapi.TopClient) -> None:
    assert top.itemcats.get(cids=[50000436, 50011167])


def test_itemcats_get_by_a_comma_string_of_cids(top: tbapi.TopClient) -> None:
    assert top.itemcats.get(cids="50000436,50011167")


def test_cids_sent_as_the_official_example_writes_them_are_accepted(top: tbapi.TopClient) -> None:
    assert top.call("taobao.itemcats.get", {"cids": "18957,19562,"})["item_cats"]


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("taobao.itemcats.get", {"parent_cid": 30}),
        ("taobao.itemprops.get", {"cid": 50000436}),
        ("taobao.itempropvalues.get", {"cid": 50000436, "fields": "vid,name"}),
    ],
)
def test_call_with_the_datetime_the_official_sdks_send_is_accepted(
    top: tbapi.TopClient, method: str, params: dict[str, Any]
) -> None:
    assert top.call(method, {**params, "datetime": datetime(2005, 1, 1)})


def test_products_search_with_the_sdk_fields_and_a_starred_barcode(top: tbapi.TopClient) -> None:
    fields = ["product_id", "is_suite_effective", "barcode_str", "pic_path"]
    assert top.products.search(fields=fields, q="x", barcode_str="69*24343550791", status=[0, 1]).products


def test_itemcats_get_empty_is_an_empty_list(mock_urls: MockUrls) -> None:
    with make(mock_urls, example="empty") as top:
        assert top.itemcats.get(parent_cid=0) == []


def test_itemprops_get(top: tbapi.TopClient) -> None:
    props = top.itemprops.get(cid=50000436, is_key_prop=True, fields="pid,name,must,multi,prop_values", type=1)
    assert props[0].name == "品牌"


def test_itempropvalues_get(top: tbapi.TopClient) -> None:
    values = top.itempropvalues.get(cid=50000436, pvs=[20000])
    assert [v.name_alias for v in values] == ["优衣库", "耐克", "阿迪达斯"]


def test_call_any_method_through_the_gateway(top: tbapi.TopClient) -> None:
    response = top.call("taobao.itemcats.get", {"parent_cid": 30, "fields": "cid,name"})
    assert response["item_cats"]["item_cat"][0]["name"] == "T恤"
    assert "request_id" in response


def test_call_with_a_session(top: tbapi.TopClient) -> None:
    assert top.call("taobao.products.search", {"fields": "name", "q": "x"}, session="a-user-session")["total_results"]


def test_call_of_a_method_the_gateway_does_not_serve_is_code_22(top: tbapi.TopClient) -> None:
    with pytest.raises(tbapi.InvalidRequestError) as caught:
        top.call("taobao.item.seller.get", {"fields": "num_iid", "num_iid": 1})
    assert caught.value.code == 22


# --- errors through the gateway ---------------------------------------------------------------------------------


def test_wrong_secret_is_authentication_error_25(mock_urls: MockUrls) -> None:
    with make(mock_urls, app_secret="not-the-secret") as top, pytest.raises(tbapi.AuthenticationError) as caught:
        top.products.search(fields="name", q="x")
    assert caught.value.code == 25
    assert "not-the-secret" not in str(caught.value)


def test_wrong_app_key_is_authentication_error_29(mock_urls: MockUrls) -> None:
    with make(mock_urls, app_key="87654321") as top, pytest.raises(tbapi.AuthenticationError) as caught:
        top.itemcats.get(parent_cid=0)
    assert caught.value.code == 29


def test_api_ban_is_rate_limit_error_with_its_retry_after(mock_urls: MockUrls) -> None:
    with (
        make(mock_urls, example="api_call_limited", max_retries=2) as top,
        pytest.raises(tbapi.RateLimitError) as caught,
    ):
        top.products.search(fields="name", q="x")
    assert caught.value.retry_after == 71
    assert not caught.value.quota_exhausted


def failed_call(
    mock_urls: MockUrls, example: str, max_retries: int, call: Callable[[tbapi.TopClient], object]
) -> tuple[tbapi.TbapiError, int]:
    """The error `call` ends with when the mock answers with its `example`, and how many requests were sent."""
    recorder = Recorder()
    with (
        make(mock_urls, example=example, recorder=recorder, max_retries=max_retries) as top,
        pytest.raises(tbapi.TbapiError) as caught,
    ):
        call(top)
    return caught.value, len(recorder.requests)


def test_daily_quota_fails_fast(mock_urls: MockUrls) -> None:
    error, sent = failed_call(mock_urls, "app_daily_quota", 2, lambda top: top.itemprops.get(cid=1))
    assert isinstance(error, tbapi.RateLimitError)
    assert error.quota_exhausted
    assert sent == 1


def test_remote_service_unavailable_is_retried_then_server_error(mock_urls: MockUrls) -> None:
    error, sent = failed_call(mock_urls, "remote_service_unavailable", 1, lambda top: top.itempropvalues.get(cid=1))
    assert isinstance(error, tbapi.ServerError)
    assert error.sub_code == "isp.top-remote-service-unavailable"
    assert sent == 2


def test_invalid_session_is_authentication_error_27(mock_urls: MockUrls) -> None:
    with make(mock_urls, example="invalid_session") as top, pytest.raises(tbapi.AuthenticationError) as caught:
        top.itemcats.get(parent_cid=0)
    assert (caught.value.code, caught.value.sub_code) == (27, "invalid-sessionkey")


# --- the clock --------------------------------------------------------------------------------------------------


def test_clock_twenty_minutes_off_without_correction_is_code_31(mock_urls: MockUrls) -> None:
    recorder = Recorder()
    clock = TopClock(now=lambda: time.time() - TWENTY_MINUTES, auto_correct=False)
    with make(mock_urls, recorder=recorder, clock=clock) as top, pytest.raises(tbapi.InvalidRequestError) as caught:
        top.products.search(fields="name", q="x")
    assert caught.value.code == 31
    assert len(recorder.requests) == 1


def test_clock_twenty_minutes_off_is_corrected_after_one_retry(mock_urls: MockUrls) -> None:
    recorder = Recorder()
    with make(mock_urls, recorder=recorder, clock=TopClock(now=lambda: time.time() + TWENTY_MINUTES)) as top:
        assert top.products.search(fields="name", q="x").products
        assert len(recorder.requests) == 2
        assert top.itemcats.get(parent_cid=30)  # the learnt offset is kept
    assert len(recorder.requests) == 3


def test_new_york_host_succeeds(mock_urls: MockUrls) -> None:
    code = (
        "import json, time, tbapi\n"
        "with tbapi.TopClient() as top:\n"
        "    page = top.products.search(fields=['product_id', 'name'], q='优衣库')\n"
        "print(json.dumps({'total': page.total_results, 'utc_offset': time.localtime().tm_gmtoff}))\n"
    )
    env = {
        **os.environ,
        "TZ": "America/New_York",
        "TBAPI_TOP_APP_KEY": TOP_APP_KEY,
        "TBAPI_TOP_APP_SECRET": TOP_APP_SECRET,
        "TBAPI_TOP_BASE_URL": mock_urls.top_gateway,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "wrapper"), str(ROOT / "generated")]),
    }
    env.pop("TBAPI_TOP_SESSION", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["utc_offset"] in {-5 * 3600, -4 * 3600}, "the subprocess really runs in New York time"
    assert output["total"] == 108


# --- async ------------------------------------------------------------------------------------------------------


async def test_async_every_call(atop: tbapi.AsyncTopClient) -> None:
    assert (await atop.products.search(fields="name", q="优衣库")).products
    assert len([p async for p in atop.products.iter_search(fields="name", q="x", page_size=3, max_items=3)]) == 3
    assert await atop.itemcats.get(parent_cid=30)
    assert await atop.itemprops.get(cid=50000436)
    assert await atop.itempropvalues.get(cid=50000436)
    assert "item_cats" in await atop.call("taobao.itemcats.get", {"parent_cid": 30})


async def test_async_wrong_secret_is_authentication_error_25(mock_urls: MockUrls, async_http: AsyncHttp) -> None:
    async with tbapi.AsyncTopClient(
        app_key=TOP_APP_KEY, app_secret="wrong", base_url=mock_urls.top_gateway, http_client=async_http()
    ) as top:
        with pytest.raises(tbapi.AuthenticationError) as caught:
            await top.itemcats.get(parent_cid=0)
    assert caught.value.code == 25


async def test_async_api_ban_is_rate_limit_error_with_its_retry_after(
    mock_urls: MockUrls, async_http: AsyncHttp
) -> None:
    http = async_http({"Prefer": "example=api_call_limited"})
    async with tbapi.AsyncTopClient(
        app_key=TOP_APP_KEY, app_secret=TOP_APP_SECRET, base_url=mock_urls.top_gateway, http_client=http
    ) as top:
        with pytest.raises(tbapi.RateLimitError) as caught:
            await top.products.search(fields="name", q="x")
    assert caught.value.retry_after == 71
    assert not caught.value.quota_exhausted


async def test_async_clock_twenty_minutes_off_is_corrected(mock_urls: MockUrls) -> None:
    clock = TopClock(now=lambda: time.time() - TWENTY_MINUTES)
    async with tbapi.AsyncTopClient(
        app_key=TOP_APP_KEY, app_secret=TOP_APP_SECRET, base_url=mock_urls.top_gateway, max_retries=0, clock=clock
    ) as atop:
        assert await atop.itemcats.get(parent_cid=30)
        assert atop.clock.offset == pytest.approx(TWENTY_MINUTES, abs=5)


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_extra_query_and_body_parameters_pass_the_gateways_signature_check(
    mock_urls: MockUrls, sign_method: str
) -> None:
    with make(mock_urls, sign_method=sign_method) as top:
        found = top.products.search(
            fields="name", cid=50011999, extra_query={"partner_id": "tbapi-e2e"}, extra_body={"page_size": 5}
        )
    assert found.products
