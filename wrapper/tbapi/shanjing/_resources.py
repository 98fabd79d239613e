"""The Shanjing resources, each method written once as a flow; its sync, async and raw twins come from it.

`client.auth`, `client.items`, `client.images`, `client.products`, `client.orders` are one class each,
generic in the client's mode (`_twins.py`): `Items[Sync]` on `ShanjingClient`, `Items[Async]` on
`AsyncShanjingClient`, `Items[RawSync]` / `Items[RawAsync]` behind their `with_raw_response`. Each public
method is declared once, next to its flow: `search = twin(_search)`, `iter_search = iterator(_iter_search)`.
`Shanjing` at the bottom is the list of resources every one of those four holds. Each operation's
parameters are declared once, keyword-only after the first, in its flow; an `iter_*` flow forwards them to
its page flow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs
from shanjing_client.api.auth import create_token
from shanjing_client.api.images import upload_image
from shanjing_client.api.items import get_item, image_search, search_items
from shanjing_client.api.orders import cancel_order, create_order, query_orders, render_order
from shanjing_client.api.products import get_product
from shanjing_client.models.address import Address
from shanjing_client.models.cancel_order_request import CancelOrderRequest
from shanjing_client.models.cancel_order_response import CancelOrderResponse
from shanjing_client.models.channel_order_type import CHANNEL_ORDER_TYPE_VALUES, ChannelOrderType
from shanjing_client.models.create_order_request import CreateOrderRequest
from shanjing_client.models.create_order_result import CreateOrderResult
from shanjing_client.models.created_order import CreatedOrder
from shanjing_client.models.created_order_line import CreatedOrderLine
from shanjing_client.models.item_detail import ItemDetail
from shanjing_client.models.item_source_market import ITEM_SOURCE_MARKET_VALUES, ItemSourceMarket
from shanjing_client.models.language import LANGUAGE_VALUES, Language
from shanjing_client.models.order_line import OrderLine
from shanjing_client.models.order_status import ORDER_STATUS_VALUES, OrderStatus
from shanjing_client.models.product import Product
from shanjing_client.models.purchase_order import PurchaseOrder
from shanjing_client.models.purchase_order_page import PurchaseOrderPage
from shanjing_client.models.render_item import RenderItem
from shanjing_client.models.render_order_request import RenderOrderRequest
from shanjing_client.models.render_result import RenderResult
from shanjing_client.models.search_item import SearchItem
from shanjing_client.models.search_item_page import SearchItemPage
from shanjing_client.models.sort_order import SORT_ORDER_VALUES, SortOrder
from shanjing_client.models.sort_type import SORT_TYPE_VALUES, SortType
from shanjing_client.models.upload_image_request import UploadImageRequest
from shanjing_client.models.uploaded_image import UploadedImage

from .._base_client import Resource, resource
from .._calls import forwarded, send
from .._exceptions import (
    APIConnectionError,
    AuthenticationError,
    OrderOutcomeUnknown,
    ResponseError,
    ServerError,
    TbapiError,
    ValidationError,
)
from .._flow import Flow
from .._logs import logger
from .._pages import max_items_arg, paginate
from .._retry import Recovered, retrying
from .._twins import ItemFlow, M, Moded, Sync, iterator, twin
from .._validation import credential, int_in_range, non_empty_str
from . import _args as a
from ._bulk import BulkResult, get_many
from ._core import Core, authorized, request, token_call
from ._envelope import is_duplicate_order, parsed_as, unwrap_data, unwrap_list, wrong_shape
from ._images import image_base64
from ._tokens import CurrentTokens, Refresh, TokenRecord, refresh_failed

T = TypeVar("T")
SEARCH_MAX_PAGE_SIZE = 20
QUERY_PAGE_SIZE_FOR_LOOKUP = (
    50  # the page asked for when finding an order by outer_purchase_id (no maximum is published)
)


@attrs.frozen
class Page(Generic[T]):
    """One page of results: `.items`, the page it is, and the total when the service tells it.

    `.raw` is the generated page model as the service sent it.
    """

    items: list[T]
    page_no: int
    page_size: int
    total: int | None
    raw: Any = attrs.field(repr=False)


class _Resource(Resource[Core, M]):
    pass


# --------------------------------------------------------------------------------------------- auth


class Auth(_Resource[M]):
    """`client.auth`: tokens."""

    def _create_token(self, code: str) -> Flow[TokenRecord]:
        """Exchange an OAuth authorization code for tokens; the client uses them from then on.

        Returns the `TokenRecord` (its repr hides the tokens), also saved in the client's token store.
        Raises `ValidationError` for an empty code, `InvalidRequestError` / `AuthenticationError` when the
        service refuses it, `APIConnectionError` / `ResponseError` for transport or shape failures.
        """
        what = "auth.create_token"
        record = yield from token_call(self._core, create_token, {"code": credential("code", code)}, what=what)
        self._core.tokens.adopt(record)
        return record

    create_token = twin(_create_token)

    def _refresh(self, refresh_token: str | None = None) -> Flow[TokenRecord]:
        """Refresh the access token now; the client uses the new one from then on.

        Without `refresh_token` the client's own is used (single-flight with the automatic refreshes).
        Returns the new `TokenRecord`. Raises `AuthenticationError` when the refresh fails or there is
        no refresh token, `ValidationError` for an empty `refresh_token`.
        """
        core = self._core
        if refresh_token is None:
            current: TokenRecord | None = yield CurrentTokens(core.tokens)
            refreshed: TokenRecord = yield Refresh(core.tokens, current.access_token if current else None, force=True)
            return refreshed
        token = credential("refresh_token", refresh_token)
        assert core.tokens.refresher is not None
        try:
            record = yield from core.tokens.refresher(token)
        except AuthenticationError:
            raise
        except TbapiError as error:
            raise refresh_failed(error) from error
        if record.refresh_token is None:
            record = attrs.evolve(record, refresh_token=token)
        core.tokens.adopt(record)
        return record

    refresh = twin(_refresh)


# -------------------------------------------------------------------------------------------- items


class Items(_Resource[M]):
    """`client.items`: item detail, keyword search and image search."""

    def _get(
        self,
        item_id: int | str,
        *,
        language: Language | None = None,
        include_tags: Sequence[str] | str | None = None,
    ) -> Flow[ItemDetail]:
        """The detail of one Taobao/Tmall item (prices in fen), translated when `language` is given.

        Raises `ValidationError` for a bad `item_id` or `language` (en, vi, ru, ko, ja); `APIError`
        subclasses for service errors (`InvalidRequestError`, `AuthenticationError` after a failed
        refresh, `RateLimitError`, `ServerError`…); `APIConnectionError`; `ResponseError` for a bad body.
        """
        return (yield from self._detail(a.int_id("item_id", item_id), _item_options(language, include_tags)))

    get = twin(_get)

    def _get_many(
        self,
        ids: Iterable[int | str],
        *,
        concurrency: int = 16,
        language: Language | None = None,
        include_tags: Sequence[str] | str | None = None,
    ) -> ItemFlow[BulkResult[ItemDetail]]:
        """The details of many items, `concurrency` calls in flight: a `BulkResult` per distinct id, in the
        order they complete — `.item_id` (as given), `.item` (the `ItemDetail`) or `.error`.

        One item's failure (after its retries, token refresh included) is its result's `.error`, never an
        exception that ends the loop. Raises `ValidationError` (naming e.g. `ids[3]`; `concurrency` is
        1..256) before anything is sent: every argument is checked first. Ctrl-C, or leaving the loop early (the
        iterator dropped, or at once: its `close()` / `aclose()`), stops the calls in flight (a sync call in
        progress finishes first) and leaves no thread or task running.

        The sync client on its own pool runs the calls as tasks of an event loop in one background thread,
        over a pool of its own (aiohttp, this client's limits, options and token store; opened for the loop
        and closed with it), and hands each result to your loop through a queue: threads sending through
        httpx's sync client are bound by the CPU and the GIL long before 64 calls are in flight. The cost is
        one thread and a new set of connections per `get_many`. With your own `http_client=httpx.Client(…)`,
        or with `max_concurrency=` (whose places the loop could not share with your threads), the calls go
        through the client's pool in `concurrency` worker threads.
        """
        options = _item_options(language, include_tags)
        return get_many(ids, concurrency, lambda item_id: self._detail(item_id, options), self._core.loop)

    get_many = iterator(_get_many)

    def _detail(self, item_id: int, options: dict[str, Any]) -> Flow[ItemDetail]:
        what = "items.get"
        kwargs = {"item_resource": "taobao", "item_id": item_id, **options}
        response = yield from request(self._core, get_item, kwargs, what=what)
        return unwrap_data(response, ItemDetail, what)

    def _search(
        self,
        keyword: str | None = None,
        *,
        page_no: int = 1,
        page_size: int = 20,
        sort: SortOrder | None = None,
        filters: Sequence[str] | str | None = None,
        exclude_filters: Sequence[str] | str | None = None,
        include_tags: Sequence[str] | str | None = None,
        language: Language | None = None,
        shop_id: int | str | None = None,
    ) -> Flow[Page[SearchItem]]:
        """One page of a keyword search: `.items`, `.page_no`, `.page_size` (no total is given).

        `keyword` is optional (a shop's items are searched by `shop_id` alone); `page_size` is 1..20; `sort`
        one of PRICE_ASC, PRICE_DESC, SALE_QTY_ASC, SALE_QTY_DESC.
        Raises `ValidationError` before sending for bad arguments, else the errors of `items.get`.
        """
        what = "items.search"
        number, size = a.page_args(page_no, page_size, SEARCH_MAX_PAGE_SIZE)
        kwargs = {
            "keyword": None if keyword is None else non_empty_str("keyword", keyword),
            "page_no": number,
            "page_size": size,
            "sort": a.enum("sort", sort, SORT_ORDER_VALUES),
            "filters": a.strings("filters", filters),
            "exclude_filters": a.strings("exclude_filters", exclude_filters),
            **_item_options(language, include_tags),
            "shop_id": None if shop_id is None else a.int_id("shop_id", shop_id),
        }
        response = yield from request(self._core, search_items, kwargs, what=what)
        page = unwrap_data(response, SearchItemPage, what)
        return Page(
            items=[] if page.data is None else page.data,
            page_no=page.page_no if isinstance(page.page_no, int) else number,
            page_size=_served_size(size, page.page_size),
            total=None,
            raw=page,
        )

    search = twin(_search)

    def _iter_search(
        self,
        keyword: str | None = None,
        *,
        page_no: int = 1,
        page_size: int = 20,
        sort: SortOrder | None = None,
        filters: Sequence[str] | str | None = None,
        exclude_filters: Sequence[str] | str | None = None,
        include_tags: Sequence[str] | str | None = None,
        language: Language | None = None,
        shop_id: int | str | None = None,
        max_items: int | None = None,
    ) -> ItemFlow[SearchItem]:
        """Every item of a keyword search, page after page from `page_no`, at most `max_items` of them.

        Stops after a short or empty page and never asks for a page past the end. Arguments are
        checked before the first request (`ValidationError`); each page raises like `items.search`.
        """
        limit = max_items_arg(max_items)
        arguments = forwarded(locals(), "self", "max_items", "limit")

        def fetch(number: int) -> Flow[tuple[list[SearchItem], int | None, int | None]]:
            page = yield from self._search(**{**arguments, "page_no": number})
            return page.items, page.page_size, page.total

        first, size = a.page_args(page_no, page_size, SEARCH_MAX_PAGE_SIZE)
        return paginate(fetch, page_no=first, page_size=size, max_items=limit)

    iter_search = iterator(_iter_search)

    def _image_search(
        self,
        *,
        pic_url: str | None = None,
        image_id: str | None = None,
        image: Any = None,
        filters: Sequence[str] | str | None = None,
        exclude_filters: Sequence[str] | str | None = None,
        include_tags: Sequence[str] | str | None = None,
        language: Language | None = None,
    ) -> Flow[list[SearchItem]]:
        """Items that look like an image (unpaged; the service returns at most about 100).

        Give `pic_url` (http or https) and/or `image_id` (from `images.upload`), or `image` alone: a path,
        bytes or a binary file, which is checked (jpg/jpeg/png/webp, at most 3 MB), uploaded, then searched
        by its image id. Raises `ValidationError` before sending for a missing or conflicting source or
        bad arguments; otherwise the errors of `items.get` (and of `images.upload` for `image`).
        """
        what = "items.image_search"
        if image is not None and (pic_url is not None or image_id is not None):
            raise ValidationError("image", "give image alone: it is uploaded and searched by its id")
        if image is None and pic_url is None and image_id is None:
            raise ValidationError("pic_url / image_id / image", "one image source is required")
        kwargs: dict[str, Any] = {
            "pic_url": None if pic_url is None else a.http_url("pic_url", pic_url),
            "image_id": None if image_id is None else non_empty_str("image_id", image_id),
            "filters": a.strings("filters", filters),
            "exclude_filters": a.strings("exclude_filters", exclude_filters),
            **_item_options(language, include_tags),
        }
        if image is not None:
            kwargs["image_id"] = yield from _upload(self._core, image_base64(image))
        response = yield from request(self._core, image_search, kwargs, what=what)
        return unwrap_list(response, SearchItem, what)

    image_search = twin(_image_search)


def _served_size(asked: int, served: object) -> int:
    """The page size a page was served with: what the answer says, when it is a size, but never above `asked`."""
    return min(asked, served) if isinstance(served, int) and served > 0 else asked


def _item_options(language: Language | None, include_tags: Sequence[str] | str | None) -> dict[str, Any]:
    return {
        "include_tags": a.strings("include_tags", include_tags),
        "language": a.enum("language", language, LANGUAGE_VALUES),
    }


# ------------------------------------------------------------------------------------------- images


def _upload(core: Core, encoded: str) -> Flow[str]:
    what = "images.upload"
    response = yield from request(core, upload_image, {"body": UploadImageRequest(image_base64=encoded)}, what=what)
    uploaded = unwrap_data(response, UploadedImage, what)
    if (
        not isinstance(uploaded.image_id, str | int)
        or isinstance(uploaded.image_id, bool)
        or not str(uploaded.image_id)
    ):
        raise wrong_shape(what, "no imageId", response.content, int(response.status_code))
    return str(uploaded.image_id)


class Images(_Resource[M]):
    """`client.images`: image upload for image search."""

    def _upload(self, image: Any) -> Flow[str]:
        """Upload an image for image search; returns its image id (for `items.image_search(image_id=…)`).

        `image` is a path, bytes or a binary file; its type (jpg/jpeg/png/webp, by its first bytes) and
        size (at most 3 MB) are checked before sending. Raises `ValidationError` for a bad image, the
        `APIError` subclasses for service errors, `APIConnectionError`, and `ResponseError` for a bad body.
        """
        return (yield from _upload(self._core, image_base64(image)))

    upload = twin(_upload)


# ----------------------------------------------------------------------------------------- products


class Products(_Resource[M]):
    """`client.products`: 撞库, the orderable ids of an item."""

    def _get(self, item_id: int | str, *, item_source_market: ItemSourceMarket | None = None) -> Flow[Product]:
        """撞库: the orderable record of a Taobao (or, with `CBU_MARKET`, 1688) item — its `mpId` and each
        SKU's `mpSkuId`, needed by `orders.render` and `orders.create`.

        Raises `ValidationError` for a bad `item_id` or market, else the errors of `items.get`.
        """
        return (yield from self._record(a.int_id("item_id", item_id), _market(item_source_market)))

    get = twin(_get)

    def _get_many(
        self,
        ids: Iterable[int | str],
        *,
        concurrency: int = 16,
        item_source_market: ItemSourceMarket | None = None,
    ) -> ItemFlow[BulkResult[Product]]:
        """撞库 for many items, `concurrency` calls in flight: a `BulkResult` per distinct id (`.item` is the
        `Product`), in the order they complete. Raises `ValidationError` before anything is sent; each
        id's own error is its result's `.error`, as in `items.get_many`."""
        market = _market(item_source_market)
        return get_many(ids, concurrency, lambda item_id: self._record(item_id, market), self._core.loop)

    get_many = iterator(_get_many)

    def _record(self, item_id: int, market: ItemSourceMarket | None) -> Flow[Product]:
        what = "products.get"
        kwargs = {"item_id": item_id, "item_source_market": market}
        response = yield from request(self._core, get_product, kwargs, what=what)
        return unwrap_data(response, Product, what)


def _market(item_source_market: ItemSourceMarket | None) -> ItemSourceMarket | None:
    return a.enum("item_source_market", item_source_market, ITEM_SOURCE_MARKET_VALUES)


# ------------------------------------------------------------------------------------------- orders


class Orders(_Resource[M]):
    """`client.orders`: render, create, cancel and query purchase orders."""

    def _render(
        self,
        *,
        items: Iterable[RenderItem | Mapping[str, Any]],
        receiver_address: Address | Mapping[str, Any],
        warehouse_address: Address | Mapping[str, Any] | None = None,
        need_supplychain_service: bool = False,
        tax_id: str | None = None,
    ) -> Flow[RenderResult]:
        """Pre-create an order: which lines can be bought, the exact price and the China shipping fee.

        `items` are `RenderItem`s or dicts with the wire keys (`itemId` = the 撞库 `mpId`, `skuId` =
        `mpSkuId`, `quantity`, optional `chooseSupplychainServices`); the wrapper JSON-encodes them into
        `render_item_List`, ids as JSON numbers like the published example (ints or digit strings are
        accepted). Addresses are `Address`es or dicts (`name`, `mobile_phone`, `zip`, …); `tax_id` is the
        buyer's tax id where the destination requires one. Raises `ValidationError` before sending, else the `APIError` subclasses, `APIConnectionError`,
        `ResponseError`.
        """
        what = "orders.render"
        body = RenderOrderRequest(
            render_item_list=a.json_list(a.render_items("items", items)),
            receiver_address=a.address("receiver_address", receiver_address),
            warehouse_address=a.optional_address("warehouse_address", warehouse_address),
            need_supplychain_service=bool(need_supplychain_service),
            tax_id=None if tax_id is None else non_empty_str("tax_id", tax_id),
        )
        response = yield from request(self._core, render_order, {"body": body}, what=what)
        return unwrap_data(response, RenderResult, what)

    render = twin(_render)

    def _create(
        self,
        *,
        outer_purchase_id: str,
        purchase_amount: int,
        order_lines: Iterable[OrderLine | Mapping[str, Any]],
        receiver: Address | Mapping[str, Any],
        seller_order_number: str | None = None,
        order_source: str | None = None,
        warehouse_address: Address | Mapping[str, Any] | None = None,
        channel_order_type: ChannelOrderType | None = None,
        support_partial_success: bool | None = None,
        order_remark: str | None = None,
    ) -> Flow[CreateOrderResult]:
        """Place an order (this spends money). `outer_purchase_id` is your id for it: the idempotency key.

        Never sent twice blindly: when the outcome is unknown (timeout, dropped connection, HTTP 5xx, an
        answer that cannot be read) the wrapper first queries the order by `outer_purchase_id` and returns
        the existing order (built from the query); only when the query proves it does not exist is the order
        sent again (within `max_retries`), and a resend refused as "already exists" is queried again and
        returns the existing order. `purchase_amount` is in fen; `order_lines` are `OrderLine`s or dicts with
        the wire keys (`itemId`, `skuId`, `orderLineNo`, `quantity`, `price`…), JSON-encoded into
        `order_line_list`. Raises `ValidationError` before sending; the `APIError` subclasses (e.g.
        `InvalidRequestError` when a first send is refused as a duplicate id); `OrderOutcomeUnknown` (with
        `.outer_purchase_id`) when whether the order was placed could not be learnt — reconcile, do not
        place it again; the last error (`ServerError`, `ResponseError`, …) when the query proved no order.
        """
        outer_id = non_empty_str("outer_purchase_id", outer_purchase_id)
        body = CreateOrderRequest(
            outer_purchase_id=outer_id,
            purchase_amount=int_in_range("purchase_amount", purchase_amount, 0, a.MAX_ID),
            order_line_list=a.json_list(a.order_lines("order_lines", order_lines)),
            receiver=a.address("receiver", receiver),
            seller_order_number=seller_order_number,
            order_source=order_source,
            warehouse_address_info=a.optional_address("warehouse_address", warehouse_address),
            channel_order_type=a.enum("channel_order_type", channel_order_type, CHANNEL_ORDER_TYPE_VALUES),
            support_partial_success=support_partial_success,
            order_remark=order_remark,
        )
        return (yield from _create(self._core, body))

    create = twin(_create)

    def _cancel(
        self,
        purchase_id: int | str,
        *,
        cancel_reason: str,
        cancel_remark: str | None = None,
        sub_purchase_order_ids: Iterable[int | str] | None = None,
    ) -> Flow[CancelOrderResponse]:
        """Ask to cancel an order, or only some of its sub-orders. Asynchronous: the answer (`success`)
        means the request was accepted; poll `orders.query` for `TRADE_CLOSED`. Ids are ints or digit
        strings and are sent as strings, like the cancel page's published example.

        Idempotent by `purchase_id` (cancelling a cancelled order asks for what is already asked), so it is
        retried like a read after HTTP 429/5xx, timeouts and dropped connections. Raises `ValidationError`
        before sending, else the `APIError` subclasses, `APIConnectionError`, `ResponseError`.
        """
        what = "orders.cancel"
        body = CancelOrderRequest(
            purchase_id=str(a.int_id("purchase_id", purchase_id)),  # string ids, as the cancel page publishes
            cancel_reason=non_empty_str("cancel_reason", cancel_reason),
            cancel_remark=cancel_remark,
            sub_purchase_order_id_list=a.id_texts("sub_purchase_order_ids", sub_purchase_order_ids),
        )
        response = yield from request(self._core, cancel_order, {"body": body}, what=what)
        return parsed_as(response, CancelOrderResponse, what)

    cancel = twin(_cancel)

    def _query(
        self,
        *,
        purchase_ids: Iterable[int | str] | None = None,
        outer_purchase_id: str | None = None,
        status: OrderStatus | None = None,
        sort_type: SortType | None = None,
        sort_field: str | None = None,
        page_no: int = 1,
        page_size: int = 20,
        modify_time_start: Any = None,
        modify_time_end: Any = None,
    ) -> Flow[Page[PurchaseOrder]]:
        """One page of purchase orders: `.items`, `.page_no`, `.page_size`, `.total`.

        Filter by `purchase_ids` (ints or digit strings, sent as one JSON array text like the upstream
        SDKs), `outer_purchase_id`, `status` (BULIDING [sic], WAIT_BUYER_P, WAIT_SELLER_SEND_GOODS,
        WAIT_BUYER_CONFIRM_GOODS, TRADE_CLOSED) and modification time (epoch ms or aware datetimes).
        `page_size` is at least 1 (no maximum is published). Raises `ValidationError` before sending, else the errors
        of `items.get`.
        """
        what = "orders.query"
        number, size = a.page_args(page_no, page_size, None)
        kwargs = {
            "purchase_ids": a.json_ids("purchase_ids", purchase_ids),
            "outer_purchase_id": None
            if outer_purchase_id is None
            else non_empty_str("outer_purchase_id", outer_purchase_id),
            "status": a.enum("status", status, ORDER_STATUS_VALUES),
            "sort_type": a.enum("sort_type", sort_type, SORT_TYPE_VALUES),
            "sort_field": None if sort_field is None else non_empty_str("sort_field", sort_field),
            "page_no": number,
            "page_size": size,
            "modify_time_start": a.epoch_millis("modify_time_start", modify_time_start),
            "modify_time_end": a.epoch_millis("modify_time_end", modify_time_end),
        }
        response = yield from request(self._core, query_orders, kwargs, what=what)
        page = unwrap_data(response, PurchaseOrderPage, what)
        return Page(
            items=[] if page.purchase_orders is None else page.purchase_orders,
            page_no=page.page_no if isinstance(page.page_no, int) else number,
            page_size=_served_size(size, page.page_size),
            total=page.results_total if isinstance(page.results_total, int) else None,
            raw=page,
        )

    query = twin(_query)

    def _iter_query(
        self,
        *,
        purchase_ids: Iterable[int | str] | None = None,
        outer_purchase_id: str | None = None,
        status: OrderStatus | None = None,
        sort_type: SortType | None = None,
        sort_field: str | None = None,
        page_no: int = 1,
        page_size: int = 20,
        modify_time_start: Any = None,
        modify_time_end: Any = None,
        max_items: int | None = None,
    ) -> ItemFlow[PurchaseOrder]:
        """Every matching order, page after page, at most `max_items`. Stops after a short or empty page
        or at the total, never asking past the end. Raises like `orders.query`."""
        limit = max_items_arg(max_items)
        arguments = forwarded(locals(), "self", "max_items", "limit")

        def fetch(number: int) -> Flow[tuple[list[PurchaseOrder], int | None, int | None]]:
            page = yield from self._query(**{**arguments, "page_no": number})
            return page.items, page.page_size, page.total

        first, size = a.page_args(page_no, page_size, None)
        return paginate(fetch, page_no=first, page_size=size, max_items=limit)

    iter_query = iterator(_iter_query)


# ---------------------------------------------------------------- orders.create: never twice by accident


def _outcome_unknown(error: TbapiError) -> bool:
    """Did the create perhaps reach the service? (A connection that never opened did not; an answer that
    could not be read — truncated, not JSON, the wrong shape — came after the service acted.)"""
    if isinstance(error, APIConnectionError):
        return error.request_sent
    return isinstance(error, ServerError | ResponseError)


def _create(core: Core, body: CreateOrderRequest) -> Flow[CreateOrderResult]:
    """One create through the one retry loop, with `_CreateOutcome.recover` as its recover hook: a refused
    token is refreshed and replayed (it was not placed), an unknown outcome is queried before anything else."""
    what = "orders.create"
    outcome = _CreateOutcome(core, body.outer_purchase_id)

    def attempt() -> Flow[CreateOrderResult]:
        response = yield from authorized(core, lambda: send(core.api, create_order, {"body": body}, what))
        return unwrap_data(response, CreateOrderResult, what)

    policy = core.options.retry_policy
    return (yield from retrying(attempt, policy, idempotent=False, what=what, recover=outcome.recover))


@attrs.define
class _CreateOutcome:
    """What the attempts of one create have learnt: `maybe_placed` once an attempt's outcome was unknown."""

    core: Core
    outer_purchase_id: str
    maybe_placed: bool = False

    def recover(self, error: TbapiError) -> Flow[Recovered[CreateOrderResult] | bool]:
        """After a failed create: the existing order (`Recovered`), or whether sending again is safe.

        Raises `OrderOutcomeUnknown` when whether the order exists cannot be learnt.
        """
        outer_id = self.outer_purchase_id
        if self.maybe_placed and is_duplicate_order(error):
            # An earlier attempt placed it after all, and the query that followed it lagged behind.
            logger.info("orders.create: the resend of %s was refused as a duplicate; querying it again", outer_id)
            existing = yield from _find_created(self.core, outer_id, error)
            if existing is None:
                raise OrderOutcomeUnknown(outer_id, error, "the service says it exists, but no query finds it yet")
            return Recovered(existing)
        if not _outcome_unknown(error):
            return False  # it provably failed: retried only when the policy allows a non-idempotent call
        self.maybe_placed = True
        logger.warning(
            "orders.create outcome unknown for outer_purchase_id=%s (%s); querying it before anything else",
            outer_id,
            type(error).__name__,
        )
        existing = yield from _find_created(self.core, outer_id, error)
        if existing is not None:
            logger.info("orders.create: the order %s exists; not sending it again", outer_id)
            return Recovered(existing)
        return True  # proven absent: sending again cannot make a second order


def _find_created(core: Core, outer_purchase_id: str, cause: TbapiError) -> Flow[CreateOrderResult | None]:
    """The order placed under `outer_purchase_id` as a create result, None when it provably does not exist.

    Raises `OrderOutcomeUnknown` (wrapping `cause`) when the query fails or cannot prove anything.
    """
    try:
        orders = Orders(core, Sync)  # only its flow is used: the mode does not matter
        page = yield from orders._query(outer_purchase_id=outer_purchase_id, page_size=QUERY_PAGE_SIZE_FOR_LOOKUP)
    except TbapiError as query_error:
        logger.warning("orders.create: the query for %s failed too (%s)", outer_purchase_id, query_error)
        raise OrderOutcomeUnknown(outer_purchase_id, cause, "the query by outer_purchase_id failed too") from cause
    unknown = [o for o in page.items if o.outer_purchase_id is None]
    mine = [o for o in page.items if o.outer_purchase_id == outer_purchase_id]
    if mine:
        return created_result_from(outer_purchase_id, mine)
    if unknown:
        logger.warning("orders.create: the query answer does not say which order is %s", outer_purchase_id)
        raise OrderOutcomeUnknown(outer_purchase_id, cause, "the query answer does not say which order is which")
    return None


def created_result_from(outer_purchase_id: str, orders: list[PurchaseOrder]) -> CreateOrderResult:
    """The create result for orders found by `orders.query` (no `payment_url`: the query does not give it)."""
    return CreateOrderResult(
        outer_purchase_id=outer_purchase_id,
        order_list=[
            CreatedOrder(
                purchase_id=order.purchase_id,
                estimate_amount=order.purchase_amount,
                order_line_list=[
                    CreatedOrderLine(
                        item_id=sub.item_id,
                        sku_id=sub.sku_id,
                        quantity=sub.quantity,
                        sub_purchase_order_id=sub.sub_purchase_order_id,
                    )
                    for sub in (order.sub_purchase_orders or [])
                ],
            )
            for order in orders
        ],
    )


# ----------------------------------------------------------------------------- the resources of a client


class Shanjing(Moded[M]):
    """The Shanjing resources, declared once for both clients (`Sync` / `Async`) and their `with_raw_response`
    (`RawSync` / `RawAsync`): each made on first use from the owner's `_core`, in the owner's mode."""

    _core: Core
    auth: resource[Auth[M]] = resource(Auth)
    items: resource[Items[M]] = resource(Items)
    images: resource[Images[M]] = resource(Images)
    products: resource[Products[M]] = resource(Products)
    orders: resource[Orders[M]] = resource(Orders)


class RawResponses(Shanjing[M], _Resource[M]):
    """`client.with_raw_response`: each resource method returning the `tbapi.RawResponse` of its answer
    (awaitable on the async client); the iterators have no raw twin."""
