"""The wire request the TOP client makes of a generated request: a POST to the gateway URL, the system
parameters in the query, the business parameters in the form body, the signature over both."""

from __future__ import annotations

import os
import subprocess
import sys
from itertools import count
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

import httpx
import pytest

from mock.top_signature import top_signature
from tbapi import ServerError, ValidationError
from tbapi.top import TopClock
from tbapi.top._wire import TopHttpClient, TopWireAuth, form_body, shanghai_time

from .conftest import APP_KEY, GATEWAY, SECRET, FakeGateway, error_body, top_client

ROOT = Path(__file__).resolve().parents[3]
SYSTEM = {"method", "app_key", "timestamp", "v", "format", "sign_method", "sign"}
FIXED_EPOCH = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC = 2023-11-15 06:13:20 in Shanghai
FIXED_SHANGHAI = "2023-11-15 06:13:20"


def wire_params(request: httpx.Request) -> tuple[dict[str, str], dict[str, str]]:
    query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
    form = dict(parse_qsl(request.content.decode("utf-8"), keep_blank_values=True))
    return query, form


def assert_correctly_signed(request: httpx.Request, secret: str = SECRET) -> None:
    query, form = wire_params(request)
    expected = top_signature({**query, **form}, secret, query["sign_method"])  # the mock's own implementation
    assert query["sign"] == expected


def test_the_top_http_client_and_auth_flow_make_the_wire_request() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    auth = TopWireAuth(app_key=APP_KEY, app_secret=SECRET, session=None, sign_method="md5", clock=TopClock())
    with TopHttpClient(base_url=GATEWAY, auth=auth, transport=httpx.MockTransport(handler)) as client:
        client.post("/taobao.itemcats.get", data={"parent_cid": "0"})
    (request,) = seen
    query, form = wire_params(request)
    assert (request.method, request.url.path) == ("POST", "/router/rest")
    assert query["method"] == "taobao.itemcats.get"
    assert form == {"parent_cid": "0"}
    assert_correctly_signed(request)


def test_query_has_exactly_the_system_params_and_body_the_business_params() -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(fields=["product_id", "name"], q="手机", page_size=10)
    (request,) = gateway.requests
    query, form = wire_params(request)
    assert set(query) == SYSTEM
    assert query["method"] == "taobao.products.search"
    assert (query["app_key"], query["v"], query["format"]) == (APP_KEY, "2.0", "json")
    assert form == {"fields": "product_id,name", "q": "手机", "page_size": "10"}


def test_request_is_a_post_to_the_gateway_url_itself() -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(fields="name", q="x")
    request = gateway.requests[0]
    assert request.method == "POST"
    assert str(request.url.copy_with(query=None)) == GATEWAY


def test_body_is_a_utf8_form() -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(fields="name", q="优衣库 T恤")
    request = gateway.requests[0]
    assert request.headers["content-type"] == "application/x-www-form-urlencoded; charset=utf-8"
    assert wire_params(request)[1]["q"] == "优衣库 T恤"
    assert b"%E4%BC%98" in request.content  # 优 as percent-encoded UTF-8 bytes


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_signature_covers_exactly_what_is_sent(sign_method: str) -> None:
    gateway = FakeGateway()
    top_client(gateway, sign_method=sign_method, session="user-session-token").products.search(
        fields=["name"], q="优衣库", cid=50011999
    )
    assert gateway.query["sign_method"] == sign_method
    assert_correctly_signed(gateway.requests[0])


def test_default_sign_method_is_hmac_sha256() -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(fields="name", q="x")
    assert gateway.query["sign_method"] == "hmac-sha256"
    assert len(gateway.query["sign"]) == 64


def test_secret_never_goes_on_the_wire() -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(fields="name", q="x")
    request = gateway.requests[0]
    wire = str(request.url) + str(request.headers) + request.content.decode()
    assert SECRET not in wire
    assert "secret" not in wire.lower()


def test_session_goes_in_the_query_and_is_signed() -> None:
    gateway = FakeGateway()
    top_client(gateway, session="the-session").products.search(fields="name", q="x")
    assert gateway.query["session"] == "the-session"
    assert "session" not in gateway.form
    assert_correctly_signed(gateway.requests[0])


def test_query_is_the_urlencoded_system_params_in_protocol_order() -> None:
    gateway = FakeGateway()
    top_client(gateway, session="a b/c&d=é+%").products.search(fields="name", q="x")
    request = gateway.requests[0]
    query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
    assert list(query) == ["method", "app_key", "timestamp", "v", "format", "sign_method", "session", "sign"]
    assert query["session"] == "a b/c&d=é+%"
    assert request.url.query == urlencode(query, quote_via=quote).encode("ascii")


def test_call_session_overrides_the_client_session_for_that_call_only() -> None:
    gateway = FakeGateway({"user_seller_get_response": {"user": {}}})
    client = top_client(gateway, session="client-session")
    client.call("taobao.user.seller.get", {"fields": "nick"}, session="call-session")
    client.call("taobao.user.seller.get", {"fields": "nick"})
    assert [q["session"] for q in gateway.queries()] == ["call-session", "client-session"]


def test_no_session_parameter_without_a_session() -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(fields="name", q="x")
    assert "session" not in gateway.query


def test_no_empty_parameters_are_sent() -> None:
    gateway = FakeGateway({"x_get_response": {}})
    top_client(gateway).call("taobao.x.get", {"a": "", "b": None, "c": "1", "d": []})
    assert gateway.form == {"c": "1"}
    assert all(value for value in gateway.query.values())


def test_call_serializes_values_once_as_the_wire_wants_them() -> None:
    gateway = FakeGateway({"x_get_response": {}})
    top_client(gateway).call("taobao.x.get", {"flag": True, "off": False, "ids": [1, 2, 3], "obj": {"k": "值"}, "n": 7})
    assert gateway.form == {"flag": "true", "off": "false", "ids": "1,2,3", "obj": '{"k":"值"}', "n": "7"}
    assert_correctly_signed(gateway.requests[0])


@pytest.mark.parametrize("name", ["sign", "timestamp", "app_key", "method", "session", "format", "simplify"])
def test_call_refuses_a_system_parameter_among_the_business_params(name: str) -> None:
    gateway = FakeGateway()
    with pytest.raises(ValidationError, match=name):
        top_client(gateway).call("taobao.x.get", {name: "1"})
    assert gateway.requests == []


def test_timestamp_is_shanghai_time_of_the_clock() -> None:
    gateway = FakeGateway()
    client = top_client(gateway, clock=TopClock(now=lambda: FIXED_EPOCH))
    client.products.search(fields="name", q="x")
    assert gateway.query["timestamp"] == FIXED_SHANGHAI


def test_timestamp_includes_the_learnt_clock_offset() -> None:
    clock = TopClock(now=lambda: FIXED_EPOCH, offset=-3600)
    assert clock.timestamp() == "2023-11-15 05:13:20"


@pytest.mark.parametrize(
    "business",
    [
        {"page_no": "1", "fields": "product_id,name", "q": "优衣库 男装"},
        {"a.b_c-d~e": "A-Z_a.z~0-9", "x": "1+2=3&4/5?6#7%8"},
        {"t": "tab\there", "line": "one\ntwo", "é": "€"},
    ],
)
def test_form_body_is_what_urlencode_writes(business: dict[str, str]) -> None:
    assert form_body(business) == urlencode(business, quote_via=quote).encode("ascii")


def test_timestamp_is_shanghai_time_on_a_new_york_host() -> None:
    code = (
        "import time; time.tzset()\n"
        "from tbapi.top import TopClock\n"
        f"print(TopClock(now=lambda: {FIXED_EPOCH}).timestamp())\n"
        f"print(time.strftime('%Y-%m-%d %H:%M:%S', time.localtime({FIXED_EPOCH})))\n"
    )
    env = {
        **os.environ,
        "TZ": "America/New_York",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "wrapper"), str(ROOT / "generated")]),
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    top_timestamp, local_time = result.stdout.split("\n")[:2]
    assert local_time == "2023-11-14 17:13:20", "the subprocess really runs in New York time"
    assert top_timestamp == FIXED_SHANGHAI


def test_shanghai_time_ignores_the_host_time_zone() -> None:
    assert shanghai_time(0) == "1970-01-01 08:00:00"


def test_each_retry_is_stamped_and_signed_afresh(no_sleep: list[float]) -> None:
    gateway = FakeGateway(
        error_body(15, sub_code="isp.top-remote-service-unavailable"), {"products_search_response": {}}
    )
    ticks = count()
    client = top_client(gateway, clock=TopClock(now=lambda: FIXED_EPOCH + 5 * next(ticks)), sleep=no_sleep.append)
    client.products.search(fields="name", q="x")
    first, second = gateway.queries()
    assert first["timestamp"] != second["timestamp"]
    assert first["sign"] != second["sign"]
    for request in gateway.requests:
        assert_correctly_signed(request)
    assert len(no_sleep) == 1


def test_retries_are_exhausted_on_persistent_isp_errors(no_sleep: list[float]) -> None:
    gateway = FakeGateway(error_body(15, sub_code="isp.top-remote-service-unavailable"))
    with pytest.raises(ServerError):
        top_client(gateway, max_retries=2).products.search(fields="name", q="x")
    assert len(gateway.requests) == 3
