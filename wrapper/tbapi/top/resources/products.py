"""`top.products`: `taobao.products.search`, the standard product (SPU) library, one page or every page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Unpack

from tbapi._generated.taobao_top_client.api.products import products_search
from tbapi._generated.taobao_top_client.models import (
    Product,
    ProductsSearchRequest,
    ProductsSearchResponseEnvelope,
)

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.pages import PageInfo, walks
from ..._engine.twins import ItemFlow, M, iterator, twin
from ..._support.validation import int_in_range, non_empty_str
from .. import _params as params
from .._calls import Operation, operation_flow
from .._params import CommaList
from .._types import ProductsSearchResult
from .base import DEFAULT_ITER_PAGE_SIZE, TopResource, with_api_errors

PRODUCTS_SEARCH = Operation("taobao.products.search", products_search, ProductsSearchResponseEnvelope)


def _page_info(page: ProductsSearchResult) -> PageInfo[Product]:
    """What a page tells the walk of its pages: its products and the total (the page size is the one asked for)."""
    return page.products, None, page.total_results


def _walk_start(page_no: object, page_size: object) -> tuple[int, int]:
    """The checked page size and first page of `iter_search` (the size is checked first)."""
    size = int_in_range("page_size", page_size, 1, params.MAX_PAGE_SIZE)
    return int_in_range("page_no", page_no, 1), size


class Products(TopResource[M]):
    """`top.products`: `taobao.products.search`, the standard product (SPU) library."""

    @with_api_errors
    def _search(
        self,
        *,
        fields: CommaList,
        q: str | None = None,
        cid: int | str | None = None,
        props: str | Mapping[int, int] | None = None,
        status: int | str | Iterable[int | str] | None = None,
        page_no: int | str | None = None,
        page_size: int | str | None = None,
        vertical_market: int | str | None = None,
        customer_props: str | None = None,
        suite_items_str: str | None = None,
        barcode_str: str | Iterable[str] | None = None,
        market_id: int | str | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[ProductsSearchResult]:
        """Search the standard product library (`taobao.products.search`) — one page.

        Args:
            fields: product fields to return (list or comma string, 1-20), from
                `product_id, name, pic_url, pic_path, cid, props, price, tsc, status, barcode_str` and the suite
                fields `suite_items_str, is_suite_effective` (`is_suite_effecitve`, the doc's spelling, too).
            q / cid / props: at least one is required — a title keyword, a category id, and/or key
                properties (`"pid:vid;pid:vid"` or `{pid: vid}`).
            status: statuses to return, at most 5, from 0 (merchant-confirmed) and 3 (staff-confirmed), the
                two that take effect; 1, 2 and -1 are sent too (the doc calls them ineffective).
            page_no / page_size: 1-based page (service default 1), 1-100 per page (service default 40).
            vertical_market: 3 (3C), 4 (shoes) or 8 (online games).
            customer_props, suite_items_str: as documented by TOP.
            barcode_str: barcodes (list or comma string); none all zeros or starting with `*`.
            market_id: 1 (C2C, default) or 2 (B2C).

        Returns:
            `ProductsSearchResult` with `.total_results` and `.products` (a plain list, `[]` when none).
        """
        params.at_least_one_of({"q": q, "cid": cid, "props": props})
        body = ProductsSearchRequest(
            fields=params.comma_list("fields", fields, allowed=params.PRODUCT_FIELDS, max_items=params.MAX_FIELDS),
            q=params.optional(q, non_empty_str, "q"),
            cid=params.optional(cid, params.positive_id, "cid"),
            props=params.optional(props, params.pid_vid_pairs, "props"),
            status=params.optional(status, params.statuses),
            page_no=params.optional(page_no, int_in_range, "page_no", low=1),
            page_size=params.optional(page_size, int_in_range, "page_size", low=1, high=params.MAX_PAGE_SIZE),
            vertical_market=params.optional(vertical_market, params.vertical_market_value),
            customer_props=params.optional(customer_props, non_empty_str, "customer_props"),
            suite_items_str=params.optional(suite_items_str, non_empty_str, "suite_items_str"),
            barcode_str=params.optional(barcode_str, params.barcodes),
            market_id=params.optional(market_id, params.market_id_value),
        )
        response = yield from operation_flow(self._core, PRODUCTS_SEARCH, body)
        return ProductsSearchResult.from_response(response)

    search = twin(_search)

    @walks(_search, read=_page_info, checked=_walk_start)
    def _iter_search(  # type: ignore[empty-body]  # its body: `walks`
        self,
        *,
        fields: CommaList,
        q: str | None = None,
        cid: int | str | None = None,
        props: str | Mapping[int, int] | None = None,
        status: int | str | Iterable[int | str] | None = None,
        page_no: int | str = 1,
        page_size: int | str = DEFAULT_ITER_PAGE_SIZE,
        vertical_market: int | str | None = None,
        customer_props: str | None = None,
        suite_items_str: str | None = None,
        barcode_str: str | Iterable[str] | None = None,
        market_id: int | str | None = None,
        max_items: int | None = None,
        **per_call: Unpack[PerCall],
    ) -> ItemFlow[Product]:
        """Iterate over the products of a search across pages (`taobao.products.search`).

        Takes the arguments of `search`; `page_no` is where to start (default 1) and `page_size` the page
        size (default 100, the maximum). Stops at an empty or short page, after `total_results`, or after
        `max_items` products. Arguments are checked at once, before the first page is asked for.

        Raises:
            tbapi.ValidationError: at once, for a bad argument; the errors of `search` while iterating.
        """

    iter_search = iterator(_iter_search)
