"""`on_attempt=` and `on_call=`: a small record per request on the wire and per call, for any monitoring."""

from __future__ import annotations

import logging

import attrs
import httpx
import pytest

import tbapi
from tests.unit.shanjing.conftest import FakeShanjing, make_async_client, make_client
from tests.unit.top.conftest import SEARCH_OK, FakeGateway, error_body, top_client

GET = "/traffic/item/get"
ITEM = {"tbItemId": 7, "title": "shirt"}


def without_duration(record: tbapi.AttemptRecord | tbapi.CallRecord) -> dict[str, object]:
    fields = attrs.asdict(record)
    assert isinstance(fields.pop("duration"), float)
    return fields


def test_each_request_and_each_call_is_handed_to_its_hook(fake: FakeShanjing) -> None:
    answers = iter([httpx.Response(503, json={"title": "busy"}), httpx.Response(200, json={"data": ITEM})])
    fake.route(GET, lambda _request: next(answers))
    attempts: list[tbapi.AttemptRecord] = []
    calls: list[tbapi.CallRecord] = []
    with make_client(fake, on_attempt=attempts.append, on_call=calls.append) as client:
        client.items.get(7)

    shanjing_get = {"api": "shanjing", "operation": "items.get"}
    assert ([without_duration(a) for a in attempts], [without_duration(c) for c in calls]) == (
        [
            {
                **shanjing_get,
                "attempt": 1,
                "outcome": "error",
                "status": 503,
                "request_id": None,
                "error_type": "ServerError",
            },
            {**shanjing_get, "attempt": 2, "outcome": "ok", "status": 200, "request_id": None, "error_type": None},
        ],
        [
            {
                **shanjing_get,
                "attempts": 2,
                "retries": 1,
                "outcome": "ok",
                "status": 200,
                "request_id": None,
                "rate_limit_wait": 0.0,
                "error_type": None,
                "error_code": None,
            }
        ],
    )


def test_a_failed_call_s_record_has_its_error_class_and_code() -> None:
    calls: list[tbapi.CallRecord] = []
    with (
        top_client(
            FakeGateway(error_body(15, "Remote service error", "isv.item-not-exist")), on_call=calls.append
        ) as top,
        pytest.raises(tbapi.InvalidRequestError),
    ):
        top.products.search(fields=["name"], q="shirt")

    (call,) = calls
    assert (call.operation, call.outcome, call.error_type, call.error_code, call.request_id) == (
        "taobao.products.search",
        "error",
        "InvalidRequestError",
        "15",
        "req-1",
    )


async def test_the_async_clients_hand_over_the_same_records(fake: FakeShanjing) -> None:
    fake.route(GET, httpx.Response(200, json={"data": ITEM}, headers={"x-request-id": "req-9"}))
    calls: list[tbapi.CallRecord] = []
    async with make_async_client(fake, on_call=calls.append) as client:
        await client.items.get(7)

    assert [(c.operation, c.attempts, c.outcome, c.request_id) for c in calls] == [("items.get", 1, "ok", "req-9")]


def test_the_hooks_report_with_opentelemetry_turned_off() -> None:
    calls: list[tbapi.CallRecord] = []
    with top_client(FakeGateway(SEARCH_OK), telemetry=False, on_call=calls.append) as top:
        top.products.search(fields=["name"], q="shirt")

    assert [c.outcome for c in calls] == ["ok"]


def test_a_hook_that_raises_is_logged_and_the_call_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    def broken(record: tbapi.CallRecord) -> None:
        raise RuntimeError("the dashboard is down")

    with top_client(FakeGateway(SEARCH_OK), on_call=broken) as top, caplog.at_level(logging.ERROR, "tbapi"):
        result = top.products.search(fields=["name"], q="shirt")

    assert (result.request_id, ["CallRecord hook raised" in r.getMessage() for r in caplog.records]) == ("r0", [True])


def test_with_options_hands_its_own_hook_to_the_copy() -> None:
    first: list[tbapi.CallRecord] = []
    second: list[tbapi.CallRecord] = []
    with top_client(FakeGateway(SEARCH_OK), on_call=first.append) as top:
        top.with_options(on_call=second.append).products.search(fields=["name"], q="shirt")
        top.with_options(timeout=5).products.search(fields=["name"], q="shirt")

    assert (len(first), len(second)) == (1, 1)


@pytest.mark.parametrize(
    ("option", "value"), [("telemetry", "yes"), ("telemetry", None), ("on_attempt", 42), ("on_call", "print")]
)
def test_a_bad_telemetry_option_is_a_validation_error_naming_it(option: str, value: object) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        top_client(FakeGateway(SEARCH_OK), **{option: value})

    assert caught.value.param == option
