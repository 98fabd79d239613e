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
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest

import tbapi
from tests.order_data import LINE, RECEIVER
from tests.reliability.conftest import REFRESHED
from tests.reliability.fault_server import FaultServer, Plan, Respond, json_answer
from tests.reliability.one_call import ITEM_ID, drained, on_client, one_call
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example
from tests.reliability.trial import trial

pytestmark = pytest.mark.timeout(30)

ITEM = "/rest/taobao-global/traffic/item/get"
REFRESH = "/rest/taobao-global/auth/token/refresh"
BOUND_S = 2.0  # a hang guard: nothing here waits on the network for long
FLAVOURS = ["sync", "async"]
LONE = "优衣库\ud800"  # a lone (high) surrogate: Python holds it, no encoder writes it


@pytest.fixture
def outcome(outcome: Record) -> Record:
    return with_fields(outcome, area="tbapi errors", api="Shanjing", bound_s=BOUND_S)


def get_item(client: Any) -> Any:
    return client.items.get(ITEM_ID)


async def get_following_redirects(flavour: str, plan: Plan) -> Any:
    """`items.get` through a user's httpx client that follows redirects."""
    if flavour == "sync":
        with httpx.Client(follow_redirects=True) as http:
            return await on_client("Shanjing", flavour, plan, get_item, http_client=http)
    async with httpx.AsyncClient(follow_redirects=True) as ahttp:
        return await on_client("Shanjing", flavour, plan, get_item, http_client=ahttp)


# --- text no request can carry -----------------------------------------------------------------------------


def _create_with(outer_purchase_id: str, **changes: Any) -> Callable[[Any], Any]:
    """`orders.create` of the suite's order, with `changes` (where the lone surrogate goes)."""
    order = {"purchase_amount": 7980, "order_lines": [LINE], "receiver": RECEIVER, **changes}
    return lambda c: c.orders.create(outer_purchase_id=outer_purchase_id, **order)


PARAMETERS: list[tuple[str, str, Callable[[Any], Any], str]] = [
    ("Shanjing", "items.search(keyword=…)", lambda c: c.items.search(keyword=LONE), "keyword"),
    ("Shanjing", "items.get(include_tags=[…])", lambda c: c.items.get(ITEM_ID, include_tags=[LONE]), "include_tags"),
    ("Shanjing", "orders.create(order_remark=…)", _create_with("ORDER-LONE-1", order_remark=LONE), "order_remark"),
    (
        "Shanjing",
        "orders.create(receiver={address: …})",
        _create_with("ORDER-LONE-2", receiver={**RECEIVER, "address": LONE}),
        "receiver",
    ),
    ("TOP", "products.search(q=…)", lambda c: c.products.search(fields=["name"], q=LONE), "q"),
    ("TOP", "call(method, {…})", lambda c: c.call("taobao.itemcats.get", {"fields": LONE}), "params"),
]


def _refusal(error: BaseException | None) -> str:
    return f"{type(error).__name__}({getattr(error, 'param', '')})"


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
    sent = await trial(f"{name} ({flavour})", plan, partial(on_client, api, flavour, plan, call))
    fault, expected = "a lone surrogate (U+D800) in a parameter", f"ValidationError naming {param}; nothing sent"
    outcome(fault=fault, api=api, expected=expected, observed=_refusal(sent.error), **sent.row)
    assert type(sent.error) is tbapi.ValidationError
    assert sent.error.param.startswith(param)
    assert plan.count() == 0
    assert sent.elapsed < BOUND_S


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
        await one_call(api, flavour, plan, **{credential: "Zq7xK\udc80value"})
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
    search = partial(on_client, "Shanjing", flavour, plan, lambda c: c.items.search(keyword="衣" * 70_000))
    sent = await trial(f"items.search ({flavour})", plan, search)
    fault = "a keyword of 70,000 characters (a query longer than a URL may be)"
    outcome(fault=fault, expected="ValidationError(keyword); nothing sent", observed=_refusal(sent.error), **sent.row)
    assert type(sent.error) is tbapi.ValidationError
    assert sent.error.param == "keyword"
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
    upload = await trial(
        f"images.upload ({flavour})",
        plan,
        partial(on_client, "Shanjing", flavour, plan, lambda c: c.images.upload(path)),
    )
    error = upload.error
    assert isinstance(error, tbapi.ValidationError)
    outcome(
        fault=f"image path: {name}",
        expected="ValidationError(image) at once; nothing sent",
        observed=f"ValidationError({error.param})",
        **upload.row,
    )
    assert error.param == "image"
    assert "regular file" in error.message
    assert plan.count() == 0
    assert upload.elapsed < BOUND_S


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
    get = await trial(f"items.get ({flavour})", plan, partial(get_following_redirects, flavour, plan))
    fault = f"HTTP 302 to {location}, through a user's client that follows redirects"
    outcome(fault=fault, expected=expected.__name__, observed=type(get.error).__name__, **get.row)
    assert type(get.error) is expected


HUGE_NUMBERS = b'{"errorCode":"IllegalAccessToken","expiresIn":-1e400,"traceId":' + b"7" * 5000 + b"}"


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_a_401_whose_body_holds_huge_numbers_is_refreshed_and_replayed_as_any_401(
    fault_server: FaultServer, flavour: str, outcome: Record
) -> None:
    ok = json_answer(example("shanjing", "getItem"))
    plan = fault_server.plan({ITEM: [Respond(401, HUGE_NUMBERS), ok], REFRESH: [json_answer(REFRESHED)]})
    get = await trial(f"items.get ({flavour})", plan, partial(on_client, "Shanjing", flavour, plan, get_item))
    fault = "HTTP 401 whose body holds -1e400 and a 5000-digit integer"
    outcome(fault=fault, expected="refreshed once, replayed once: success", observed="success", **get.row)
    assert get.result.tb_item_id == ITEM_ID
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
    results: list[Any] = []
    await on_client("Shanjing", flavour, plan, lambda c: drained(c.items.get_many(ids, concurrency=1), results))
    errors = [type(r.error).__name__ for r in results if not r.ok]
    outcome(
        fault="one id's answer in 1,000 layers of gzip, the others plain",
        call=f"items.get_many, concurrency 1 ({flavour})",
        expected="that id: ResponseError; the others: success",
        observed=f"{len(results) - len(errors)} ok, errors {errors}",
        attempts=plan.count(),
    )
    assert len(results) == 3
    assert errors == ["ResponseError"]
    assert sum(r.ok for r in results) == 2
