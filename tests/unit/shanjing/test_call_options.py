"""Per-call options as openai-python has them — `extra_headers`, `extra_query`, `extra_body` on every call — and
`default_headers=` on the client: what each request carries, what is refused before sending, what the
signatures show."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import pydoc

import httpx
import pytest

import tbapi
from tbapi._engine.call_options import PerCall, PerCallFields
from tests.unit.shanjing.conftest import (
    FRESH,
    REFRESH,
    FakeShanjing,
    fail,
    make_async_client,
    make_client,
    ok,
    search_item,
    token_answer,
)

GET = "/traffic/item/get"
SEARCH = "/traffic/item/search"
CANCEL = "/purchase/order/asyn/cancel"
REFRESH_PATH = "/auth/token/refresh"
ITEM = {"tbItemId": 7, "title": "item 7"}
CALL_OPTIONS = ["extra_headers", "extra_query", "extra_body", "timeout"]


def test_extra_headers_and_query_go_with_the_call(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, ok(ITEM))
    with make_client(fake) as client:
        client.items.get(7, extra_headers={"X-Trace": "t-1"}, extra_query={"debug": True, "n": 2})
        client.items.get(7)
    first, second = fake.requests
    assert first.headers["X-Trace"] == "t-1"
    assert first.url.params["debug"] == "true"
    assert first.url.params["n"] == "2"
    assert first.url.params["item_id"] == "7"  # the call's own parameters stay
    assert "X-Trace" not in second.headers
    assert "debug" not in second.url.params


def test_extra_body_is_merged_into_the_json_body(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(CANCEL, ok(None, success=True))
    with make_client(fake) as client:
        client.orders.cancel(1, cancel_reason="no", extra_body={"trial": True, "cancel_remark": "over"})
    assert FakeShanjing.body(fake.requests[0]) == {
        "purchase_id": "1",
        "cancel_reason": "no",
        "trial": True,
        "cancel_remark": "over",
    }


def test_default_headers_go_with_every_call_under_a_calls_own(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, ok(ITEM))
    with make_client(fake, default_headers={"Prefer": "example=a", "X-Team": "pricing"}) as client:
        client.items.get(7, extra_headers={"Prefer": "example=b"})
        client.with_options(max_retries=0).items.get(7)
    first, second = fake.requests
    assert (first.headers["Prefer"], first.headers["X-Team"]) == ("example=b", "pricing")
    assert (second.headers["Prefer"], second.headers["X-Team"]) == ("example=a", "pricing")


def test_with_options_replaces_the_default_headers(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, ok(ITEM))
    with make_client(fake, default_headers={"X-Team": "pricing"}) as client:
        client.with_options(default_headers={"X-Team": "catalogue"}).items.get(7)
        client.items.get(7)
    assert [r.headers["X-Team"] for r in fake.requests] == ["catalogue", "pricing"]


def test_every_retry_carries_the_extras(fake: FakeShanjing, no_sleep: list[float]) -> None:
    answers = iter([httpx.Response(503, json={"title": "busy"}), ok(ITEM)])
    fake.route(GET, lambda _request: next(answers))
    with make_client(fake) as client:
        client.items.get(7, extra_headers={"X-Trace": "t-2"}, extra_query={"k": "v"})
    assert len(fake.requests) == 2
    assert all(r.headers["X-Trace"] == "t-2" and r.url.params["k"] == "v" for r in fake.requests)


def test_a_token_refresh_goes_without_the_extras(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(
        GET, lambda r: ok(ITEM) if r.headers["Authorization"] == f"Bearer {FRESH}" else fail("IllegalAccessToken")
    )
    fake.route(REFRESH_PATH, token_answer())
    with make_client(fake, refresh_token=REFRESH) as client:
        client.items.get(7, extra_headers={"X-Trace": "t-3"}, extra_query={"k": "v"})
    paths = [r.url.path.rsplit("/", 1)[-1] for r in fake.requests]
    assert paths == ["get", "refresh", "get"]
    assert "X-Trace" not in fake.requests[1].headers
    assert "k" not in fake.requests[1].url.params
    assert fake.requests[2].headers["X-Trace"] == "t-3"


def test_every_page_of_an_iterator_carries_the_extras(fake: FakeShanjing, no_sleep: list[float]) -> None:
    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page_no"])
        items = [search_item(number * 100 + i) for i in range(20 if number == 1 else 3)]
        return ok({"page_no": number, "page_size": 20, "data": items})

    fake.route(SEARCH, page)
    fake.route(GET, ok(ITEM))
    with make_client(fake) as client:
        found = list(client.items.iter_search("shirt", extra_headers={"X-Trace": "t-4"}))
        client.items.get(7)  # after the iterator: no extras left behind
    assert len(found) == 23
    pages = fake.calls(SEARCH)
    assert len(pages) == 2
    assert all(r.headers["X-Trace"] == "t-4" for r in pages)
    assert "X-Trace" not in fake.calls(GET)[0].headers


def test_the_async_twins_carry_the_extras(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, ok(ITEM))

    async def main() -> None:
        async with make_async_client(fake) as client:
            await client.items.get(7, extra_headers={"X-Trace": "t-5"})
            raw = await client.with_raw_response.items.get(7, extra_query={"k": "v"})
            assert raw.http_request.url.params["k"] == "v"

    asyncio.run(main())
    assert fake.requests[0].headers["X-Trace"] == "t-5"
    assert "X-Trace" not in fake.requests[1].headers


def test_get_many_carries_the_extras_to_every_item(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(GET, lambda r: ok({"tbItemId": int(r.url.params["item_id"]), "title": "x"}))
    with make_client(fake) as client:
        results = list(client.items.get_many([1, 2, 3], concurrency=2, extra_headers={"X-Trace": "t-6"}))
    assert sorted(result.item_id for result in results) == [1, 2, 3]
    assert len(fake.requests) == 3
    assert all(r.headers["X-Trace"] == "t-6" for r in fake.requests)


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"extra_headers": {"Authorization": "Bearer other"}}, "extra_headers"),
        ({"extra_headers": {"authorization": "x"}}, "extra_headers"),
        ({"extra_headers": {"X-Bad": "line\r\nbreak"}}, "extra_headers['X-Bad']"),
        ({"extra_headers": {"X-Bad": "中文"}}, "extra_headers['X-Bad']"),
        ({"extra_headers": {"bad name": "v"}}, "extra_headers"),
        ({"extra_headers": ["X-Trace"]}, "extra_headers"),
        ({"extra_query": {"k": ["v"]}}, "extra_query['k']"),
        ({"extra_query": "k=v"}, "extra_query"),
        ({"extra_body": ["v"]}, "extra_body"),
    ],
    ids=[
        "authorization",
        "authorization-any-case",
        "header-line-break",
        "non-ascii-header",
        "bad-header-name",
        "headers-not-a-mapping",
        "query-list",
        "query-not-a-mapping",
        "body-not-a-mapping",
    ],
)
def test_bad_extras_are_refused_before_sending(
    fake: FakeShanjing, no_sleep: list[float], options: dict[str, object], param: str
) -> None:
    fake.route(GET, ok(ITEM))
    with make_client(fake) as client, pytest.raises(tbapi.ValidationError) as raised:
        client.items.get(7, **options)  # type: ignore[arg-type]
    assert raised.value.param == param
    assert not fake.requests


def test_an_extra_body_that_is_not_json_is_refused_before_sending(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route(CANCEL, ok(None, success=True))
    with make_client(fake) as client, pytest.raises(tbapi.ValidationError) as raised:
        client.orders.cancel(1, cancel_reason="no", extra_body={"when": object()})
    assert raised.value.param == "extra_body"
    assert not fake.requests


def test_default_headers_cannot_set_the_authorization(fake: FakeShanjing) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        make_client(fake, default_headers={"Authorization": "Bearer other"})
    assert raised.value.param == "default_headers"


def test_every_public_call_shows_the_per_call_options(fake: FakeShanjing) -> None:
    with make_client(fake) as client:
        for method in (client.items.get, client.items.iter_search, client.orders.create, client.auth.refresh):
            parameters = inspect.signature(method).parameters
            assert [name for name in parameters if name in CALL_OPTIONS] == CALL_OPTIONS
            assert all(parameters[name].kind is inspect.Parameter.KEYWORD_ONLY for name in CALL_OPTIONS)
        assert "extra_headers: 'Mapping[str, str] | None' = None" in pydoc.plain(pydoc.render_doc(client.items.get))
        assert "timeout" in inspect.signature(client.with_raw_response.items.search).parameters


def test_the_per_call_fields_of_a_dataclass_parameter_list_are_the_per_call_options() -> None:
    """`get_many` reads its parameters from a dataclass (`shanjing/_bulk.py`, `many`), where a type checker sees
    the per-call options as the fields of `PerCallFields`: the same names and types as `PerCall`, in order."""
    fields = [(field.name, field.type, field.default) for field in dataclasses.fields(PerCallFields)]
    declared = [(name, annotation.__forward_arg__, None) for name, annotation in PerCall.__annotations__.items()]
    assert fields == declared
