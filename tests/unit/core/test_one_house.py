"""What the one client base and the flow/twin mechanism give users of all four clients."""

from __future__ import annotations

import gc
import inspect
import pydoc
import subprocess
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

import tbapi
from tests.unit.shanjing.conftest import BASE_URL, TOKEN, FakeShanjing, fail, make_async_client, make_client, ok
from tests.unit.top.conftest import FakeGateway, async_top_client, error_body, top_client

ITEM = {"tbItemId": 7, "title": "item 7"}
CATS = {"itemcats_get_response": {"item_cats": {"item_cat": [{"cid": 1}]}, "request_id": "top-req-1"}}


def shanjing_fake(answer: httpx.Response) -> FakeShanjing:
    fake = FakeShanjing()
    fake.route("/item/get", answer)
    return fake


# --- raw responses ------------------------------------------------------------------------------------------


def test_shanjing_raw_response_has_the_answer_and_parses_to_the_plain_result() -> None:
    fake = shanjing_fake(ok(ITEM, requestId="sj-req-1"))
    raw = make_client(fake).with_raw_response.items.get(7)
    assert isinstance(raw, tbapi.RawResponse)
    assert (raw.status_code, raw.request_id, raw.http_request.url.path) == (200, "sj-req-1", fake.requests[0].url.path)
    assert raw.headers["content-type"] == "application/json"
    assert raw.json()["data"] == ITEM
    assert raw.parse().tb_item_id == 7


def test_raw_response_json_is_the_body_as_the_transport_repaired_it() -> None:
    body = b'{"requestId": "r", "data": {"tbItemId": 7, "title": "line one\nline two"}}'  # a raw newline
    fake = shanjing_fake(httpx.Response(200, content=body, headers={"content-type": "application/json"}))
    raw = make_client(fake).with_raw_response.items.get(7)
    assert raw.json()["data"]["title"] == "line one\nline two"
    assert raw.parse().title == "line one\nline two"


async def test_async_shanjing_raw_response_is_awaited() -> None:
    fake = shanjing_fake(ok(ITEM))
    async with make_async_client(fake) as client:
        raw = await client.with_raw_response.items.get(7)
    assert raw.parse().tb_item_id == 7


def test_top_raw_response_has_the_wire_request_and_parses_to_the_plain_result() -> None:
    gateway = FakeGateway(CATS)
    raw = top_client(gateway).with_raw_response.itemcats.get(parent_cid=0)
    assert raw.http_request.url.params["method"] == "taobao.itemcats.get"
    assert raw.json() == CATS
    assert [cat.cid for cat in raw.parse()] == [1]


def test_a_top_raw_response_shows_no_session_or_signature_in_its_reprs() -> None:
    session = "the-session-value-6100e"
    gateway = FakeGateway(CATS)
    raw = top_client(gateway, session=session).with_raw_response.itemcats.get(parent_cid=0)
    sent = gateway.requests[0].url.params
    shown = repr(raw) + repr(raw.http_request) + str(raw.http_request.url)
    assert sent["session"] == session
    assert session not in shown
    assert sent["sign"] not in shown
    assert raw.http_request.url.params["method"] == "taobao.itemcats.get"


async def test_async_top_raw_response_of_call() -> None:
    gateway = FakeGateway({"time_get_response": {"time": "2024-01-01 00:00:00"}})
    async with async_top_client(gateway) as client:
        raw = await client.with_raw_response.call("taobao.time.get")
    assert raw.parse() == {"time": "2024-01-01 00:00:00"}


def test_raw_response_of_an_error_body_shows_it_and_parse_raises_the_plain_error() -> None:
    gateway = FakeGateway(error_body(11, sub_code="isv.permission-api-package-limit"))
    raw = top_client(gateway).with_raw_response.itemcats.get(parent_cid=0)
    assert raw.json()["error_response"]["code"] == 11
    with pytest.raises(tbapi.PermissionDeniedError):
        raw.parse()


def test_raw_response_of_a_shanjing_error_envelope_raises_on_parse(no_sleep: list[float]) -> None:
    raw = make_client(shanjing_fake(fail("InvalidParameter", "bad item"))).with_raw_response.items.get(7)
    assert raw.json()["errorCode"] == "InvalidParameter"
    with pytest.raises(tbapi.InvalidRequestError):
        raw.parse()


def test_a_raw_call_without_an_answer_raises_like_the_plain_call() -> None:
    with pytest.raises(tbapi.ValidationError, match="item_id"):
        make_client(FakeShanjing()).with_raw_response.items.get(0)


# --- with_options ---------------------------------------------------------------------------------------------


def four_clients() -> list[Any]:
    fake, gateway = FakeShanjing(), FakeGateway()
    return [make_client(fake), make_async_client(fake), top_client(gateway), async_top_client(gateway)]


@pytest.mark.parametrize("client", four_clients(), ids=lambda c: type(c).__name__)
def test_with_options_returns_a_client_of_the_same_class_with_the_new_options(client: Any) -> None:
    copy = client.with_options(timeout=4, max_retries=0, max_retry_after=1)
    assert type(copy) is type(client)
    assert (copy.timeout, copy.max_retries, copy.max_retry_after) == (4.0, 0, 1.0)
    assert (client.timeout, client.max_retries) == (30.0, 2)


def test_with_options_keeps_the_top_credentials_and_clock() -> None:
    client = top_client(FakeGateway(), session="the-session-value")
    copy = client.with_options(timeout=4)
    assert (copy.app_key, copy.sign_method, copy.clock) == (client.app_key, client.sign_method, client.clock)


def test_with_options_keeps_the_shanjing_token_store() -> None:
    client = make_client(FakeShanjing())
    assert client.with_options(timeout=4).token_store is client.token_store


def test_a_top_clock_must_be_a_top_clock() -> None:
    with pytest.raises(tbapi.ValidationError, match="clock"):
        top_client(FakeGateway(), clock=lambda: 0.0)


def test_sleep_must_be_callable() -> None:
    with pytest.raises(tbapi.ValidationError, match="sleep"):
        make_client(FakeShanjing(), sleep=3)


# --- what users see of the methods ---------------------------------------------------------------------------


def test_help_of_a_client_lists_its_resources() -> None:
    text = pydoc.plain(pydoc.render_doc(tbapi.ShanjingClient))
    for name in ("auth", "items", "images", "products", "orders", "with_raw_response"):
        assert f"\n |  {name}\n" in text


def takes_keyword(client: Any, name: str) -> bool:
    """Whether a call of `client` takes the keyword `name` (its value may still be refused)."""
    try:
        client(**{name: object()})  # a value no setting accepts
    except TypeError as refused:
        return f"unexpected keyword argument {name!r}" not in str(refused)
    except Exception:  # refused as a value: the keyword was taken
        return True
    return True


CLIENTS = [tbapi.ShanjingClient, tbapi.AsyncShanjingClient, tbapi.TopClient, tbapi.AsyncTopClient]


@pytest.mark.parametrize(
    ("client", "user_client"),
    [
        (tbapi.ShanjingClient, "httpx.Client"),
        (tbapi.AsyncShanjingClient, "httpx.AsyncClient"),
        (tbapi.TopClient, "httpx.Client"),
        (tbapi.AsyncTopClient, "httpx.AsyncClient"),
    ],
)
def test_help_of_a_client_shows_how_users_call_it_without_plumbing(client: Any, user_client: str) -> None:
    shown = inspect.signature(client).parameters
    assert list(shown) == [name for name in shown if not name.startswith("_")]
    assert [name for name in shown if not takes_keyword(client, name)] == []  # each one shown is taken
    others = {name for other in CLIENTS for name in inspect.signature(other).parameters} - set(shown)
    assert sorted(name for name in others if takes_keyword(client, name)) == []  # and no other client's
    assert shown["http_client"].annotation == f"{user_client} | None"  # not the base's type variable
    assert "_shared" not in pydoc.plain(pydoc.render_doc(client))  # nor in the __init__ help() lists


@pytest.mark.parametrize(
    "client", [tbapi.ShanjingClient, tbapi.AsyncShanjingClient, tbapi.TopClient, tbapi.AsyncTopClient]
)
def test_a_wrong_keyword_of_a_client_names_the_public_client(client: Any) -> None:
    with pytest.raises(
        TypeError, match=rf"^{client.__name__}\.__init__\(\) got an unexpected keyword argument 'acess_token'"
    ):
        client(acess_token="x")


def test_help_of_a_method_shows_what_it_returns_not_the_flow() -> None:
    client = make_client(FakeShanjing())
    assert inspect.signature(client.items.search).return_annotation == "Page[SearchItem]"
    assert inspect.signature(client.items.iter_search).return_annotation == "Iterator[SearchItem]"
    assert "Flow" not in pydoc.plain(pydoc.render_doc(client.items.search))


def test_a_wrong_keyword_names_the_public_method() -> None:
    with pytest.raises(TypeError, match=r"^items\.search\(\) got an unexpected keyword argument 'pagesize'"):
        make_client(FakeShanjing()).items.search("x", pagesize=5)  # type: ignore[call-arg]


def test_call_with_params_that_are_not_a_mapping_is_a_validation_error() -> None:
    with pytest.raises(tbapi.ValidationError, match="params"):
        top_client(FakeGateway()).call("taobao.time.get", "a=b")  # type: ignore[arg-type]


def test_numeric_strings_are_taken_where_integers_are_documented() -> None:
    fake = FakeShanjing()
    fake.route("/item/get", ok(ITEM))
    fake.route("/item/search", ok({"data": [], "pageNo": 1, "pageSize": 20}))
    client = make_client(fake)
    client.items.get("123")
    client.items.search("x", page_no="2", page_size="20")  # type: ignore[arg-type]
    assert fake.requests[0].url.params["item_id"] == "123"
    assert (fake.requests[1].url.params["page_no"], fake.requests[1].url.params["page_size"]) == ("2", "20")


def test_importing_tbapi_leaves_the_httpx_logger_alone() -> None:
    code = (
        "import logging, tbapi, tbapi.shanjing, tbapi.top\n"
        "before = len(logging.getLogger('httpx').filters)\n"
        "tbapi.ShanjingClient(access_token='tok-for-logging-test').close()\n"
        "print(before, len(logging.getLogger('httpx').filters))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split() == ["0", "1"]


def test_clients_made_from_the_environment_still_need_no_private_setup() -> None:
    with tbapi.ShanjingClient(access_token=TOKEN, base_url=BASE_URL) as client:
        assert repr(client).startswith("ShanjingClient(base_url='https://shanjing.test'")


# --- nothing left for the cyclic garbage collector (httpx's response and its stream refer to each other) ------


def garbage_after(call: Callable[[], object]) -> int:
    """How many objects one `call` leaves in reference cycles (found by a collection right after it)."""
    call()  # first use: lazily made resources and caches
    gc.collect()
    gc.disable()
    try:
        call()
        return gc.collect()
    finally:
        gc.enable()


async def async_garbage_after(call: Callable[[], Awaitable[object]]) -> int:
    await call()
    gc.collect()
    gc.disable()
    try:
        await call()
        return gc.collect()
    finally:
        gc.enable()


def test_a_shanjing_call_leaves_no_reference_cycle() -> None:
    client = make_client(shanjing_fake(ok(ITEM)))
    assert garbage_after(lambda: client.items.get(7)) == 0


def test_a_top_call_leaves_no_reference_cycle() -> None:
    client = top_client(FakeGateway(CATS))
    assert garbage_after(lambda: client.itemcats.get(parent_cid=0)) == 0


async def test_an_async_call_leaves_no_reference_cycle() -> None:
    async with make_async_client(shanjing_fake(ok(ITEM))) as client:
        assert await async_garbage_after(lambda: client.items.get(7)) == 0
