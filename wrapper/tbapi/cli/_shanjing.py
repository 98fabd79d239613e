"""`tbapi shanjing …`: one command per call of the Shanjing Ecommerce API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click
import httpx
from shanjing_client.models.channel_order_type import CHANNEL_ORDER_TYPE_VALUES
from shanjing_client.models.item_source_market import ITEM_SOURCE_MARKET_VALUES
from shanjing_client.models.language import LANGUAGE_VALUES
from shanjing_client.models.order_status import ORDER_STATUS_VALUES
from shanjing_client.models.sort_order import SORT_ORDER_VALUES
from shanjing_client.models.sort_type import SORT_TYPE_VALUES

from ..shanjing import FileTokenStore, ShanjingClient
from ..shanjing._bulk import MAX_CONCURRENCY
from ._app import client_options, http_client, managed, mock_credentials, settings, shared_options, target
from ._bulk import BulkJob, read_ids
from ._output import emit, stderr_console, with_progress
from ._params import JsonValue, RenderItemValue, json_list

F = TypeVar("F", bound=Callable[..., Any])
ITEM_COLUMNS = ("tbItemId", "title", "price", "couponPrice", "inventory", "shopName")
ORDER_COLUMNS = ("purchase_id", "outer_purchase_id", "status", "purchase_amount", "gmt_create")
IMAGE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
def shanjing() -> None:
    """The Shanjing Ecommerce API (Bearer token): items, image search, 撞库, orders, tokens."""


def credentials(fn: F) -> F:
    """The credential options of every Shanjing command (flags win over the environment)."""
    options = (
        click.option("--access-token", metavar="TOKEN", help="Access token [env TBAPI_SHANJING_ACCESS_TOKEN]."),
        click.option("--refresh-token", metavar="TOKEN", help="Refresh token [env TBAPI_SHANJING_REFRESH_TOKEN]."),
        click.option(
            "--token-file",
            type=click.Path(dir_okay=False, path_type=Path),
            envvar="TBAPI_SHANJING_TOKEN_FILE",
            help="Keep tokens in this file (created by token-create, refreshed in place) [env TBAPI_SHANJING_TOKEN_FILE].",
        ),
        click.option("--base-url", metavar="URL", help="API base URL [env TBAPI_SHANJING_BASE_URL]."),
    )
    for option in reversed(options):
        fn = option(fn)
    return shared_options(fn)


def make_client(
    access_token: str | None,
    refresh_token: str | None,
    token_file: Path | None,
    base_url: str | None,
    rate_limit: float | None = None,
) -> ShanjingClient:
    """The client of this command, closed when it ends."""
    where = target()
    if where is not None:
        base_url = base_url or where.shanjing
        access_token = access_token or (None if token_file else mock_credentials()["access_token"])
    http: httpx.Client = managed(http_client())
    client = ShanjingClient(
        access_token=access_token,
        refresh_token=refresh_token,
        base_url=base_url,
        token_store=None if token_file is None else FileTokenStore(token_file),
        http_client=http,
        rate_limit=rate_limit,
        **client_options(),
    )
    managed(client)
    return client


def _json() -> bool:
    return settings().as_json


# --- items ---------------------------------------------------------------------------------------------------

BULK_OPTIONS = ("source", "output", "concurrency", "resume", "retry_failed", "rate_limit")


def bulk_options(fn: F) -> F:
    """--from / --output / --concurrency / --resume / --retry-failed: the bulk form of a get command."""
    options = (
        click.option(
            "--from",
            "source",
            type=click.File("r", encoding="utf-8"),
            metavar="FILE|-",
            help="Fetch every id of FILE (- is stdin): one per line, blank lines and # comments ignored.",
        ),
        click.option("--output", metavar="FILE.jsonl|-", help="With --from: one JSON line per id (- is stdout)."),
        click.option(
            "--concurrency",
            type=click.IntRange(1, MAX_CONCURRENCY),
            default=16,
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
    )
    for option in reversed(options):
        fn = option(fn)
    return fn


@attrs.frozen
class BulkArgs:
    source: Any
    output: str | None
    concurrency: int
    resume: bool
    retry_failed: bool
    rate_limit: float | None


def split_bulk(options: dict[str, Any]) -> tuple[BulkArgs, dict[str, Any]]:
    """The bulk options, and the rest (the credentials)."""
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
    ids = read_ids(bulk.source, source=bulk.source.name)
    label = Path(bulk.source.name).name
    job = BulkJob(label=label, ids=ids, output=bulk.output, resume=bulk.resume, retry_failed=bulk.retry_failed)
    click.get_current_context().exit(job.run(fetch, stderr_console()))


language_option = click.option("--language", type=click.Choice(LANGUAGE_VALUES), help="Translate the texts.")
include_tag_option = click.option("--include-tag", "include_tags", multiple=True, help="A tag to include (repeat).")
filter_option = click.option("--filter", "filters", multiple=True, help="A filter, e.g. 24shipping (repeat).")
exclude_option = click.option(
    "--exclude-filter", "exclude_filters", multiple=True, help="A filter to exclude, e.g. used_item (repeat)."
)


@shanjing.command("image-search")
@click.option("--pic-url", metavar="URL", help="Search with the image at this URL (alicdn.com is reliable).")
@click.option("--image-id", metavar="ID", help="Search with an image uploaded before (upload-image).")
@click.option("--image", type=IMAGE, help="Search with a local image: uploaded first (jpg/png/webp, ≤ 3 MB).")
@filter_option
@exclude_option
@include_tag_option
@language_option
@credentials
def image_search(
    pic_url: str | None,
    image_id: str | None,
    image: Path | None,
    filters: tuple[str, ...],
    exclude_filters: tuple[str, ...],
    include_tags: tuple[str, ...],
    language: Any,
    **creds: Any,
) -> None:
    """Find look-alike items by image (items.image_search)."""
    items = make_client(**creds).items.image_search(
        pic_url=pic_url,
        image_id=image_id,
        image=image,
        filters=list(filters) or None,
        exclude_filters=list(exclude_filters) or None,
        include_tags=list(include_tags) or None,
        language=language,
    )
    emit(items, as_json=_json(), columns=ITEM_COLUMNS, title="Image search")


@shanjing.command("item-get")
@click.argument("item_id", type=int, required=False)
@language_option
@include_tag_option
@bulk_options
@credentials
def item_get(item_id: int | None, language: Any, include_tags: tuple[str, ...], **options: Any) -> None:
    """The detail of one Taobao/Tmall item (items.get); prices in fen.

    With --from FILE: the details of every id of FILE (items.get_many), one JSON line per id in --output.
    """
    bulk, creds = split_bulk(options)
    items = make_client(**creds, rate_limit=bulk.rate_limit).items
    tags = list(include_tags) or None
    if bulk.source is None:
        detail = items.get(single_id(item_id), language=language, include_tags=tags)
        emit(detail, as_json=_json(), title=f"Item {item_id}")
        return
    run_bulk(
        bulk,
        item_id,
        lambda ids: items.get_many(ids, concurrency=bulk.concurrency, language=language, include_tags=tags),
    )


def pages_options(fn: F) -> F:
    fn = click.option("--max-items", type=click.IntRange(min=0), help="Walk the pages, stop after this many.")(fn)
    fn = click.option("--all", "all_pages", is_flag=True, help="Walk every page (a progress bar shows on a terminal).")(
        fn
    )
    fn = click.option("--page-size", type=int, default=20, show_default=True, help="Results per page.")(fn)
    return click.option("--page-no", type=int, default=1, show_default=True, help="Page number (from 1).")(fn)


@shanjing.command("search")
@click.argument("keyword")
@pages_options
@click.option("--sort", type=click.Choice(SORT_ORDER_VALUES), help="Sort order.")
@filter_option
@exclude_option
@include_tag_option
@language_option
@click.option("--shop-id", type=int, help="Only this shop's items.")
@credentials
def search(
    keyword: str,
    page_no: int,
    page_size: int,
    all_pages: bool,
    max_items: int | None,
    sort: Any,
    filters: tuple[str, ...],
    exclude_filters: tuple[str, ...],
    include_tags: tuple[str, ...],
    language: Any,
    shop_id: int | None,
    **creds: Any,
) -> None:
    """Keyword search (items.search); --all / --max-items walk the pages (items.iter_search)."""
    items = make_client(**creds).items
    kwargs: dict[str, Any] = dict(
        page_no=page_no,
        page_size=page_size,
        sort=sort,
        filters=list(filters) or None,
        exclude_filters=list(exclude_filters) or None,
        include_tags=list(include_tags) or None,
        language=language,
        shop_id=shop_id,
    )
    if all_pages or max_items is not None:
        walked = items.iter_search(keyword, max_items=max_items, **kwargs)
        found = list(with_progress(walked, label=f"search {keyword}", total=max_items))
        emit(found, as_json=_json(), columns=ITEM_COLUMNS, title=f"Search: {keyword}")
    else:
        emit(items.search(keyword, **kwargs), as_json=_json(), columns=ITEM_COLUMNS, title=f"Search: {keyword}")


# --- images and products -------------------------------------------------------------------------------------


@shanjing.command("upload-image")
@click.argument("image", type=IMAGE)
@credentials
def upload_image(image: Path, **creds: Any) -> None:
    """Upload an image for image search (images.upload); prints its image id."""
    image_id = make_client(**creds).images.upload(image)
    emit({"image_id": image_id}, as_json=_json(), title="Uploaded image")


@shanjing.command("product-get")
@click.argument("item_id", type=int, required=False)
@click.option("--market", type=click.Choice(ITEM_SOURCE_MARKET_VALUES), help="Where the item is from.")
@bulk_options
@credentials
def product_get(item_id: int | None, market: Any, **options: Any) -> None:
    """撞库: the orderable mpId / mpSkuId of an item (products.get).

    With --from FILE: the records of every id of FILE (products.get_many), one JSON line per id in --output.
    """
    bulk, creds = split_bulk(options)
    products = make_client(**creds, rate_limit=bulk.rate_limit).products
    if bulk.source is None:
        product = products.get(single_id(item_id), item_source_market=market)
        emit(product, as_json=_json(), title=f"Product of item {item_id}")
        return
    run_bulk(bulk, item_id, lambda ids: products.get_many(ids, concurrency=bulk.concurrency, item_source_market=market))


# --- orders --------------------------------------------------------------------------------------------------

ADDRESS_HELP = "JSON object (or @file.json) with name, mobile_phone, country, state, city, district, address, zip."


@shanjing.command("order-render")
@click.option(
    "--item",
    "items",
    type=RenderItemValue(),
    multiple=True,
    required=True,
    help="MP_ID:MP_SKU_ID:QUANTITY (ids from product-get) or a JSON object (repeat).",
)
@click.option("--receiver", type=JsonValue(), required=True, help=f"The receiver: {ADDRESS_HELP}")
@click.option("--warehouse", type=JsonValue(), help=f"The warehouse address: {ADDRESS_HELP}")
@click.option("--supplychain", is_flag=True, help="Ask for supply-chain services.")
@credentials
def order_render(items: tuple[Any, ...], receiver: Any, warehouse: Any, supplychain: bool, **creds: Any) -> None:
    """Price an order before creating it (orders.render)."""
    result = make_client(**creds).orders.render(
        items=json_list(items),
        receiver_address=receiver,
        warehouse_address=warehouse,
        need_supplychain_service=supplychain,
    )
    emit(result, as_json=_json(), title="Order render")


@shanjing.command("order-create")
@click.option("--outer-purchase-id", required=True, help="Your id of the order: the idempotency key.")
@click.option("--amount", "purchase_amount", type=int, required=True, help="Purchase amount in fen.")
@click.option(
    "--line",
    "lines",
    type=JsonValue(),
    multiple=True,
    required=True,
    help="An order line as JSON (itemId, skuId, orderLineNo, quantity, price…), or @file with a JSON array (repeat).",
)
@click.option("--receiver", type=JsonValue(), required=True, help=f"The receiver: {ADDRESS_HELP}")
@click.option("--warehouse", type=JsonValue(), help=f"The warehouse address: {ADDRESS_HELP}")
@click.option("--seller-order-number", help="Your shop's order number.")
@click.option("--order-source", help="Where the order comes from.")
@click.option("--channel-order-type", type=click.Choice(CHANNEL_ORDER_TYPE_VALUES), help="Channel order type.")
@click.option("--partial/--no-partial", "support_partial_success", default=None, help="Accept partial success.")
@click.option("--remark", "order_remark", help="A remark for the seller.")
@credentials
def order_create(
    outer_purchase_id: str,
    purchase_amount: int,
    lines: tuple[Any, ...],
    receiver: Any,
    warehouse: Any,
    seller_order_number: str | None,
    order_source: str | None,
    channel_order_type: Any,
    support_partial_success: bool | None,
    order_remark: str | None,
    **creds: Any,
) -> None:
    """Place an order (orders.create) — spends money; never sent twice for one --outer-purchase-id."""
    result = make_client(**creds).orders.create(
        outer_purchase_id=outer_purchase_id,
        purchase_amount=purchase_amount,
        order_lines=json_list(lines),
        receiver=receiver,
        warehouse_address=warehouse,
        seller_order_number=seller_order_number,
        order_source=order_source,
        channel_order_type=channel_order_type,
        support_partial_success=support_partial_success,
        order_remark=order_remark,
    )
    emit(result, as_json=_json(), title="Order created")


@shanjing.command("order-cancel")
@click.argument("purchase_id", type=int)
@click.option("--reason", "cancel_reason", required=True, help="Why the order is cancelled.")
@click.option("--remark", "cancel_remark", help="A remark.")
@click.option("--sub-order", "sub_orders", type=int, multiple=True, help="Cancel only this sub-order (repeat).")
@credentials
def order_cancel(
    purchase_id: int, cancel_reason: str, cancel_remark: str | None, sub_orders: tuple[int, ...], **creds: Any
) -> None:
    """Ask to cancel an order (orders.cancel); asynchronous: poll order-query for TRADE_CLOSED."""
    accepted = make_client(**creds).orders.cancel(
        purchase_id,
        cancel_reason=cancel_reason,
        cancel_remark=cancel_remark,
        sub_purchase_order_ids=list(sub_orders) or None,
    )
    emit(accepted, as_json=_json(), title=f"Cancel of {purchase_id}")


@shanjing.command("order-query")
@click.option("--purchase-id", "purchase_ids", type=int, multiple=True, help="An order id (repeat).")
@click.option("--outer-purchase-id", help="Your id of the order.")
@click.option("--status", type=click.Choice(ORDER_STATUS_VALUES), help="Only orders in this status.")
@click.option("--sort-type", type=click.Choice(SORT_TYPE_VALUES), help="Sort direction.")
@click.option("--sort-field", help="Sort field, e.g. gmt_modified.")
@click.option("--modified-since", "modify_time_start", type=int, help="Modified at or after (epoch ms).")
@click.option("--modified-until", "modify_time_end", type=int, help="Modified before (epoch ms).")
@pages_options
@credentials
def order_query(
    purchase_ids: tuple[int, ...],
    outer_purchase_id: str | None,
    status: Any,
    sort_type: Any,
    sort_field: str | None,
    modify_time_start: int | None,
    modify_time_end: int | None,
    page_no: int,
    page_size: int,
    all_pages: bool,
    max_items: int | None,
    **creds: Any,
) -> None:
    """Query purchase orders (orders.query); --all / --max-items walk the pages (orders.iter_query)."""
    orders = make_client(**creds).orders
    kwargs: dict[str, Any] = dict(
        purchase_ids=list(purchase_ids) or None,
        outer_purchase_id=outer_purchase_id,
        status=status,
        sort_type=sort_type,
        sort_field=sort_field,
        page_no=page_no,
        page_size=page_size,
        modify_time_start=modify_time_start,
        modify_time_end=modify_time_end,
    )
    if all_pages or max_items is not None:
        walked = orders.iter_query(max_items=max_items, **kwargs)
        found = list(with_progress(walked, label="orders", total=max_items))
        emit(found, as_json=_json(), columns=ORDER_COLUMNS, title="Orders")
    else:
        emit(orders.query(**kwargs), as_json=_json(), columns=ORDER_COLUMNS, title="Orders")


# --- tokens --------------------------------------------------------------------------------------------------


@shanjing.command("token-create")
@click.argument("code")
@credentials
def token_create(code: str, **creds: Any) -> None:
    """Exchange an OAuth authorization code for tokens (auth.create_token).

    The tokens are never printed: pass --token-file (or set TBAPI_SHANJING_TOKEN_FILE) to keep them.
    """
    record = make_client(**creds).auth.create_token(code)
    emit(record, as_json=_json(), title="Token created")
    if creds.get("token_file") is None:
        click.echo("note: the tokens are not printed; pass --token-file PATH to keep them", err=True)


@shanjing.command("token-refresh")
@credentials
def token_refresh(**creds: Any) -> None:
    """Refresh the access token now (auth.refresh), with --refresh-token or the token file's."""
    record = make_client(**creds).auth.refresh()
    emit(record, as_json=_json(), title="Token refreshed")
