"""Input no request can carry is a `ValidationError` before anything is sent; answers no client can follow
are tbapi errors of their own class.

Text with a lone surrogate (no UTF-8 form) in any parameter or credential, a query too long for a URL, an
image path that is a FIFO, a device or a directory: refused before sending (the fault server counts what
arrives), `orders.create` included — never `OrderOutcomeUnknown` for a create that never left. A redirect
(a user's client that follows them) to a URL no client can follow, a 401 whose body holds numbers beyond
any float, a bulk run where one id's answer comes in a thousand layers of Content-Encoding: each a tbapi
error of its class, and the rest goes on.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import tbapi
from tests.reliability.conftest import (
    REFRESHED,
    Stopwatch,
    async_shanjing_client,
    async_top_client,
    shanjing_client,
    top_client,
    top_url,
)
from tests.reliability.fault_server import FaultServer, Plan, Respond, json_answer
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(30)

ITEM = "/rest/taobao-global/traffic/item/get"
SEARCH = "/rest/taobao-global/traffic/item/search"
CREATE = "/rest/taobao-global/purchase/order/create"
REFRESH = "/rest/taobao-global/auth/token/refresh"
ITEM_ID = 689542173310
BOUND_S = 2.0  # a hang guard: nothing here waits on the network for long
FLAVOURS = ["sync", "async"]
LONE = "优衣库\ud800"  # a lone (high) surrogate: Python holds it, no encoder writes it
LINE = {"itemId": "7202402671453", "skuId": "7202402671454", "orderLineNo": "1", "quantity": 2, "price": 3990}
RECEIVER = {
    "name": "张伟",
    "mobile_phone": "13800138000",
    "country": "CN",
    "city": "杭州市",
    "address": "文一西路998号",
}


@pytest.fixture
def outcome(outcome: Record) -> Record:
    return with_fields(outcome, area="tbapi errors", bound_s=BOUND_S)


async def shanjing_call(flavour: str, plan: Plan, call: Callable[[Any], Any], **options: Any) -> Any:
    """`call(client)` on a sync or an async Shanjing client (awaited for the async one)."""
    if flavour == "sync":
        with shanjing_client(plan.url, **options) as client:
            return call(client)
    async with async_shanjing_client(plan.url, **options) as aclient:
        return await call(aclient)


async def top_call(flavour: str, plan: Plan, call: Callable[[Any], Any], **options: Any) -> Any:
    if flavour == "sync":
        with top_client(top_url(plan), **options) as client:
            return call(client)
    async with async_top_client(top_url(plan), **options) as aclient:
        return await call(aclient)


async def one_call_of(api: str, flavour: str, plan: Plan, **options: Any) -> Any:
    """`items.get` or `products.search` on a client of `api` made with `options`."""
    if api == "Shanjing":
        return await shanjing_call(flavour, plan, lambda c: c.items.get(ITEM_ID), **options)
    return await top_call(flavour, plan, lambda c: c.products.search(fields=["name"], q="x"), **options)


async def get_following_redirects(flavour: str, plan: Plan) -> Any:
    """`items.get` through a user's httpx client that follows redirects."""
    if flavour == "sync":
        with httpx.Client(follow_redirects=True) as http:
            return await shanjing_call(flavour, plan, lambda c: c.items.get(ITEM_ID), http_client=http)
    async with httpx.AsyncClient(follow_redirects=True) as ahttp:
        return await shanjing_call(flavour, plan, lambda c: c.items.get(ITEM_ID), http_client=ahttp)


# --- text no request can carry -----------------------------------------------------------------------------

PARAMETERS: list[tuple[str, str, Callable[[Any], Any], str]] = [
    ("Shanjing", "items.search(keyword=…)", lambda c: c.items.search(keyword=LONE), "keyword"),
    ("Shanjing", "items.get(include_tags=[…])", lambda c: c.items.get(ITEM_ID, include_tags=[LONE]), "include_tags"),
    (
        "Shanjing",
        "orders.create(order_remark=…)",
        lambda c: c.orders.create(
            outer_purchase_id="ORDER-LONE-1",
            purchase_amount=7980,
            order_lines=[LINE],
            receiver=RECEIVER,
            order_remark=LONE,
        ),
        "order_remark",
    ),
    (
        "Shanjing",
        "orders.create(receiver={address: …})",
        lambda c: c.orders.create(
            outer_purchase_id="ORDER-LONE-2",
            purchase_amount=7980,
            order_lines=[LINE],
            receiver={**RECEIVER, "address": LONE},
        ),
        "receiver",
    ),
    ("TOP", "products.search(q=…)", lambda c: c.products.search(fields=["name"], q=LONE), "q"),
    ("TOP", "call(method, {…})", lambda c: c.call("taobao.itemcats.get", {"fields": LONE}), "params"),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("api", "name", "call", "param"), PARAMETERS, ids=[p[1] for p in PARAMETERS])
async def test_a_lone_surrogate_in_a_parameter_is_a_validation_error_before_sending(
    fault_server: FaultServer,
    api: str,
    name: str,
    call: Callable[[Any], Any],
    param: str,
    flavour: str,
    outcome: Record,
) -> None:
    plan = fault_server.plan([json_answer({})])
    run = shanjing_call if api == "Shanjing" else top_call
    with Stopwatch() as watch, pytest.raises(tbapi.TbapiError) as raised:
        await run(flavour, plan, call)
    outcome(
        fault="a lone surrogate (U+D800) in a parameter",
        api=api,
        call=f"{name} ({flavour})",
        expected=f"ValidationError naming {param}; nothing sent",
        observed=f"{type(raised.value).__name__}({getattr(raised.value, 'param', '')})",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert type(raised.value) is tbapi.ValidationError
    assert raised.value.param.startswith(param)
    assert plan.count() == 0
    assert watch.elapsed < BOUND_S


CREDENTIALS: list[tuple[str, str]] = [
    ("Shanjing", "access_token"),
    ("Shanjing", "refresh_token"),
    ("TOP", "app_key"),
    ("TOP", "app_secret"),
    ("TOP", "session"),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("api", "credential"), CREDENTIALS, ids=[c[1] for c in CREDENTIALS])
async def test_a_lone_surrogate_in_a_credential_is_a_validation_error_naming_it(
    fault_server: FaultServer, api: str, credential: str, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan([json_answer({})])
    with pytest.raises(tbapi.ValidationError) as raised:
        await one_call_of(api, flavour, plan, **{credential: "Zq7xK\udc80value"})
    outcome(
        fault=f"a lone surrogate in {credential}",
        api=api,
        call=f"client creation ({flavour})",
        expected=f"ValidationError({credential}); nothing sent, the value never shown",
        observed=f"ValidationError({raised.value.param})",
        attempts=plan.count(),
    )
    assert raised.value.param == credential
    assert "surrogate" in raised.value.message
    assert "Zq7xK" not in raised.value.message
    assert plan.count() == 0


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_query_too_long_for_a_url_is_a_validation_error_before_sending(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan([json_answer({})])
    with pytest.raises(tbapi.TbapiError) as raised:
        await shanjing_call(flavour, plan, lambda c: c.items.search(keyword="衣" * 70_000))
    outcome(
        fault="a keyword of 70,000 characters (a query longer than a URL may be)",
        api="Shanjing",
        call=f"items.search ({flavour})",
        expected="ValidationError(keyword); nothing sent",
        observed=f"{type(raised.value).__name__}({getattr(raised.value, 'param', '')})",
        attempts=plan.count(),
    )
    assert type(raised.value) is tbapi.ValidationError
    assert raised.value.param == "keyword"
    assert plan.count() == 0


# --- image paths that are no regular file --------------------------------------------------------------


def _fifo(directory: Path) -> str:
    path = directory / "image.fifo"
    os.mkfifo(path)  # no writer: opening it for reading would wait for one forever
    return str(path)


NOT_REGULAR: list[tuple[str, Callable[[Path], str]]] = [
    ("a FIFO with no writer", _fifo),
    ("a character device (/dev/zero, endless)", lambda _: "/dev/zero"),
    ("a directory", str),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("name", "make"), NOT_REGULAR, ids=[n[0] for n in NOT_REGULAR])
async def test_an_image_path_that_is_no_regular_file_is_a_validation_error_at_once(
    fault_server: FaultServer, tmp_path: Path, name: str, make: Callable[[Path], str], flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan([json_answer({})])
    path = make(tmp_path)
    with Stopwatch() as watch, pytest.raises(tbapi.ValidationError) as raised:
        await shanjing_call(flavour, plan, lambda c: c.images.upload(path))
    outcome(
        fault=f"image path: {name}",
        api="Shanjing",
        call=f"images.upload ({flavour})",
        expected="ValidationError(image) at once; nothing sent",
        observed=f"ValidationError({raised.value.param})",
        attempts=plan.count(),
        elapsed_s=round(watch.elapsed, 3),
    )
    assert raised.value.param == "image"
    assert "regular file" in raised.value.message
    assert plan.count() == 0
    assert watch.elapsed < BOUND_S


# --- answers no client can follow or read --------------------------------------------------------------

REDIRECTS: list[tuple[str, type[tbapi.TbapiError]]] = [
    ("javascript:alert(1)", tbapi.ResponseError),
    ("data:text/plain,hello", tbapi.ResponseError),
    ("ftp://files.example/item.json", tbapi.APIConnectionError),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("location", "expected"), REDIRECTS, ids=[r[0] for r in REDIRECTS])
async def test_a_redirect_no_client_can_follow_is_a_tbapi_error(
    fault_server: FaultServer, location: str, expected: type[tbapi.TbapiError], flavour: str, outcome: Record
) -> None:
    plan = fault_server.plan({ITEM: [Respond(302, b"", headers={"Location": location})]})
    with pytest.raises(Exception) as raised:  # noqa: PT011 - the class is what this test looks at
        await get_following_redirects(flavour, plan)
    outcome(
        fault=f"HTTP 302 to {location}, through a user's client that follows redirects",
        api="Shanjing",
        call=f"items.get ({flavour})",
        expected=expected.__name__,
        observed=type(raised.value).__name__,
        attempts=plan.count(),
    )
    assert type(raised.value) is expected


HUGE_NUMBERS = b'{"errorCode":"IllegalAccessToken","expiresIn":-1e400,"traceId":' + b"7" * 5000 + b"}"


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_401_whose_body_holds_huge_numbers_is_refreshed_and_replayed_as_any_401(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    ok = json_answer(example("shanjing", "getItem"))
    plan = fault_server.plan({ITEM: [Respond(401, HUGE_NUMBERS), ok], REFRESH: [json_answer(REFRESHED)]})
    item = await shanjing_call(flavour, plan, lambda c: c.items.get(ITEM_ID))
    outcome(
        fault="HTTP 401 whose body holds -1e400 and a 5000-digit integer",
        api="Shanjing",
        call=f"items.get ({flavour})",
        expected="refreshed once, replayed once: success",
        observed="success",
        attempts=plan.count(),
    )
    assert item.tb_item_id == ITEM_ID
    assert (plan.count(ITEM), plan.count(REFRESH)) == (2, 1)


def _stacked_item_answer(layers: int) -> Respond:
    body = json_answer(example("shanjing", "getItem")).body
    for _ in range(layers):
        body = gzip.compress(body, mtime=0)
    return Respond(body=body, headers={"Content-Encoding": ", ".join(["gzip"] * layers)})


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_bulk_run_records_one_ids_stacked_encoding_error_and_goes_on(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    ok = json_answer(example("shanjing", "getItem"))
    plan = fault_server.plan({ITEM: [_stacked_item_answer(1000), ok]})
    ids = [ITEM_ID, ITEM_ID + 1, ITEM_ID + 2]
    if flavour == "sync":
        with shanjing_client(plan.url) as client:
            results = list(client.items.get_many(ids, concurrency=1))
    else:
        async with async_shanjing_client(plan.url) as aclient:
            results = [result async for result in aclient.items.get_many(ids, concurrency=1)]
    errors = [type(r.error).__name__ for r in results if not r.ok]
    outcome(
        fault="one id's answer in 1,000 layers of gzip, the others plain",
        api="Shanjing",
        call=f"items.get_many, concurrency 1 ({flavour})",
        expected="that id: ResponseError; the others: success",
        observed=f"{len(results) - len(errors)} ok, errors {errors}",
        attempts=plan.count(),
    )
    assert len(results) == 3
    assert errors == ["ResponseError"]
    assert sum(r.ok for r in results) == 2
