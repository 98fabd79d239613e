"""`tbapi top …`: one command per TOP method of the SDK, and `call` for any other."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import testing
from ..top import TopClient
from ._app import build_client, credential, emit_pages, option_group, settings, shared_options, show, walk_options
from ._params import KeyValue, ids

F = TypeVar("F", bound=Callable[..., Any])
PRODUCT_COLUMNS = ("product_id", "name", "price", "cid", "status", "tsc")
DEFAULT_PRODUCT_FIELDS = "product_id,name,price,cid"
PRODUCT_UNITS = {"price": "yuan"}  # TOP's product price: yuan with 2 decimals, a string (openapi/top.yaml)

# Each option's destination is the name of the SDK parameter it gives, so a command passes on the options that
# were given (`sent_only(**params)`); the credential options go to the client (`top_client`) instead.


@click.group()
def top() -> None:
    """The Taobao Open Platform (signed requests): products, categories, properties, any method."""


def _mock_defaults(where: testing.MockServers) -> dict[str, Any]:
    return {"base_url": where.top_gateway, "app_key": testing.MOCK_APP_KEY, "app_secret": testing.MOCK_APP_SECRET}


def top_client() -> TopClient:
    """The client of this command, from its credential options; closed when it ends."""
    return build_client(TopClient, _mock_defaults, **settings().credentials)


credentials = option_group(
    shared_options,
    credential("--app-key", metavar="KEY", help="App key [env TBAPI_TOP_APP_KEY]."),
    credential("--app-secret", metavar="SECRET", help="App secret [env TBAPI_TOP_APP_SECRET]; never printed."),
    credential("--session", metavar="SESSION", help="User session, for methods that need one [env TBAPI_TOP_SESSION]."),
    credential(
        "--sign-method",
        type=click.Choice(["hmac-sha256", "hmac", "md5"]),
        default="hmac-sha256",
        show_default=True,
        help="Signature algorithm.",
    ),
    credential("--base-url", metavar="URL", help="Gateway URL [env TBAPI_TOP_BASE_URL]."),
)
"""The shared options and the credential options of every TOP command (flags win over the environment)."""


def sent_only(**params: Any) -> dict[str, Any]:
    """The parameters set on the command line (None means: not sent)."""
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
@walk_options
@credentials
def products_search(**options: Any) -> None:
    """Search the standard product library (taobao.products.search)."""
    products = top_client().products
    title = f"Products: {options['q'] or options['cid'] or options['props']}"
    emit_pages(
        products.search,
        products.iter_search,
        label="products",
        columns=PRODUCT_COLUMNS,
        title=title,
        units=PRODUCT_UNITS,
        **sent_only(**options),
    )


@top.command("itemcats-get")
@click.option("--cids", help="Category ids, comma-separated.")
@click.option("--parent-cid", type=int, help="The children of this category (0: the root categories).")
@click.option("--fields", help="Comma-separated ItemCat fields.")
@credentials
def itemcats_get(cids: str | None, **params: Any) -> None:
    """Standard item categories (taobao.itemcats.get)."""
    cats = top_client().itemcats.get(**sent_only(cids=ids(cids), **params))
    show(cats, columns=("cid", "parent_cid", "name", "is_parent", "status"), title="Categories")


def _flag(name: str) -> Callable[[F], F]:
    """`--NAME/--not-NAME`, the parameter `is_NAME`; not given: no filter."""
    return click.option(
        f"--{name}/--not-{name}", f"is_{name.replace('-', '_')}", default=None, help=f"Filter on {name}."
    )


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
@click.option("--type", "type", type=int, help="1 (Taobao) or 2 (Tmall).")
@credentials
def itemprops_get(**params: Any) -> None:
    """The properties of a category (taobao.itemprops.get)."""
    props = top_client().itemprops.get(**sent_only(**params))
    show(props, columns=("pid", "name", "must", "multi", "is_key_prop"), title=f"Properties of {params['cid']}")


@top.command("itempropvalues-get")
@click.option("--cid", type=int, required=True, help="A category id.")
@click.option("--fields", help="Comma-separated PropValue fields (default: all).")
@click.option("--pvs", help="Property values, pid:vid;pid:vid.")
@click.option("--type", "type", type=int, help="1 (Taobao) or 2 (Tmall).")
@click.option("--attr-keys", help="Feature keys, comma-separated.")
@credentials
def itempropvalues_get(**params: Any) -> None:
    """The values of category properties (taobao.itempropvalues.get)."""
    values = top_client().itempropvalues.get(**sent_only(**params))
    show(values, columns=("cid", "pid", "prop_name", "vid", "name"), title="Property values")


@top.command("call")
@click.argument("method")
@click.argument("params", nargs=-1, type=KeyValue())
@credentials
def call(method: str, params: tuple[tuple[str, str], ...]) -> None:
    """Call any TOP method: tbapi top call taobao.itemcats.get parent_cid=0 fields=cid,name."""
    show(top_client().call(method, dict(params)), title=method)
