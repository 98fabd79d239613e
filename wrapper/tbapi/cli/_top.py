"""`tbapi top …`: one command per TOP method of the SDK, and `call` for any other."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
import httpx

from ..top import TopClient
from ._app import client_options, http_client, managed, mock_credentials, settings, shared_options, target
from ._output import emit, with_progress
from ._params import KeyValue, ids

F = TypeVar("F", bound=Callable[..., Any])
PRODUCT_COLUMNS = ("product_id", "name", "price", "cid", "status", "tsc")
DEFAULT_PRODUCT_FIELDS = "product_id,name,price,cid"


@click.group()
def top() -> None:
    """The Taobao Open Platform (signed requests): products, categories, properties, any method."""


def credentials(fn: F) -> F:
    """The credential options of every TOP command (flags win over the environment)."""
    options = (
        click.option("--app-key", metavar="KEY", help="App key [env TBAPI_TOP_APP_KEY]."),
        click.option("--app-secret", metavar="SECRET", help="App secret [env TBAPI_TOP_APP_SECRET]; never printed."),
        click.option(
            "--session", metavar="SESSION", help="User session, for methods that need one [env TBAPI_TOP_SESSION]."
        ),
        click.option(
            "--sign-method",
            type=click.Choice(["hmac-sha256", "hmac", "md5"]),
            default="hmac-sha256",
            show_default=True,
            help="Signature algorithm.",
        ),
        click.option("--base-url", metavar="URL", help="Gateway URL [env TBAPI_TOP_BASE_URL]."),
    )
    for option in reversed(options):
        fn = option(fn)
    return shared_options(fn)


def make_client(
    app_key: str | None, app_secret: str | None, session: str | None, sign_method: str, base_url: str | None
) -> TopClient:
    """The client of this command, closed when it ends."""
    where = target()
    if where is not None:
        base_url = base_url or where.top_gateway
        app_key = app_key or mock_credentials()["app_key"]
        app_secret = app_secret or mock_credentials()["app_secret"]
    http: httpx.Client = managed(http_client())
    client = TopClient(
        app_key=app_key,
        app_secret=app_secret,
        session=session,
        sign_method=sign_method,
        base_url=base_url,
        http_client=http,
        **client_options(),
    )
    managed(client)
    return client


def given(**params: Any) -> dict[str, Any]:
    """The parameters that were given (None means: not sent)."""
    return {name: value for name, value in params.items() if value is not None}


@top.command("products-search")
@click.option(
    "--fields", default=DEFAULT_PRODUCT_FIELDS, show_default=True, help="Comma-separated product fields to return."
)
@click.option("--q", help="A title keyword.")
@click.option("--cid", type=int, help="A category id.")
@click.option("--props", help="Key properties, pid:vid;pid:vid.")
@click.option("--status", help="Statuses to return, comma-separated (0, 3).")
@click.option("--page-no", type=int, help="Page number (from 1).")
@click.option("--page-size", type=int, help="Products per page (1-100).")
@click.option("--vertical-market", type=int, help="3 (3C), 4 (shoes) or 8 (online games).")
@click.option("--customer-props", help="As documented by TOP.")
@click.option("--suite-items-str", help="As documented by TOP.")
@click.option("--barcode-str", help="Barcodes, comma-separated.")
@click.option("--market-id", help="1 (C2C) or 2 (B2C).")
@click.option("--all", "all_pages", is_flag=True, help="Walk every page (a progress bar shows on a terminal).")
@click.option("--max-items", type=click.IntRange(min=0), help="Walk the pages, stop after this many.")
@credentials
def products_search(
    fields: str,
    q: str | None,
    cid: int | None,
    props: str | None,
    status: str | None,
    page_no: int | None,
    page_size: int | None,
    vertical_market: int | None,
    customer_props: str | None,
    suite_items_str: str | None,
    barcode_str: str | None,
    market_id: str | None,
    all_pages: bool,
    max_items: int | None,
    **creds: Any,
) -> None:
    """Search the standard product library (taobao.products.search)."""
    products = make_client(**creds).products
    params = given(
        fields=fields,
        q=q,
        cid=cid,
        props=props,
        status=status,
        page_no=page_no,
        page_size=page_size,
        vertical_market=vertical_market,
        customer_props=customer_props,
        suite_items_str=suite_items_str,
        barcode_str=barcode_str,
        market_id=market_id,
    )
    title = f"Products: {q or cid or props}"
    if all_pages or max_items is not None:
        walked = products.iter_search(max_items=max_items, **params)
        found = list(with_progress(walked, label="products", total=max_items))
        emit(found, as_json=settings().as_json, columns=PRODUCT_COLUMNS, title=title)
    else:
        emit(products.search(**params), as_json=settings().as_json, columns=PRODUCT_COLUMNS, title=title)


@top.command("itemcats-get")
@click.option("--cids", help="Category ids, comma-separated.")
@click.option("--parent-cid", type=int, help="The children of this category (0: the root categories).")
@click.option("--fields", help="Comma-separated ItemCat fields.")
@credentials
def itemcats_get(cids: str | None, parent_cid: int | None, fields: str | None, **creds: Any) -> None:
    """Standard item categories (taobao.itemcats.get)."""
    cats = make_client(**creds).itemcats.get(**given(cids=ids(cids), parent_cid=parent_cid, fields=fields))
    emit(
        cats,
        as_json=settings().as_json,
        columns=("cid", "parent_cid", "name", "is_parent", "status"),
        title="Categories",
    )


def _flag(name: str) -> Callable[[F], F]:
    return click.option(f"--{name}/--not-{name}", name.replace("-", "_"), default=None, help=f"Filter on {name}.")


@top.command("itemprops-get")
@click.option("--cid", type=int, required=True, help="A leaf category id.")
@click.option("--fields", help="Comma-separated ItemProp fields.")
@click.option("--pid", type=int, help="Only this property.")
@click.option("--parent-pid", type=int, help="The children of this property.")
@_flag("key-prop")
@_flag("sale-prop")
@_flag("color-prop")
@_flag("enum-prop")
@_flag("input-prop")
@_flag("item-prop")
@click.option("--child-path", help="A child path, pid:vid;pid:vid.")
@click.option("--attr-keys", help="Feature keys, comma-separated.")
@click.option("--type", "type_", type=int, help="1 (Taobao) or 2 (Tmall).")
@credentials
def itemprops_get(
    cid: int,
    fields: str | None,
    pid: int | None,
    parent_pid: int | None,
    key_prop: bool | None,
    sale_prop: bool | None,
    color_prop: bool | None,
    enum_prop: bool | None,
    input_prop: bool | None,
    item_prop: bool | None,
    child_path: str | None,
    attr_keys: str | None,
    type_: int | None,
    **creds: Any,
) -> None:
    """The properties of a category (taobao.itemprops.get)."""
    params = given(
        fields=fields,
        pid=pid,
        parent_pid=parent_pid,
        is_key_prop=key_prop,
        is_sale_prop=sale_prop,
        is_color_prop=color_prop,
        is_enum_prop=enum_prop,
        is_input_prop=input_prop,
        is_item_prop=item_prop,
        child_path=child_path,
        attr_keys=attr_keys,
        type=type_,
    )
    props = make_client(**creds).itemprops.get(cid=cid, **params)
    emit(
        props,
        as_json=settings().as_json,
        columns=("pid", "name", "must", "multi", "is_key_prop"),
        title=f"Properties of {cid}",
    )


@top.command("itempropvalues-get")
@click.option("--cid", type=int, required=True, help="A category id.")
@click.option("--fields", help="Comma-separated PropValue fields (default: all).")
@click.option("--pvs", help="Property values, pid:vid;pid:vid.")
@click.option("--type", "type_", type=int, help="1 (Taobao) or 2 (Tmall).")
@click.option("--attr-keys", help="Feature keys, comma-separated.")
@credentials
def itempropvalues_get(
    cid: int, fields: str | None, pvs: str | None, type_: int | None, attr_keys: str | None, **creds: Any
) -> None:
    """The values of category properties (taobao.itempropvalues.get)."""
    params = given(fields=fields, pvs=pvs, type=type_, attr_keys=attr_keys)
    values = make_client(**creds).itempropvalues.get(cid=cid, **params)
    emit(
        values, as_json=settings().as_json, columns=("cid", "pid", "prop_name", "vid", "name"), title="Property values"
    )


@top.command("call")
@click.argument("method")
@click.argument("params", nargs=-1, type=KeyValue())
@credentials
def call(method: str, params: tuple[tuple[str, str], ...], **creds: Any) -> None:
    """Call any TOP method: tbapi top call taobao.itemcats.get parent_cid=0 fields=cid,name."""
    response = make_client(**creds).call(method, dict(params))
    emit(response, as_json=settings().as_json, title=method)
