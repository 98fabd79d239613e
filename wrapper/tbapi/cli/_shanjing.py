"""`tbapi shanjing …`: one command per call of the Shanjing Ecommerce API."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from .. import testing
from .._exceptions import ValidationError
from ..shanjing import FileTokenStore, ShanjingClient
from ..shanjing._bulk import DEFAULT_CONCURRENCY, MAX_CONCURRENCY
from ._app import (
    build_client,
    credential,
    emit_pages,
    option_group,
    repeated,
    settings,
    shared_options,
    show,
    walk_options,
)
from ._bulk import BulkJob, last_states, read_ids
from ._output import stderr_console
from ._params import JsonValue, RenderItemValue, SpecChoice, json_list
from ._shanjing_options import access_token_option, base_url_option, language_option, refresh_token_option

F = TypeVar("F", bound=Callable[..., Any])
ITEM_COLUMNS = ("tbItemId", "title", "price", "couponPrice", "inventory", "shopName")
ORDER_COLUMNS = ("purchase_id", "outer_purchase_id", "status", "purchase_amount", "gmt_create")
# The unit of each price field a table shows (openapi/shanjing.yaml, "Money"): search results in yuan (strings),
# item detail, 撞库 and orders in fen (integers).
SEARCH_UNITS = {"price": "yuan", "couponPrice": "yuan"}
FEN_UNITS = {"price": "fen", "promotionPrice": "fen", "couponPrice": "fen", "purchase_amount": "fen"}
IMAGE = click.Path(exists=True, dir_okay=False, path_type=Path)


# Each option's destination is the name of the SDK parameter it gives, so a command passes its options on as
# they come (`**params`); the credential options go to the client (`shanjing_client`) instead.


@click.group()
def shanjing() -> None:
    """The Shanjing Ecommerce API (Bearer token): items, image search, 撞库, orders, tokens."""


MISSING_TOKEN = (
    "missing: pass --access-token TOKEN, or --token-file PATH holding the tokens that "
    "`tbapi shanjing token-create CODE --token-file PATH` kept (or set TBAPI_SHANJING_ACCESS_TOKEN or "
    "TBAPI_SHANJING_TOKEN_FILE). Tokens come from an OAuth authorization code: the seller authorizes your app at "
    "https://api.taobao.global/oauth/authorize?response_type=code&client_id=<app key>&redirect_uri=<your callback>, "
    "the callback receives the code, and token-create exchanges it; or from Shanjing's console"
)


MISSING_REFRESH_TOKEN = (
    "missing: pass --refresh-token TOKEN, or --token-file PATH holding the tokens that "
    "`tbapi shanjing token-create CODE --token-file PATH` kept (or set TBAPI_SHANJING_REFRESH_TOKEN or "
    "TBAPI_SHANJING_TOKEN_FILE)"
)


def shanjing_client(rate_limit: float | None = None, *, needs_token: bool = True) -> ShanjingClient:
    """The client of this command, from its credential options; closed when it ends. Without a token to call
    with (`needs_token`), a `ValidationError` that says where one comes from, before anything is sent."""
    given = dict(settings().credentials)
    token_file = given.pop("token_file")
    client = build_client(
        ShanjingClient,
        lambda where: {"base_url": where.shanjing, "access_token": None if token_file else testing.MOCK_ACCESS_TOKEN},
        token_store=None if token_file is None else FileTokenStore(token_file),
        rate_limit=rate_limit,
        **given,
    )
    if needs_token and client.token is None:
        raise ValidationError("--access-token", MISSING_TOKEN)
    return client


credentials = option_group(
    shared_options,
    access_token_option,
    refresh_token_option,
    credential(
        "--token-file",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="TBAPI_SHANJING_TOKEN_FILE",
        help="Keep tokens in this file (created by token-create, refreshed in place) [env TBAPI_SHANJING_TOKEN_FILE].",
    ),
    base_url_option,
)
"""The shared options and the credential options of every Shanjing command (flags win over the environment)."""


# --- items ---------------------------------------------------------------------------------------------------

BULK_OPTIONS = ("source", "output", "concurrency", "resume", "retry_failed", "rate_limit", "changed_since")

bulk_options = option_group(
    click.option(
        "--from",
        "source",
        type=click.File("rb"),
        metavar="FILE|-",
        help="Fetch every id of FILE (- is stdin): one per line, blank lines and # comments ignored.",
    ),
    click.option("--output", metavar="FILE.jsonl|-", help="With --from: one JSON line per id (- is stdout)."),
    click.option(
        "--concurrency",
        type=click.IntRange(1, MAX_CONCURRENCY),
        default=DEFAULT_CONCURRENCY,
        show_default=True,
        help="With --from: calls in flight.",
    ),
    click.option("--resume", is_flag=True, help="With --from: skip every id --output holds (ok or error)."),
    click.option(
        "--retry-failed", is_flag=True, help="With --from: like --resume, but fetch the ids of error lines again."
    ),
    click.option(
        "--rate-limit",
        type=click.FloatRange(min=0, min_open=True),
        metavar="CALLS/S",
        help="With --from: at most this many calls per second (paused on a 429, like rate_limit=).",
    ),
    click.option(
        "--changed-since",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        metavar="PREVIOUS.jsonl",
        help="With --from: write only the items that changed, appeared or vanished since this earlier output "
        "(price, promotion/coupon price, inventory, title, status), each line with old and new values.",
    ),
)
"""--from / --output / --concurrency / --resume / --retry-failed / --rate-limit / --changed-since: the bulk form of
a get command."""


@attrs.frozen
class BulkArgs:
    source: Any
    output: str | None
    concurrency: int
    resume: bool
    retry_failed: bool
    rate_limit: float | None
    changed_since: Path | None


def split_bulk(options: dict[str, Any]) -> tuple[BulkArgs, dict[str, Any]]:
    """The bulk options, and the rest (the call's parameters)."""
    bulk = BulkArgs(**{name: options.pop(name) for name in BULK_OPTIONS})
    ctx = click.get_current_context()
    given = [
        f"--{name.replace('_', '-')}"
        for name in BULK_OPTIONS[1:]
        if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE
    ]
    if bulk.source is None and given:
        raise click.UsageError(f"{', '.join(given)}: only with --from FILE")
    return bulk, options


def single_id(item_id: int | None) -> int:
    if item_id is None:
        raise click.UsageError("give an ITEM_ID, or --from FILE for many")
    return item_id


def run_bulk(bulk: BulkArgs, item_id: int | None, fetch: Any) -> None:
    """Run a bulk command to the end and exit with its code (10 when some ids failed)."""
    if item_id is not None:
        raise click.UsageError("give an ITEM_ID or --from FILE, not both")
    if bulk.output is None:
        raise click.UsageError("--from needs --output FILE.jsonl (or --output - for stdout)")
    if bulk.output == "-" and (bulk.resume or bulk.retry_failed):
        raise click.UsageError("--resume and --retry-failed need an output file, not stdout")
    if bulk.changed_since is not None and (bulk.resume or bulk.retry_failed):
        raise click.UsageError("--changed-since writes change lines: it does not go with --resume or --retry-failed")
    name = str(getattr(bulk.source, "name", "<stdin>"))  # stdin's binary stream need not have one
    ids = read_ids(bulk.source, source=name)
    previous = None if bulk.changed_since is None else last_states(bulk.changed_since)
    # BulkJob's fields in their order: label, ids, output, resume, retry_failed, changed_since.
    job = BulkJob(Path(name).name, ids, bulk.output, bulk.resume, bulk.retry_failed, previous)
    click.get_current_context().exit(job.run(fetch, stderr_console()))


def get_or_bulk(
    resource: Callable[[ShanjingClient], Any], item_id: int | None, options: dict[str, Any], title: str
) -> None:
    """`resource(client).get(item_id, …)`; with --from FILE, `.get_many` of every id of FILE (`run_bulk`)."""
    bulk, params = split_bulk(options)
    calls = resource(shanjing_client(rate_limit=bulk.rate_limit))
    if bulk.source is None:
        show(calls.get(single_id(item_id), **params), title=title, units=FEN_UNITS)
    else:
        run_bulk(bulk, item_id, lambda ids: calls.get_many(ids, concurrency=bulk.concurrency, **params))


include_tag_option = repeated("--include-tag", "include_tags", help="A tag to include (repeat).")
filter_option = repeated("--filter", "filters", help="A filter, e.g. 24shipping (repeat).")
exclude_option = repeated("--exclude-filter", "exclude_filters", help="A filter to exclude, e.g. used_item (repeat).")


@shanjing.command("image-search")
@click.option("--pic-url", metavar="URL", help="Search with the image at this URL (alicdn.com is reliable).")
@click.option("--image-id", metavar="ID", help="Search with an image uploaded before (upload-image).")
@click.option("--image", type=IMAGE, help="Search with a local image: uploaded first (jpg/png/webp, ≤ 3 MB).")
@filter_option
@exclude_option
@include_tag_option
@language_option
@credentials
def image_search(**params: Any) -> None:
    """Find look-alike items by image (items.image_search)."""
    show(shanjing_client().items.image_search(**params), columns=ITEM_COLUMNS, title="Image search", units=SEARCH_UNITS)


@shanjing.command("item-get")
@click.argument("item_id", type=int, required=False)
@language_option
@include_tag_option
@bulk_options
@credentials
def item_get(item_id: int | None, **options: Any) -> None:
    """The detail of one Taobao/Tmall item (items.get); prices in fen.

    With --from FILE: the details of every id of FILE (items.get_many), one JSON line per id in --output.
    """
    get_or_bulk(lambda client: client.items, item_id, options, title=f"Item {item_id}")


pages_options = option_group(
    click.option("--page-no", type=int, default=1, show_default=True, help="Page number (from 1)."),
    click.option("--page-size", type=int, default=20, show_default=True, help="Results per page."),
    walk_options,
)


@shanjing.command("search")
@click.argument("keyword")
@pages_options
@click.option("--sort", type=SpecChoice("sort_order"), help="Sort order.")
@filter_option
@exclude_option
@include_tag_option
@language_option
@click.option("--shop-id", type=int, help="Only this shop's items.")
@credentials
def search(keyword: str, **options: Any) -> None:
    """Keyword search (items.search); --all / --max-items walk the pages (items.iter_search)."""
    items = shanjing_client().items
    title = f"Search: {keyword}"
    emit_pages(
        items.search,
        items.iter_search,
        keyword,
        label=f"search {keyword}",
        title=title,
        columns=ITEM_COLUMNS,
        units=SEARCH_UNITS,
        **options,
    )


# --- images and products -------------------------------------------------------------------------------------


@shanjing.command("upload-image")
@click.argument("image", type=IMAGE)
@credentials
def upload_image(image: Path) -> None:
    """Upload an image for image search (images.upload); prints its image id."""
    show({"image_id": shanjing_client().images.upload(image)}, title="Uploaded image")


@shanjing.command("product-get")
@click.argument("item_id", type=int, required=False)
@click.option("--market", "item_source_market", type=SpecChoice("item_source_market"), help="Where the item is from.")
@bulk_options
@credentials
def product_get(item_id: int | None, **options: Any) -> None:
    """撞库: the orderable mpId / mpSkuId of an item (products.get).

    With --from FILE: the records of every id of FILE (products.get_many), one JSON line per id in --output.
    """
    get_or_bulk(lambda client: client.products, item_id, options, title=f"Product of item {item_id}")


# --- orders --------------------------------------------------------------------------------------------------

ADDRESS_HELP = "JSON object (or @file.json) with name, mobile_phone, country, state, city, district, address, zip."


def address_options(receiver: str) -> Callable[[F], F]:
    """--receiver (given as the parameter `receiver`) and --warehouse of an order command."""
    return option_group(
        click.option("--receiver", receiver, type=JsonValue(), required=True, help=f"The receiver: {ADDRESS_HELP}"),
        click.option(
            "--warehouse", "warehouse_address", type=JsonValue(), help=f"The warehouse address: {ADDRESS_HELP}"
        ),
    )


def json_values(decl: str, dest: str, value: JsonValue, help: str) -> Callable[[F], F]:
    """A required, repeatable JSON option; the command gets one list (a JSON array contributes its elements)."""
    return click.option(
        decl,
        dest,
        type=value,
        multiple=True,
        required=True,
        callback=lambda _ctx, _param, values: json_list(values),
        help=help,
    )


@shanjing.command("order-render")
@json_values(
    "--item", "items", RenderItemValue(), "MP_ID:MP_SKU_ID:QUANTITY (ids from product-get) or a JSON object (repeat)."
)
@address_options("receiver_address")
@click.option("--supplychain", "need_supplychain_service", is_flag=True, help="Ask for supply-chain services.")
@credentials
def order_render(**params: Any) -> None:
    """Price an order before creating it (orders.render)."""
    show(shanjing_client().orders.render(**params), title="Order render")


@shanjing.command("order-create")
@click.option("--outer-purchase-id", required=True, help="Your id of the order: the idempotency key.")
@click.option("--amount", "purchase_amount", type=int, required=True, help="Purchase amount in fen.")
@json_values(
    "--line",
    "order_lines",
    JsonValue(),
    "An order line as JSON (itemId, skuId, orderLineNo, quantity, price…), or @file with a JSON array (repeat).",
)
@address_options("receiver")
@click.option("--seller-order-number", help="Your shop's order number.")
@click.option("--order-source", help="Where the order comes from.")
@click.option("--channel-order-type", type=SpecChoice("channel_order_type"), help="Channel order type.")
@click.option("--partial/--no-partial", "support_partial_success", default=None, help="Accept partial success.")
@click.option("--remark", "order_remark", help="A remark for the seller.")
@credentials
def order_create(**params: Any) -> None:
    """Place an order (orders.create) — spends money; never sent twice for one --outer-purchase-id."""
    show(shanjing_client().orders.create(**params), title="Order created", units=FEN_UNITS)


@shanjing.command("order-cancel")
@click.argument("purchase_id", type=int)
@click.option("--reason", "cancel_reason", required=True, help="Why the order is cancelled.")
@click.option("--remark", "cancel_remark", help="A remark.")
@repeated("--sub-order", "sub_purchase_order_ids", type=int, help="Cancel only this sub-order (repeat).")
@credentials
def order_cancel(purchase_id: int, **params: Any) -> None:
    """Ask to cancel an order (orders.cancel); asynchronous: poll order-query for TRADE_CLOSED."""
    show(shanjing_client().orders.cancel(purchase_id, **params), title=f"Cancel of {purchase_id}")


@shanjing.command("order-query")
@repeated("--purchase-id", "purchase_ids", type=int, help="An order id (repeat).")
@click.option("--outer-purchase-id", help="Your id of the order.")
@click.option("--status", type=SpecChoice("order_status"), help="Only orders in this status.")
@click.option("--sort-type", type=SpecChoice("sort_type"), help="Sort direction.")
@click.option("--sort-field", help="Sort field, e.g. gmt_modified.")
@click.option("--modified-since", "modify_time_start", type=int, help="Modified at or after (epoch ms).")
@click.option("--modified-until", "modify_time_end", type=int, help="Modified before (epoch ms).")
@pages_options
@credentials
def order_query(**options: Any) -> None:
    """Query purchase orders (orders.query); --all / --max-items walk the pages (orders.iter_query)."""
    orders = shanjing_client().orders
    emit_pages(
        orders.query,
        orders.iter_query,
        label="orders",
        columns=ORDER_COLUMNS,
        title="Orders",
        units=FEN_UNITS,
        **options,
    )


# --- tokens --------------------------------------------------------------------------------------------------


@shanjing.command("token-create")
@click.argument("code")
@credentials
def token_create(code: str) -> None:
    """Exchange an OAuth authorization code for tokens (auth.create_token), kept in --token-file.

    The tokens are never printed, and a code works once: without a token file it can write (--token-file or
    TBAPI_SHANJING_TOKEN_FILE) the command refuses before sending.
    """
    token_file = settings().credentials["token_file"]
    if token_file is None:
        raise click.UsageError(
            "token-create: nowhere to keep the tokens (they are never printed, and the code works once): "
            "pass --token-file PATH or set TBAPI_SHANJING_TOKEN_FILE"
        )
    problem = unwritable(Path(token_file).expanduser())
    if problem:
        raise click.BadParameter(f"{token_file}: {problem}; the tokens could not be kept", param_hint="--token-file")
    show(shanjing_client(needs_token=False).auth.create_token(code), title="Token created")


def unwritable(path: Path) -> str | None:
    """Why the token file cannot be written (None when it can): it is a folder, or its folder cannot be made."""
    if path.exists():
        return None if path.is_file() and os.access(path, os.W_OK) else "not a writable file"
    folder = next(parent for parent in path.parents if parent.exists())
    if not folder.is_dir():
        return f"{folder} is not a folder"
    return None if os.access(folder, os.W_OK | os.X_OK) else f"cannot write in {folder}"


@shanjing.command("token-refresh")
@credentials
def token_refresh() -> None:
    """Refresh the access token now (auth.refresh), with --refresh-token or the token file's."""
    client = shanjing_client()
    if client.token is None or client.token.refresh_token is None:
        raise ValidationError("--refresh-token", MISSING_REFRESH_TOKEN)
    show(client.auth.refresh(), title="Token refreshed")
