"""TopClient / AsyncTopClient: unwrapping, pagination, `call`, the clock, configuration and the async twin."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

import tbapi
from tbapi import InvalidRequestError, ValidationError
from tbapi.top import AsyncTopClient, ProductsSearchResult, TopClient, TopClock

from .conftest import APP_KEY, SECRET, FakeGateway, async_top_client, error_body, top_client


def product(n: int) -> dict[str, Any]:
    return {"product_id": n, "name": f"p{n}"}


def page(total: int, ids: list[int]) -> dict[str, Any]:
    body: dict[str, Any] = {"total_results": total, "request_id": "r"}
    if ids:
        body["products"] = {"product": [product(n) for n in ids]}
    return {"products_search_response": body}


# --- unwrapping -------------------------------------------------------------------------------------------


def test_products_are_unwrapped_into_a_plain_list() -> None:
    result = top_client(FakeGateway(page(108, [1, 2]))).products.search(fields="product_id,name", q="x")
    assert isinstance(result, ProductsSearchResult)
    assert result.total_results == 108
    assert [p.product_id for p in result.products] == [1, 2]
    assert result.request_id == "r"


def test_absent_product_list_is_an_empty_list() -> None:
    result = top_client(FakeGateway(page(0, []))).products.search(fields="name", q="x")
    assert (result.total_results, result.products) == (0, [])


def test_product_wrapper_without_its_list_is_an_empty_list() -> None:
    body = {"products_search_response": {"total_results": 0, "products": {}}}
    assert top_client(FakeGateway(body)).products.search(fields="name", q="x").products == []


def test_the_sdk_product_fields_are_typed_attributes() -> None:
    suite = {"product_id": 1, "is_suite_effective": True, "barcode_str": "6924343550791", "pic_path": "i1/TB1.jpg"}
    body = {"products_search_response": {"total_results": 1, "products": {"product": [suite]}}}
    fields = "product_id,is_suite_effective,barcode_str,pic_path"

    (found,) = top_client(FakeGateway(body)).products.search(fields=fields, q="x").products

    assert (found.is_suite_effective, found.barcode_str, found.pic_path) == (True, "6924343550791", "i1/TB1.jpg")
    assert found.additional_properties == {}


def test_product_ids_beyond_2_pow_53_stay_exact() -> None:
    big = 2**60 + 1
    result = top_client(FakeGateway(page(1, [big]))).products.search(fields="product_id", q="x")
    assert result.products[0].product_id == big


@pytest.mark.parametrize(
    ("call", "body", "names"),
    [
        (
            lambda c: c.itemcats.get(parent_cid=0),
            {"itemcats_get_response": {"item_cats": {"item_cat": [{"cid": 1, "name": "a"}, {"cid": 2, "name": "b"}]}}},
            ["a", "b"],
        ),
        (
            lambda c: c.itemprops.get(cid=1),
            {"itemprops_get_response": {"item_props": {"item_prop": [{"pid": 20000, "name": "品牌"}]}}},
            ["品牌"],
        ),
        (
            lambda c: c.itempropvalues.get(cid=1),
            {"itempropvalues_get_response": {"prop_values": {"prop_value": [{"vid": 3, "name": "优衣库"}]}}},
            ["优衣库"],
        ),
    ],
)
def test_helper_lists_are_unwrapped(call: Any, body: dict[str, Any], names: list[str]) -> None:
    assert [item.name for item in call(top_client(FakeGateway(body)))] == names


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda c: c.itemcats.get(parent_cid=0), "itemcats_get_response"),
        (lambda c: c.itemprops.get(cid=1), "itemprops_get_response"),
        (lambda c: c.itempropvalues.get(cid=1), "itempropvalues_get_response"),
    ],
)
def test_absent_helper_lists_are_empty_lists(call: Any, key: str) -> None:
    assert call(top_client(FakeGateway({key: {"last_modified": "2024-03-18 10:12:45"}}))) == []


# --- pagination -------------------------------------------------------------------------------------------


def test_iter_search_walks_pages_until_total_results() -> None:
    gateway = FakeGateway(page(5, [1, 2]), page(5, [3, 4]), page(5, [5]))
    products = list(top_client(gateway).products.iter_search(fields="product_id", q="x", page_size=2))
    assert [p.product_id for p in products] == [1, 2, 3, 4, 5]
    assert [httpx.QueryParams(r.content.decode())["page_no"] for r in gateway.requests] == ["1", "2", "3"]


def test_iter_search_stops_at_total_results_even_on_a_full_page() -> None:
    gateway = FakeGateway(page(4, [1, 2]), page(4, [3, 4]), page(4, [9, 9]))
    products = list(top_client(gateway).products.iter_search(fields="product_id", q="x", page_size=2))
    assert [p.product_id for p in products] == [1, 2, 3, 4]
    assert len(gateway.requests) == 2


def test_iter_search_stops_at_an_empty_page() -> None:
    gateway = FakeGateway(page(100, [1, 2]), page(100, []))
    products = list(top_client(gateway).products.iter_search(fields="product_id", q="x", page_size=2))
    assert len(products) == 2
    assert len(gateway.requests) == 2


def test_iter_search_stops_at_a_short_page() -> None:
    gateway = FakeGateway(page(100, [1, 2, 3]))
    assert len(list(top_client(gateway).products.iter_search(fields="product_id", q="x", page_size=5))) == 3
    assert len(gateway.requests) == 1


def test_iter_search_stops_at_max_items_without_asking_for_more() -> None:
    gateway = FakeGateway(page(100, [1, 2]), page(100, [3, 4]))
    products = list(top_client(gateway).products.iter_search(fields="product_id", q="x", page_size=2, max_items=3))
    assert [p.product_id for p in products] == [1, 2, 3]
    assert len(gateway.requests) == 2


def test_iter_search_asks_for_the_largest_pages_by_default() -> None:
    gateway = FakeGateway(page(1, [1]))
    list(top_client(gateway).products.iter_search(fields="product_id", q="x"))
    assert gateway.form["page_size"] == "100"
    assert gateway.form["page_no"] == "1"


def test_iter_search_checks_arguments_before_the_first_page() -> None:
    gateway = FakeGateway()
    with pytest.raises(ValidationError, match="page_size"):
        top_client(gateway).products.iter_search(fields="product_id", q="x", page_size=500)
    with pytest.raises(ValidationError, match="page_no"):
        top_client(gateway).products.iter_search(fields="product_id", q="x", page_no=0)
    with pytest.raises(ValidationError, match="max_items"):
        top_client(gateway).products.iter_search(fields="product_id", q="x", max_items=-1)
    assert gateway.requests == []


# --- call() -------------------------------------------------------------------------------------------------


def test_call_returns_the_response_object_as_a_dict() -> None:
    body = {"user_seller_get_response": {"user": {"nick": "张三"}, "request_id": "r"}}
    assert (
        top_client(FakeGateway(body)).call("taobao.user.seller.get", {"fields": "nick"})
        == body["user_seller_get_response"]
    )


def test_call_keeps_the_prefix_of_methods_outside_taobao() -> None:
    body = {"alibaba_aliqin_fc_sms_num_send_response": {"result": {"success": True}}}
    gateway = FakeGateway(body)
    assert top_client(gateway).call("alibaba.aliqin.fc.sms.num.send", {"sms_type": "normal"}) == {
        "result": {"success": True}
    }
    assert gateway.query["method"] == "alibaba.aliqin.fc.sms.num.send"


def test_call_maps_an_error_response() -> None:
    with pytest.raises(tbapi.PermissionDeniedError):
        top_client(FakeGateway(error_body(11, sub_code="isv.permission-api-package-limit"))).call("taobao.x.get")


# --- the clock -----------------------------------------------------------------------------------------------


def test_code_31_corrects_the_clock_from_the_date_header_and_retries_once() -> None:
    gateway = FakeGateway(error_body(31, "Invalid timestamp"), {"products_search_response": {}})
    gateway.server_time = 1_700_000_000.0
    client = top_client(gateway, clock=TopClock(now=lambda: 1_700_000_000.0 - 1200))  # 20 minutes slow
    client.products.search(fields="name", q="x")
    first, second = gateway.queries()
    assert first["timestamp"] == "2023-11-15 05:53:20"
    assert second["timestamp"] == "2023-11-15 06:13:20"
    assert client.clock.offset == pytest.approx(1200)


def test_the_learnt_offset_is_kept_for_later_calls() -> None:
    gateway = FakeGateway(error_body(31), {"products_search_response": {}})
    gateway.server_time = 1_700_000_000.0
    client = top_client(gateway, clock=TopClock(now=lambda: 1_700_000_000.0 - 1200))
    client.products.search(fields="name", q="x")
    client.with_options(timeout=5).products.search(fields="name", q="x")
    assert [q["timestamp"] for q in gateway.queries()][1:] == ["2023-11-15 06:13:20"] * 2


@pytest.mark.parametrize("server_time", [0.0, 253_402_300_799.0, 1_700_000_000.0 + 86_401])  # 1970, 9999, a day on
def test_a_date_header_more_than_a_day_away_is_not_taken_as_the_gateways_clock(server_time: float) -> None:
    gateway = FakeGateway(error_body(31), {"products_search_response": {}})
    gateway.server_time = server_time
    client = top_client(gateway, clock=TopClock(now=lambda: 1_700_000_000.0))
    with pytest.raises(InvalidRequestError):
        client.products.search(fields="name", q="x")
    assert (client.clock.offset, len(gateway.requests)) == (0.0, 1)


def test_code_31_is_retried_only_once() -> None:
    gateway = FakeGateway(error_body(31))
    with pytest.raises(InvalidRequestError) as caught:
        top_client(gateway).products.search(fields="name", q="x")
    assert caught.value.code == 31
    assert len(gateway.requests) == 2


def test_code_31_without_correction_is_raised_at_once() -> None:
    gateway = FakeGateway(error_body(31))
    client = top_client(gateway, clock=TopClock(auto_correct=False))
    with pytest.raises(InvalidRequestError):
        client.products.search(fields="name", q="x")
    assert len(gateway.requests) == 1


def test_code_31_without_a_date_header_is_raised_at_once() -> None:
    gateway = FakeGateway(httpx.Response(200, json=error_body(31)))
    with pytest.raises(InvalidRequestError):
        top_client(gateway).products.search(fields="name", q="x")
    assert len(gateway.requests) == 1


# --- configuration --------------------------------------------------------------------------------------------


def test_credentials_and_gateway_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TBAPI_TOP_APP_KEY", "env-key")
    monkeypatch.setenv("TBAPI_TOP_APP_SECRET", "env-secret-value")
    monkeypatch.setenv("TBAPI_TOP_SESSION", "env-session-value")
    monkeypatch.setenv("TBAPI_TOP_BASE_URL", "https://gw.env.test/router/rest")
    gateway = FakeGateway()
    TopClient(http_client=httpx.Client(transport=httpx.MockTransport(gateway))).products.search(fields="name", q="x")
    request = gateway.requests[0]
    assert request.url.host == "gw.env.test"
    assert (gateway.query["app_key"], gateway.query["session"]) == ("env-key", "env-session-value")


def test_default_gateway_is_the_production_one() -> None:
    assert TopClient(app_key="k", app_secret="s3cret").base_url == "https://eco.taobao.com/router/rest"


@pytest.mark.parametrize(("kwargs", "param"), [({"app_secret": "s3cret"}, "app_key"), ({"app_key": "k"}, "app_secret")])
def test_missing_credentials_are_refused(kwargs: dict[str, Any], param: str) -> None:
    with pytest.raises(ValidationError, match=param):
        TopClient(**kwargs)


def test_unknown_sign_method_is_refused_at_construction() -> None:
    with pytest.raises(ValidationError, match="sign_method"):
        TopClient(app_key="k", app_secret="s3cret", sign_method="sha1")


def test_plain_http_to_a_remote_gateway_is_refused() -> None:
    with pytest.raises(ValidationError, match="base_url"):
        TopClient(app_key="k", app_secret="s3cret", base_url="http://gw.api.taobao.com/router/rest")


def test_repr_shows_no_secret_or_session() -> None:
    client = TopClient(app_key="k", app_secret="the-app-secret", session="the-session")
    text = repr(client) + repr(client.products) + repr(client.clock) + repr(client.with_raw_response)
    assert "the-app-secret" not in text
    assert "the-session" not in text
    assert "app_key='k'" in repr(client)


def test_with_options_changes_timeout_and_retries_and_shares_the_pool(no_sleep: list[float]) -> None:
    gateway = FakeGateway(error_body(10))
    client = top_client(gateway, max_retries=2)
    quick = client.with_options(timeout=3, max_retries=0)
    assert (quick.timeout, quick.max_retries, client.timeout, client.max_retries) == (3.0, 0, 30.0, 2)
    with pytest.raises(tbapi.ServerError):
        quick.products.search(fields="name", q="x")
    assert len(gateway.requests) == 1
    assert gateway.requests[0].extensions["timeout"]["read"] == 3.0
    quick.close()  # does not close the shared pool
    with pytest.raises(tbapi.ServerError):
        client.products.search(fields="name", q="x")


def test_with_options_refuses_a_bad_timeout() -> None:
    with pytest.raises(ValidationError, match="timeout"):
        top_client(FakeGateway()).with_options(timeout=0)


def test_client_is_a_context_manager() -> None:
    with top_client(FakeGateway()) as client:
        assert client.products.search(fields="name", q="x").products == []


def test_top_clients_are_exported_from_tbapi() -> None:
    assert tbapi.TopClient is TopClient
    assert tbapi.AsyncTopClient is AsyncTopClient
    assert tbapi.top.sign({"a": "1"}, "s3cret", "md5") == tbapi.top.sign({"a": "1"}, "s3cret", "md5")


# --- the async twin ----------------------------------------------------------------------------------------------


async def test_async_search_sends_the_same_wire_request() -> None:
    sync_gateway, async_gateway = FakeGateway(page(1, [7])), FakeGateway(page(1, [7]))
    top_client(sync_gateway).products.search(fields="product_id", q="手机")
    async with async_top_client(async_gateway) as client:
        result = await client.products.search(fields="product_id", q="手机")
    assert [p.product_id for p in result.products] == [7]
    assert sync_gateway.form == async_gateway.form
    assert set(sync_gateway.query) == set(async_gateway.query)


async def test_async_iter_search_walks_pages() -> None:
    gateway = FakeGateway(page(3, [1, 2]), page(3, [3]))
    async with async_top_client(gateway) as client:
        ids = [p.product_id async for p in client.products.iter_search(fields="product_id", q="x", page_size=2)]
    assert ids == [1, 2, 3]


async def test_async_helpers_and_call() -> None:
    gateway = FakeGateway(
        {"itemcats_get_response": {"item_cats": {"item_cat": [{"cid": 1}]}}},
        {"itemprops_get_response": {}},
        {"itempropvalues_get_response": {"prop_values": {"prop_value": [{"vid": 2}]}}},
        {"time_get_response": {"time": "2024-01-01 00:00:00"}},
    )
    async with async_top_client(gateway) as client:
        assert [c.cid for c in await client.itemcats.get(parent_cid=0)] == [1]
        assert await client.itemprops.get(cid=1) == []
        assert [v.vid for v in await client.itempropvalues.get(cid=1)] == [2]
        assert await client.call("taobao.time.get") == {"time": "2024-01-01 00:00:00"}


async def test_async_code_31_corrects_the_clock_once() -> None:
    gateway = FakeGateway(error_body(31), {"products_search_response": {}})
    gateway.server_time = time.time()
    async with async_top_client(gateway, clock=TopClock(now=lambda: time.time() - 1200)) as client:
        await client.products.search(fields="name", q="x")
    assert len(gateway.requests) == 2
    assert client.clock.offset == pytest.approx(1200, abs=5)


async def test_async_with_options_shares_credentials_and_clock() -> None:
    gateway = FakeGateway()
    async with async_top_client(gateway) as client:
        quick = client.with_options(max_retries=0)
        assert quick.clock is client.clock
        await quick.products.search(fields="name", q="x")
    assert gateway.query["app_key"] == APP_KEY
    assert SECRET not in str(gateway.requests[0].url)
