"""The TOP gateway front (mock/top_gateway.py), in-process, with a recording fake Prism behind it."""

from __future__ import annotations

import email.utils
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pytest
from starlette.testclient import TestClient

from mock import top_gateway as gw
from mock.top_signature import top_signature

ROOT = Path(__file__).resolve().parents[2]

APP_KEY, SECRET = "12345678", "helloworld"
GMT8 = timezone(timedelta(hours=8))
PRISM_BODY = b'{"products_search_response": {"total_results": 0, "request_id": "from-prism"}}'
BUSINESS = {"fields": "product_id,name", "q": "手机"}


# The official worked example (doc 101617). Only md5 has an official signature; the hmac values were
# computed independently with `openssl dgst -md5|-sha256 -hmac helloworld` over the same parameters.
class FakePrism:
    """Records what the gateway forwards and answers with a fixed status and body."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.status = 200
        self.body = PRISM_BODY
        self.content_type = "application/json"

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.status, content=self.body, headers={"content-type": self.content_type})


@pytest.fixture
def prism() -> FakePrism:
    return FakePrism()


def gateway_client(
    prism: FakePrism, clock_skew_seconds: float = 0, call_limit: gw.CallLimit | None = None
) -> TestClient:
    app = gw.create_app(
        app_key=APP_KEY,
        app_secret=SECRET,
        upstream="http://prism.test",
        clock_skew_seconds=clock_skew_seconds,
        transport=httpx.MockTransport(prism),
        call_limit=call_limit,
    )
    return TestClient(app)


@pytest.fixture
def client(prism: FakePrism) -> Iterator[TestClient]:
    with gateway_client(prism) as test_client:
        yield test_client


def gmt8_time(offset_s: float = 0) -> str:
    return datetime.fromtimestamp(time.time() + offset_s, GMT8).strftime("%Y-%m-%d %H:%M:%S")


def system_params(*, omit: tuple[str, ...] = (), **overrides: str) -> dict[str, str]:
    params = {
        "method": "taobao.products.search",
        "app_key": APP_KEY,
        "timestamp": gmt8_time(),
        "v": "2.0",
        "format": "json",
        "sign_method": "md5",
        **overrides,
    }
    return {name: value for name, value in params.items() if name not in omit}


def with_sign(query: dict[str, str], business: dict[str, str], secret: str = SECRET) -> dict[str, str]:
    sign_method = query.get("sign_method", "md5")
    return {**query, "sign": top_signature({**query, **business}, secret, sign_method)}


def call(
    client: TestClient,
    *,
    omit: tuple[str, ...] = (),
    secret: str = SECRET,
    business: dict[str, str] = BUSINESS,
    headers: dict[str, str] | None = None,
    **overrides: str,
) -> httpx.Response:
    """POST as the official SDKs do: system params in the query, business params as a form body."""
    query = system_params(omit=omit, **overrides)
    if "sign" not in omit and "sign" not in overrides:
        query = with_sign(query, business, secret)
    response: httpx.Response = client.post("/router/rest", params=query, data=business, headers=headers)
    return response


def error_code(response: httpx.Response) -> int:
    assert response.status_code == 200, "the gateway answers errors with HTTP 200"
    code = response.json()["error_response"]["code"]
    assert isinstance(code, int)
    return code


def assert_accepted(response: httpx.Response) -> None:
    assert response.status_code == 200
    assert "error_response" not in response.json(), response.text
    assert response.content == PRISM_BODY


def forwarded_form(prism: FakePrism) -> list[tuple[str, str]]:
    (request,) = prism.requests
    return parse_qsl(request.content.decode("utf-8"), keep_blank_values=True)


# --- accepted requests ----------------------------------------------------------------------------------


def test_accepts_signed_post_with_system_params_in_query_and_form_body(client: TestClient) -> None:
    assert_accepted(call(client))


def test_accepts_signed_get_with_all_params_in_query(client: TestClient, prism: FakePrism) -> None:
    query = with_sign(system_params(), BUSINESS)
    assert_accepted(client.get("/router/rest", params={**query, **BUSINESS}))
    assert sorted(forwarded_form(prism)) == sorted(BUSINESS.items())


def test_accepts_signed_multipart_without_signing_file_parts(client: TestClient, prism: FakePrism) -> None:
    query = with_sign(system_params(), BUSINESS)
    files = {"image": ("a.png", b"\x89PNG", "image/png")}
    assert_accepted(client.post("/router/rest", params=query, data=BUSINESS, files=files))
    assert sorted(forwarded_form(prism)) == sorted(BUSINESS.items())


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_accepts_each_sign_method(client: TestClient, sign_method: str) -> None:
    assert_accepted(call(client, sign_method=sign_method))


def test_defaults_to_md5_when_sign_method_is_absent(client: TestClient) -> None:
    assert_accepted(call(client, omit=("sign_method",)))


def test_compares_signature_case_insensitively(client: TestClient) -> None:
    query = with_sign(system_params(), BUSINESS)
    response = client.post("/router/rest", params={**query, "sign": query["sign"].lower()}, data=BUSINESS)
    assert_accepted(response)


def test_accepts_gmt8_timestamp(client: TestClient) -> None:
    assert_accepted(call(client, timestamp=gmt8_time()))


def test_accepts_epoch_millis_timestamp(client: TestClient) -> None:
    assert_accepted(call(client, timestamp=str(int(time.time() * 1000))))


@pytest.mark.parametrize("offset_min", [-9, 9])
def test_accepts_gmt8_timestamp_nine_minutes_off(client: TestClient, offset_min: int) -> None:
    assert_accepted(call(client, timestamp=gmt8_time(offset_min * 60)))


@pytest.mark.parametrize("offset_min", [-9, 9])
def test_accepts_epoch_millis_timestamp_nine_minutes_off(client: TestClient, offset_min: int) -> None:
    assert_accepted(call(client, timestamp=str(int((time.time() + offset_min * 60) * 1000))))


# --- forwarding ------------------------------------------------------------------------------------------


def test_forwards_exactly_the_business_params_to_the_method_path(client: TestClient, prism: FakePrism) -> None:
    assert_accepted(call(client, session="s", partner_id="p", simplify="false", target_app_key="t"))
    (request,) = prism.requests
    assert request.method == "POST"
    assert str(request.url) == "http://prism.test/taobao.products.search"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sorted(forwarded_form(prism)) == sorted(BUSINESS.items())


def test_forwards_the_prefer_header(client: TestClient, prism: FakePrism) -> None:
    assert_accepted(call(client, headers={"Prefer": "example=empty"}))
    assert prism.requests[0].headers["prefer"] == "example=empty"


def test_sends_no_prefer_header_when_the_client_sent_none(client: TestClient, prism: FakePrism) -> None:
    assert_accepted(call(client))
    assert "prefer" not in prism.requests[0].headers


def test_passes_other_prism_statuses_through(client: TestClient, prism: FakePrism) -> None:
    prism.status, prism.body = 500, b'{"title": "example breaks the spec"}'
    response = call(client)
    assert response.status_code == 500
    assert response.content == prism.body


def test_translates_prism_422_to_invalid_arguments(client: TestClient, prism: FakePrism) -> None:
    prism.status, prism.content_type = 422, "application/problem+json"
    prism.body = json.dumps(
        {
            "title": "Invalid request",
            "status": 422,
            "detail": "Your request is not valid",
            "validation": [{"location": ["body"], "message": "must have required property 'fields'"}],
        }
    ).encode()
    error = call(client).json()["error_response"]
    assert error["code"] == 41
    assert error["msg"] == "Invalid Arguments"
    assert error["sub_code"] == "isv.invalid-parameter"
    assert "must have required property 'fields'" in error["sub_msg"]


def test_flags_a_prism_422_with_the_validation_header(client: TestClient, prism: FakePrism) -> None:
    prism.status, prism.body = 422, b'{"detail": "Your request is not valid"}'
    response = call(client)
    assert response.headers[gw.VALIDATION_HEADER] == "failed"
    assert response.json()["error_response"]["sub_msg"] == "Your request is not valid"


def test_sets_no_validation_header_on_success(client: TestClient) -> None:
    assert gw.VALIDATION_HEADER not in call(client).headers


# --- rejected requests -------------------------------------------------------------------------------------


def test_error_response_has_msg_and_random_request_id(client: TestClient, prism: FakePrism) -> None:
    first, second = (call(client, omit=("method",)).json()["error_response"] for _ in range(2))
    assert first["msg"] == "Missing Method"
    assert first["request_id"] != second["request_id"]
    assert prism.requests == [], "a rejected request must not reach Prism"


def test_missing_method_is_21(client: TestClient) -> None:
    assert error_code(call(client, omit=("method",))) == 21


def test_unserved_method_is_22(client: TestClient) -> None:
    assert error_code(call(client, method="taobao.item.seller.get")) == 22


def test_missing_app_key_is_28(client: TestClient) -> None:
    assert error_code(call(client, omit=("app_key",))) == 28


def test_other_app_key_is_29(client: TestClient) -> None:
    assert error_code(call(client, app_key="87654321")) == 29


def test_missing_timestamp_is_30(client: TestClient) -> None:
    assert error_code(call(client, omit=("timestamp",))) == 30


def test_unparsable_timestamp_is_31(client: TestClient) -> None:
    assert error_code(call(client, timestamp="2016/01/01 12:00")) == 31


@pytest.mark.parametrize("offset_min", [-20, 20])
def test_timestamp_twenty_minutes_off_is_31(client: TestClient, offset_min: int) -> None:
    assert error_code(call(client, timestamp=gmt8_time(offset_min * 60))) == 31


def test_local_utc_timestamp_is_31(client: TestClient) -> None:
    utc_now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert error_code(call(client, timestamp=utc_now)) == 31


def test_missing_version_is_32(client: TestClient) -> None:
    assert error_code(call(client, omit=("v",))) == 32


def test_other_version_is_33(client: TestClient) -> None:
    assert error_code(call(client, v="1.0")) == 33


@pytest.mark.parametrize("fmt", ["xml", "yaml"])
def test_format_other_than_json_is_23(client: TestClient, fmt: str) -> None:
    assert error_code(call(client, format=fmt)) == 23


def test_missing_format_is_23_since_the_real_default_is_xml(client: TestClient) -> None:
    assert error_code(call(client, omit=("format",))) == 23


def test_missing_signature_is_24(client: TestClient) -> None:
    assert error_code(call(client, omit=("sign",))) == 24


def test_signature_with_wrong_secret_is_25(client: TestClient) -> None:
    assert error_code(call(client, secret="not-the-secret")) == 25


def test_tampered_business_param_is_25(client: TestClient) -> None:
    query = with_sign(system_params(), BUSINESS)
    response = client.post("/router/rest", params=query, data={**BUSINESS, "q": "电脑"})
    assert error_code(response) == 25


def test_tampered_system_param_is_25(client: TestClient) -> None:
    query = with_sign(system_params(), BUSINESS)
    response = client.post("/router/rest", params={**query, "session": "added-later"}, data=BUSINESS)
    assert error_code(response) == 25


def test_unsupported_sign_method_is_25(client: TestClient) -> None:
    assert error_code(call(client, sign_method="sha1", sign="0" * 32)) == 25


def test_body_that_is_not_utf8_is_47(client: TestClient) -> None:
    query = with_sign(system_params(), BUSINESS)
    headers = {"content-type": "application/x-www-form-urlencoded"}
    response = client.post("/router/rest", params=query, content=b"q=%FF", headers=headers)
    assert error_code(response) == 47


# --- the gateway's clock ------------------------------------------------------------------------------------


def test_checks_timestamps_against_the_skewed_clock(prism: FakePrism) -> None:
    with gateway_client(prism, clock_skew_seconds=3600) as client:
        assert_accepted(call(client, timestamp=gmt8_time(3600)))
        assert error_code(call(client, timestamp=gmt8_time())) == 31


def test_date_header_shows_the_skewed_clock(prism: FakePrism) -> None:
    with gateway_client(prism, clock_skew_seconds=3600) as client:
        response = call(client, timestamp=gmt8_time(3600))
    (date,) = response.headers.get_list("date")
    assert abs(email.utils.parsedate_to_datetime(date).timestamp() - (time.time() + 3600)) < 5


def test_date_header_is_on_every_response(client: TestClient) -> None:
    for response in (call(client), call(client, omit=("method",)), client.get("/elsewhere")):
        assert abs(email.utils.parsedate_to_datetime(response.headers["date"]).timestamp() - time.time()) < 5


# --- the call limit ------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_call_limit_lets_the_cap_through_within_one_second() -> None:
    limit = gw.CallLimit(3, clock=FakeClock())
    assert [limit.refused_for("k") for _ in range(3)] == [None, None, None]


def test_call_limit_bans_the_call_over_the_cap_for_the_ban_seconds() -> None:
    limit = gw.CallLimit(2, ban_seconds=3, clock=FakeClock())
    assert [limit.refused_for("k") for _ in range(3)] == [None, None, 3]


def test_call_limit_counts_down_the_ban_in_whole_seconds_rounded_up() -> None:
    clock = FakeClock()
    limit = gw.CallLimit(1, ban_seconds=3, clock=clock)
    limit.refused_for("k"), limit.refused_for("k")
    clock.now += 1.5
    assert limit.refused_for("k") == 2


def test_call_limit_lets_calls_through_again_after_the_ban() -> None:
    clock = FakeClock()
    limit = gw.CallLimit(1, ban_seconds=1, clock=clock)
    limit.refused_for("k"), limit.refused_for("k")
    clock.now += 1.0
    assert limit.refused_for("k") is None


def test_call_limit_slides_its_window_instead_of_resetting_each_second() -> None:
    clock = FakeClock()
    limit = gw.CallLimit(2, clock=clock)
    limit.refused_for("k")
    clock.now += 0.6
    limit.refused_for("k")
    clock.now += 0.6  # the first call left the window, the second is still in it
    assert [limit.refused_for("k"), limit.refused_for("k")] == [None, 1]


def test_call_limit_keeps_one_rate_limit_per_key() -> None:
    limit = gw.CallLimit(1, clock=FakeClock())
    assert [limit.refused_for("a"), limit.refused_for("b")] == [None, None]


def test_gateway_answers_an_overrun_as_the_real_gateway_does(prism: FakePrism) -> None:
    with gateway_client(prism, call_limit=gw.CallLimit(1, ban_seconds=2)) as client:
        call(client)
        body = call(client).json()
    assert {k: v for k, v in body["error_response"].items() if k != "request_id"} == {
        "code": 7,
        "msg": "App Call Limited",
        "sub_code": "accesscontrol.limited-by-api-access-count",
        "sub_msg": "This ban will last for 2 more seconds",
    }


def test_gateway_does_not_forward_a_refused_call(prism: FakePrism) -> None:
    with gateway_client(prism, call_limit=gw.CallLimit(1)) as client:
        call(client), call(client)
    assert len(prism.requests) == 1


def test_gateway_counts_only_requests_that_pass_its_checks(prism: FakePrism) -> None:
    with gateway_client(prism, call_limit=gw.CallLimit(1)) as client:
        call(client, secret="wrong")
        assert_accepted(call(client))


def test_call_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOP_GATEWAY_CALLS_PER_SECOND", "40")
    monkeypatch.setenv("TOP_GATEWAY_BAN_SECONDS", "5")
    limit = gw.call_limit_from_env("TOP_GATEWAY")
    assert limit is not None
    assert (limit.per_second, limit.ban_seconds) == (40, 5.0)


def test_no_call_limit_when_the_environment_sets_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOP_GATEWAY_CALLS_PER_SECOND", raising=False)
    assert gw.call_limit_from_env("TOP_GATEWAY") is None


# --- served methods and the entrypoint ------------------------------------------------------------------------


def test_reads_served_methods_from_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "top.yaml"
    spec.write_text("paths:\n  /a.b:\n    post:\n      x-top-method: a.b\n  /c:\n    x-top-method: 'c.d'\n")
    assert gw.served_methods(spec) == {"a.b", "c.d"}


def test_serves_the_fixed_methods_without_a_spec(tmp_path: Path) -> None:
    assert gw.served_methods(tmp_path / "missing.yaml") == gw.FALLBACK_METHODS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_entrypoint_serves_with_one_skewed_date_header() -> None:
    port = _free_port()
    argv = [sys.executable, str(ROOT / "mock" / "top_gateway.py"), "--port", str(port), "--upstream", "http://x"]
    env = {**os.environ, "TOP_GATEWAY_CLOCK_SKEW_SECONDS": "-7200"}
    proc = subprocess.Popen(argv, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/router/rest", trust_env=False)
                break
            except httpx.TransportError:
                assert proc.poll() is None, "the gateway exited"
                assert time.monotonic() < deadline, "the gateway did not start"
                time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    assert error_code(response) == 21
    (date,) = response.headers.get_list("date")
    assert abs(email.utils.parsedate_to_datetime(date).timestamp() - (time.time() - 7200)) < 10
