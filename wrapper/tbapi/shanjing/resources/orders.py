"""`client.orders`: render, create, cancel and query purchase orders."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Unpack

from tbapi._generated.shanjing_client.api.orders import cancel_order, query_orders, render_order
from tbapi._generated.shanjing_client.models.address import Address
from tbapi._generated.shanjing_client.models.cancel_order_request import CancelOrderRequest
from tbapi._generated.shanjing_client.models.cancel_order_response import CancelOrderResponse
from tbapi._generated.shanjing_client.models.channel_order_type import CHANNEL_ORDER_TYPE_VALUES, ChannelOrderType
from tbapi._generated.shanjing_client.models.create_order_request import CreateOrderRequest
from tbapi._generated.shanjing_client.models.create_order_result import CreateOrderResult
from tbapi._generated.shanjing_client.models.order_line import OrderLine
from tbapi._generated.shanjing_client.models.order_status import ORDER_STATUS_VALUES, OrderStatus
from tbapi._generated.shanjing_client.models.purchase_order import PurchaseOrder
from tbapi._generated.shanjing_client.models.purchase_order_page import PurchaseOrderPage
from tbapi._generated.shanjing_client.models.render_item import RenderItem
from tbapi._generated.shanjing_client.models.render_order_request import RenderOrderRequest
from tbapi._generated.shanjing_client.models.render_result import RenderResult
from tbapi._generated.shanjing_client.models.sort_type import SORT_TYPE_VALUES, SortType

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.pages import walks
from ..._engine.twins import ItemFlow, M, iterator, twin
from ..._support.validation import MAX_ID, int_id, int_in_range, non_empty_str
from .. import _args as checks
from .._core import request
from .._envelope import parsed_as, unwrap_data
from .base import Page, ShanjingResource, page_info, pages_up_to, served_page
from .order_recovery import create_once

QUERY_PAGE_SIZE_FOR_LOOKUP = 50
"""The page asked for when finding an order by its outer_purchase_id (no maximum is published)."""


class Orders(ShanjingResource[M]):
    """`client.orders`: render, create, cancel and query purchase orders."""

    def _render(
        self,
        *,
        items: Iterable[RenderItem | Mapping[str, Any]],
        receiver_address: Address | Mapping[str, Any],
        warehouse_address: Address | Mapping[str, Any] | None = None,
        need_supplychain_service: bool = False,
        tax_id: str | None = None,
        **per_call: Unpack[PerCall],
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
            render_item_list=checks.json_list(checks.render_items("items", items)),
            receiver_address=checks.address("receiver_address", receiver_address),
            warehouse_address=checks.optional_address("warehouse_address", warehouse_address),
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
        **per_call: Unpack[PerCall],
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
            purchase_amount=int_in_range("purchase_amount", purchase_amount, 0, MAX_ID),
            order_line_list=checks.json_list(checks.order_lines("order_lines", order_lines)),
            receiver=checks.address("receiver", receiver),
            seller_order_number=seller_order_number,
            order_source=order_source,
            warehouse_address_info=checks.optional_address("warehouse_address", warehouse_address),
            channel_order_type=checks.enum("channel_order_type", channel_order_type, CHANNEL_ORDER_TYPE_VALUES),
            support_partial_success=support_partial_success,
            order_remark=order_remark,
        )
        return (yield from create_once(self._core, body, self._orders_placed_as))

    create = twin(_create)

    def _cancel(
        self,
        purchase_id: int | str,
        *,
        cancel_reason: str,
        cancel_remark: str | None = None,
        sub_purchase_order_ids: Iterable[int | str] | None = None,
        **per_call: Unpack[PerCall],
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
            purchase_id=str(int_id("purchase_id", purchase_id)),  # string ids, as the cancel page publishes
            cancel_reason=non_empty_str("cancel_reason", cancel_reason),
            cancel_remark=cancel_remark,
            sub_purchase_order_id_list=checks.id_texts("sub_purchase_order_ids", sub_purchase_order_ids),
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
        modify_time_start: int | datetime | None = None,
        modify_time_end: int | datetime | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[Page[PurchaseOrder]]:
        """One page of purchase orders: `.items`, `.page_no`, `.page_size`, `.total`.

        Filter by `purchase_ids` (ints or digit strings, sent as one JSON array text like the upstream
        SDKs), `outer_purchase_id`, `status` (BULIDING [sic], WAIT_BUYER_P, WAIT_SELLER_SEND_GOODS,
        WAIT_BUYER_CONFIRM_GOODS, TRADE_CLOSED) and modification time (epoch ms or aware datetimes).
        `page_size` is at least 1 (no maximum is published). Raises `ValidationError` before sending, else the errors
        of `items.get`.
        """
        what = "orders.query"
        number, size = checks.page_args(page_no, page_size, None)
        kwargs = {
            "purchase_ids": checks.json_ids("purchase_ids", purchase_ids),
            "outer_purchase_id": None
            if outer_purchase_id is None
            else non_empty_str("outer_purchase_id", outer_purchase_id),
            "status": checks.enum("status", status, ORDER_STATUS_VALUES),
            "sort_type": checks.enum("sort_type", sort_type, SORT_TYPE_VALUES),
            "sort_field": None if sort_field is None else non_empty_str("sort_field", sort_field),
            "page_no": number,
            "page_size": size,
            "modify_time_start": checks.epoch_millis("modify_time_start", modify_time_start),
            "modify_time_end": checks.epoch_millis("modify_time_end", modify_time_end),
        }
        response = yield from request(self._core, query_orders, kwargs, what=what)
        page = unwrap_data(response, PurchaseOrderPage, what)
        return served_page(page, page.purchase_orders, page.results_total, asked=(number, size))

    query = twin(_query)

    @walks(_query, read=page_info, checked=pages_up_to(None))
    def _iter_query(  # type: ignore[empty-body]  # its body: `walks`
        self,
        *,
        purchase_ids: Iterable[int | str] | None = None,
        outer_purchase_id: str | None = None,
        status: OrderStatus | None = None,
        sort_type: SortType | None = None,
        sort_field: str | None = None,
        page_no: int = 1,
        page_size: int = 20,
        modify_time_start: int | datetime | None = None,
        modify_time_end: int | datetime | None = None,
        max_items: int | None = None,
        **per_call: Unpack[PerCall],
    ) -> ItemFlow[PurchaseOrder]:
        """Every matching order, page after page, at most `max_items`. Stops after a short or empty page
        or at the total, never asking past the end. Raises like `orders.query`."""

    iter_query = iterator(_iter_query)

    def _orders_placed_as(self, outer_purchase_id: str) -> Flow[Page[PurchaseOrder]]:
        return self._query(outer_purchase_id=outer_purchase_id, page_size=QUERY_PAGE_SIZE_FOR_LOOKUP)
