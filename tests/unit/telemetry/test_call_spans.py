"""Each call is a span named by API and operation, each request on the wire a CLIENT span under it; retries, bans,
rate-limit waits and token refreshes are told on the call's span; the metrics count the same."""

from __future__ import annotations

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.trace import SpanKind, StatusCode

import tbapi
from tests.unit.shanjing.conftest import (
    REFRESH,
    FakeShanjing,
    for_the_fresh_token,
    make_async_client,
    make_client,
    ok,
    token_answer,
)
from tests.unit.top.conftest import SEARCH_OK, FakeGateway, async_top_client, error_body, top_client

from .conftest import Telemetry, attributes, events

GET = "/traffic/item/get"
REFRESH_PATH = "/auth/token/refresh"
ITEM = {"tbItemId": 7, "title": "shirt"}
BAN = error_body(
    7, "App Call limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 2 more seconds"
)


def search(client: tbapi.TopClient) -> object:
    return client.products.search(fields=["name"], q="shirt")


def test_a_top_call_is_a_span_named_by_its_method_with_a_client_span_per_request(otel: Telemetry) -> None:
    with top_client(FakeGateway(SEARCH_OK)) as client:
        search(client)

    call = otel.one("top taobao.products.search")
    (request,) = otel.children(call)
    assert (call.kind, attributes(call)) == (
        SpanKind.INTERNAL,
        {
            "tbapi.api": "top",
            "tbapi.operation": "taobao.products.search",
            "tbapi.retries": 0,
            "tbapi.request_id": "r0",  # from inside the TOP envelope
        },
    )
    shown = attributes(request)
    assert (request.name, request.kind, shown.pop("url.full").split("?")[0], shown) == (
        "POST",
        SpanKind.CLIENT,
        "https://gw.test/router/rest",
        {
            "http.request.method": "POST",
            "server.address": "gw.test",
            "server.port": 443,
            "http.response.status_code": 200,
            "tbapi.request_id": "r0",
        },
    )


def test_a_shanjing_call_is_a_span_with_the_request_id_the_service_gave(fake: FakeShanjing, otel: Telemetry) -> None:
    fake.route(GET, httpx.Response(200, json={"errorCode": None, "data": ITEM}, headers={"x-request-id": "req-42"}))
    with make_client(fake) as client:
        client.items.get(7)

    call = otel.one("shanjing items.get")
    (request,) = otel.children(call)
    assert (attributes(call)["tbapi.request_id"], attributes(request)["tbapi.request_id"]) == ("req-42", "req-42")


def test_each_retry_is_a_request_span_counting_its_resends_and_an_event_on_the_call(
    fake: FakeShanjing, otel: Telemetry
) -> None:
    answers = iter([httpx.Response(503, json={"title": "busy"}), httpx.Response(200, json={"data": ITEM})])
    fake.route(GET, lambda _request: next(answers))
    with make_client(fake) as client:
        client.items.get(7)

    call = otel.one("shanjing items.get")
    first, second = sorted(otel.children(call), key=lambda span: span.start_time or 0)
    assert (
        attributes(call)["tbapi.retries"],
        [name for name, _ in events(call)],
        (attributes(first)["error.type"], attributes(first)["http.response.status_code"], first.status.status_code),
        "http.request.resend_count" in attributes(first),
        attributes(second)["http.request.resend_count"],
    ) == (1, ["tbapi.retry"], ("ServerError", 503, StatusCode.ERROR), False, 1)


def test_a_ban_pauses_the_budget_as_an_event_and_counts_in_the_ban_metric(otel: Telemetry) -> None:
    with top_client(FakeGateway(BAN, SEARCH_OK)) as client:
        search(client)

    call = otel.one("top taobao.products.search")
    assert events(call)[0] == ("tbapi.rate_limit.pause", {"tbapi.pause.duration": 2.0, "error.type": "RateLimitError"})
    labels = {"tbapi.api": "top", "tbapi.operation": "taobao.products.search"}
    assert (otel.points()["tbapi.rate_limit.bans"], otel.points().get("tbapi.client.retries")) == ([(labels, 1)], None)


def test_the_metrics_count_calls_by_outcome_retries_and_requests(otel: Telemetry) -> None:
    with top_client(FakeGateway(BAN, SEARCH_OK)) as client:
        search(client)

    points = otel.points()
    labels = {"tbapi.api": "top", "tbapi.operation": "taobao.products.search"}
    requests = sorted((attrs.get("error.type", "-"), count) for attrs, count in points["http.client.request.duration"])
    assert (
        points["tbapi.client.call.duration"],  # a histogram: its count is the calls by outcome
        points["tbapi.client.retries"],
        requests,
    ) == (
        [({**labels, "tbapi.outcome": "ok"}, 1)],
        [(labels, 1)],
        [("-", 1), ("RateLimitError", 1)],
    )


def test_a_failed_call_carries_its_error_class_and_the_top_code_and_sub_code(otel: Telemetry) -> None:
    gateway = FakeGateway(error_body(41, "Invalid arguments", "isv.missing-parameter", "q is required"))
    with top_client(gateway) as client, pytest.raises(tbapi.InvalidRequestError):
        search(client)

    call = otel.one("top taobao.products.search")
    shown = attributes(call)
    assert (
        shown["error.type"],
        shown["tbapi.error.code"],
        shown["tbapi.error.sub_code"],
        call.status.status_code,
        otel.points()["tbapi.client.call.duration"][0][0]["tbapi.outcome"],
    ) == ("InvalidRequestError", "41", "isv.missing-parameter", StatusCode.ERROR, "error")


def test_a_token_refresh_is_an_event_on_the_call_and_a_call_of_its_own_under_it(
    fake: FakeShanjing, otel: Telemetry
) -> None:
    fake.route(GET, for_the_fresh_token(ITEM))
    fake.route(REFRESH_PATH, token_answer())
    with make_client(fake, refresh_token=REFRESH) as client:
        client.items.get(7)

    call = otel.one("shanjing items.get")
    refresh = otel.one("shanjing auth.refresh_token")
    under_call = sorted((span.name, attributes(span).get("error.type", "-")) for span in otel.children(call))
    assert (
        under_call,
        len(otel.children(refresh)),
        ("tbapi.token.refresh", {"tbapi.token.ahead": False, "tbapi.outcome": "ok"}) in events(call),
        otel.points()["tbapi.token.refreshes"],
    ) == (
        [("GET", "-"), ("GET", "AuthenticationError"), ("shanjing auth.refresh_token", "-")],
        1,
        True,
        [({"tbapi.api": "shanjing", "tbapi.token.ahead": False, "tbapi.outcome": "ok"}, 1)],
    )


def test_a_wait_for_the_rate_limit_is_an_event_and_the_call_s_total_wait(otel: Telemetry) -> None:
    with top_client(FakeGateway(SEARCH_OK), rate_limit=tbapi.RateLimiter(2)) as client:
        search(client)
        search(client)  # its slot is an interval or more (a process's first call holds more) after the first one's

    first, second = sorted(otel.named("top taobao.products.search"), key=lambda span: span.start_time or 0)
    waited = attributes(second)["tbapi.rate_limit.wait"]
    assert (
        attributes(first).get("tbapi.rate_limit.wait"),
        waited >= 1 / 1.9,
        events(second),
        [count for _, count in otel.points()["tbapi.rate_limit.wait.duration"]],
    ) == (None, True, [("tbapi.rate_limit.wait", {"tbapi.wait.duration": waited})], [1])


def test_the_limiter_s_current_rate_is_a_gauge_with_its_limit(otel: Telemetry) -> None:
    with top_client(FakeGateway(SEARCH_OK), rate_limit=tbapi.RateLimiter(17)) as client:
        search(client)
        observed = otel.points()["tbapi.rate_limit.rate"]

    ours = {"tbapi.api": "top", "tbapi.rate_limit.key": "local", "tbapi.rate_limit.limit": 17.0}
    assert [rate for attrs, rate in observed if attrs == ours] == [pytest.approx(17 * 0.95)]  # paced 5 % under


def test_the_application_s_current_span_is_the_parent_of_the_call(otel: Telemetry) -> None:
    tracer = trace.get_tracer("a fleet job")
    with top_client(FakeGateway(SEARCH_OK)) as client, tracer.start_as_current_span("nightly prices"):
        search(client)

    job = otel.one("nightly prices")
    assert [span.name for span in otel.children(job)] == ["top taobao.products.search"]


async def test_async_calls_make_the_same_tree_on_both_apis(fake: FakeShanjing, otel: Telemetry) -> None:
    fake.route(GET, ok(ITEM))
    async with async_top_client(FakeGateway(SEARCH_OK)) as top, make_async_client(fake) as shanjing:
        await top.products.search(fields=["name"], q="shirt")
        await shanjing.items.get(7)

    trees = {span.name: [child.name for child in otel.children(span)] for span in otel.spans() if span.parent is None}
    assert trees == {"top taobao.products.search": ["POST"], "shanjing items.get": ["GET"]}


def test_telemetry_false_reports_no_span_and_no_metric(otel: Telemetry) -> None:
    with top_client(FakeGateway(SEARCH_OK), telemetry=False) as client:
        search(client)
    with top_client(FakeGateway(SEARCH_OK)) as client:
        search(client.with_options(telemetry=False))

    assert (otel.spans(), otel.points().get("tbapi.client.call.duration")) == ((), None)


def test_an_http_429_pauses_a_shanjing_call_as_an_event_before_its_retry(fake: FakeShanjing, otel: Telemetry) -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "3"}, json={"title": "slow down"}), ok(ITEM)])
    fake.route(GET, lambda _request: next(answers))
    with make_client(fake) as client:
        client.items.get(7)

    call = otel.one("shanjing items.get")
    assert [name for name, _ in events(call)] == ["tbapi.rate_limit.pause", "tbapi.retry"]
    assert events(call)[0][1] == {"tbapi.pause.duration": 3.0, "error.type": "RateLimitError"}


async def test_an_async_top_retry_is_two_request_spans_under_one_call(otel: Telemetry) -> None:
    async with async_top_client(
        FakeGateway(error_body(10, "Service unavailable", "isp.unknown-error"), SEARCH_OK)
    ) as top:
        await top.products.search(fields=["name"], q="shirt")

    call = otel.one("top taobao.products.search")
    requests = sorted(otel.children(call), key=lambda span: span.start_time or 0)
    assert [attributes(r).get("error.type", "-") for r in requests] == ["ServerError", "-"]
    assert attributes(call)["tbapi.retries"] == 1
