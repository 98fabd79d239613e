"""Validation before sending, client options and lifecycle, twins and docstrings."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import tbapi

from .conftest import BASE_URL, TOKEN, FakeShanjing, bearer, make_async_client, make_client, ok

RECEIVER = {"name": "张伟"}
LINE = {"itemId": "1", "skuId": "2", "orderLineNo": "1", "quantity": 1}

CASES: list[tuple[str, Callable[[tbapi.ShanjingClient], Any]]] = [
    ("page_size", lambda c: c.items.search("x", page_size=21)),
    ("page_size", lambda c: c.items.search("x", page_size=0)),
    ("page_no", lambda c: c.items.search("x", page_no=0)),
    ("keyword", lambda c: c.items.search("  ")),
    ("sort", lambda c: c.items.search("x", sort="CHEAPEST")),  # type: ignore[arg-type]
    ("language", lambda c: c.items.get(1, language="fr")),  # type: ignore[arg-type]
    ("item_id", lambda c: c.items.get("")),
    ("item_id", lambda c: c.items.get(0)),
    ("item_id", lambda c: c.products.get("abc")),
    ("item_source_market", lambda c: c.products.get(1, item_source_market="TMALL")),  # type: ignore[arg-type]
    ("filters[0]", lambda c: c.items.image_search(image_id="1", filters=[""])),
    ("image_id", lambda c: c.items.image_search(image_id="")),
    ("status", lambda c: c.orders.query(status="BUILDING")),  # type: ignore[arg-type]
    ("page_size", lambda c: c.orders.query(page_size=0)),
    ("sort_type", lambda c: c.orders.query(sort_type="UP")),  # type: ignore[arg-type]
    ("max_items", lambda c: list(c.orders.iter_query(max_items=-1))),
    (
        "outer_purchase_id",
        lambda c: c.orders.create(outer_purchase_id="", purchase_amount=1, order_lines=[LINE], receiver=RECEIVER),
    ),
    (
        "purchase_amount",
        lambda c: c.orders.create(outer_purchase_id="A", purchase_amount=-1, order_lines=[LINE], receiver=RECEIVER),
    ),
    (
        "order_lines",
        lambda c: c.orders.create(outer_purchase_id="A", purchase_amount=1, order_lines=[], receiver=RECEIVER),
    ),
    (
        "order_lines[0].itemId",
        lambda c: c.orders.create(
            outer_purchase_id="A", purchase_amount=1, order_lines=[{**LINE, "itemId": ""}], receiver=RECEIVER
        ),
    ),
    (
        "order_lines[0].quantity",
        lambda c: c.orders.create(
            outer_purchase_id="A", purchase_amount=1, order_lines=[{**LINE, "quantity": 0}], receiver=RECEIVER
        ),
    ),
    (
        "order_lines[0]",
        lambda c: c.orders.create(
            outer_purchase_id="A", purchase_amount=1, order_lines=[{"itemId": "1"}], receiver=RECEIVER
        ),
    ),
    (
        "receiver",
        lambda c: c.orders.create(
            outer_purchase_id="A", purchase_amount=1, order_lines=[LINE], receiver={"mobilePhone": "1"}
        ),
    ),
    (
        "items[0].chooseSupplychainServices[0].serviceCategory",
        lambda c: c.orders.render(
            items=[
                {
                    "itemId": "1",
                    "skuId": "2",
                    "quantity": 1,
                    "chooseSupplychainServices": [{"optionId": "a", "serviceCategory": "EXPRESS"}],
                }
            ],
            receiver_address=RECEIVER,
        ),
    ),
    ("items", lambda c: c.orders.render(items=[], receiver_address=RECEIVER)),
    ("purchase_id", lambda c: c.orders.cancel("", cancel_reason="x")),
    ("cancel_reason", lambda c: c.orders.cancel(1, cancel_reason="")),
    ("code", lambda c: c.auth.create_token("")),
]


@pytest.mark.parametrize(("param", "call"), CASES, ids=[f"{i}-{p}" for i, (p, _) in enumerate(CASES)])
def test_bad_arguments_raise_validation_error_naming_the_parameter_before_sending(
    fake: FakeShanjing, client: tbapi.ShanjingClient, param: str, call: Callable[[tbapi.ShanjingClient], Any]
) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        call(client)

    assert caught.value.param == param
    assert isinstance(caught.value, ValueError)
    assert fake.requests == []


def test_with_options_shares_the_pool_and_changes_the_timeout(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route("/item/get", ok({"tbItemId": 1}))
    quick = client.with_options(timeout=2.5, max_retries=0)

    quick.items.get(1)
    quick.close()  # leaves the shared pool open
    client.items.get(1)

    assert type(quick) is tbapi.ShanjingClient
    assert [r.extensions["timeout"]["read"] for r in fake.requests] == [2.5, 30.0]
    assert repr(quick).endswith("timeout=2.5, max_retries=0, token_store=InMemoryTokenStore(has_token=True))")


def test_with_options_max_retries_zero_does_not_retry(
    fake: FakeShanjing, client: tbapi.ShanjingClient, no_sleep: list[float]
) -> None:
    fake.route("/item/get", httpx.Response(503))

    with pytest.raises(tbapi.ServerError):
        client.with_options(max_retries=0).items.get(1)
    assert len(fake.requests) == 1


def test_settings_come_from_the_environment(fake: FakeShanjing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TBAPI_SHANJING_ACCESS_TOKEN", "env-access-token")
    monkeypatch.setenv("TBAPI_SHANJING_BASE_URL", "http://127.0.0.1:9")
    fake.route("/item/get", ok({"tbItemId": 1}))

    client = tbapi.ShanjingClient(http_client=httpx.Client(transport=httpx.MockTransport(fake)))
    client.items.get(1)

    assert str(fake.requests[0].url).startswith("http://127.0.0.1:9/rest/")
    assert bearer(fake.requests[0]) == "env-access-token"


def test_plain_http_to_another_host_is_refused() -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        tbapi.ShanjingClient(access_token=TOKEN, base_url="http://ecommerce-api.shanjing-inc.com")
    assert caught.value.param == "base_url"


def test_closing_the_client_leaves_a_user_http_client_open(fake: FakeShanjing) -> None:
    user = httpx.Client(transport=httpx.MockTransport(fake))
    with tbapi.ShanjingClient(access_token=TOKEN, base_url=BASE_URL, http_client=user):
        pass
    assert not user.is_closed


def test_a_user_http_clients_default_headers_are_sent(fake: FakeShanjing) -> None:
    fake.route("/item/get", ok({"tbItemId": 1}))
    user = httpx.Client(transport=httpx.MockTransport(fake), headers={"Prefer": "example=success"})

    tbapi.ShanjingClient(access_token=TOKEN, base_url=BASE_URL, http_client=user).items.get(1)

    assert fake.requests[0].headers["Prefer"] == "example=success"
    assert fake.requests[0].headers["User-Agent"].startswith("tbapi/")


async def test_the_async_twin_gives_the_same_result(fake: FakeShanjing) -> None:
    fake.route("/item/get", ok({"tbItemId": 9, "title": "t"}))
    sync_item = make_client(fake).items.get(9)

    async with make_async_client(fake) as client:
        async_item = await client.with_options(timeout=5).items.get(9)

    assert async_item == sync_item
    assert fake.requests[0].url == fake.requests[1].url


RESOURCES = ["auth", "items", "images", "products", "orders"]
SYNC_CLIENT, ASYNC_CLIENT = make_client(FakeShanjing()), make_async_client(FakeShanjing())


def public_methods(resource: object) -> dict[str, Any]:
    return {name: method for name, method in inspect.getmembers(resource, callable) if not name.startswith("_")}


@pytest.mark.parametrize("client", [SYNC_CLIENT, ASYNC_CLIENT], ids=lambda c: type(c).__name__)
@pytest.mark.parametrize("resource", RESOURCES)
def test_every_public_method_has_a_docstring_naming_its_errors(client: Any, resource: str) -> None:
    methods = public_methods(getattr(client, resource))
    assert methods
    for name, method in methods.items():
        doc = inspect.getdoc(method) or ""
        assert "Raise" in doc or "raises" in doc, f"{resource}.{name}"


@pytest.mark.parametrize("resource", RESOURCES)
def test_sync_and_async_twins_have_the_same_methods_and_signatures(resource: str) -> None:
    sync_methods = public_methods(getattr(SYNC_CLIENT, resource))
    async_methods = public_methods(getattr(ASYNC_CLIENT, resource))
    assert sync_methods.keys() == async_methods.keys()
    for name, sync_method in sync_methods.items():
        sync_signature = inspect.signature(sync_method)
        async_signature = inspect.signature(async_methods[name])
        assert sync_signature.parameters == async_signature.parameters
        # What each returns to its user: the same type (an async iterator for an iterator).
        returns = str(async_signature.return_annotation).removeprefix("Async")
        assert returns == str(sync_signature.return_annotation)
    assert all(
        inspect.iscoroutinefunction(method)
        for name, method in async_methods.items()
        if not name.startswith("iter") and not name.endswith("_many")
    )


@pytest.mark.parametrize("client", [SYNC_CLIENT, ASYNC_CLIENT], ids=lambda c: type(c).__name__)
@pytest.mark.parametrize("resource", RESOURCES)
def test_raw_twins_are_every_method_but_the_iterators_returning_a_raw_response(client: Any, resource: str) -> None:
    plain = public_methods(getattr(client, resource))
    raw = public_methods(getattr(client.with_raw_response, resource))
    assert raw.keys() == {name for name in plain if not name.startswith("iter") and not name.endswith("_many")}
    for name, method in raw.items():
        signature, plain_signature = inspect.signature(method), inspect.signature(plain[name])
        assert signature.parameters == plain_signature.parameters
        assert signature.return_annotation == f"RawResponse[{plain_signature.return_annotation}]"
        assert inspect.iscoroutinefunction(method) == inspect.iscoroutinefunction(plain[name])
