"""`client.items`: item detail (one or many), keyword search and its pages, image search."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Unpack

from tbapi._generated.shanjing_client.api.items import get_item, image_search, search_items
from tbapi._generated.shanjing_client.models.item_detail import ItemDetail
from tbapi._generated.shanjing_client.models.language import LANGUAGE_VALUES, Language
from tbapi._generated.shanjing_client.models.search_item import SearchItem
from tbapi._generated.shanjing_client.models.search_item_page import SearchItemPage
from tbapi._generated.shanjing_client.models.sort_order import SORT_ORDER_VALUES, SortOrder

from ..._engine.call_options import PerCall, PerCallFields
from ..._engine.flow import Flow
from ..._engine.pages import walks
from ..._engine.twins import ItemFlow, M, iterator, twin
from ..._exceptions import (
    ValidationError,
)
from ..._support.validation import int_id, non_empty_str
from .. import _args as checks
from .._bulk import Fetch, Many, many
from .._core import Core, request
from .._envelope import unwrap_data, unwrap_list
from .._images import ImageInput, image_base64
from .base import SEARCH_MAX_PAGE_SIZE, Page, ShanjingResource, page_info, pages_up_to, served_page
from .images import uploaded_image_id


@dataclasses.dataclass(frozen=True, kw_only=True)
class _ItemOptions:
    language: Language | None = None
    include_tags: Sequence[str] | str | None = None


# What `items.get_many` takes, in this order (a dataclass lists its bases' fields last base first).
@dataclasses.dataclass(frozen=True)
class _GetMany(PerCallFields, _ItemOptions, Many):
    pass


class Items(ShanjingResource[M]):
    """`client.items`: item detail, keyword search and image search."""

    def _get(
        self,
        item_id: int | str,
        *,
        language: Language | None = None,
        include_tags: Sequence[str] | str | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[ItemDetail]:
        """The detail of one Taobao/Tmall item (prices in fen), translated when `language` is given.

        Raises `ValidationError` for a bad `item_id` or `language` (en, vi, ru, ko, ja); `APIError`
        subclasses for service errors (`InvalidRequestError`, `AuthenticationError` after a failed
        refresh, `RateLimitError`, `ServerError`…); `APIConnectionError`; `ResponseError` for a bad body.
        """
        return (yield from _detail(self._core, int_id("item_id", item_id), _item_options(language, include_tags)))

    get = twin(_get)

    @many(_GetMany)
    def _get_many(self, given: _GetMany) -> Fetch[ItemDetail]:
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
        options = _item_options(given.language, given.include_tags)
        return lambda core, item_id: _detail(core, item_id, options)

    get_many = iterator(_get_many)

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
        **per_call: Unpack[PerCall],
    ) -> Flow[Page[SearchItem]]:
        """One page of a keyword search: `.items`, `.page_no`, `.page_size` (no total is given).

        `keyword` is optional (a shop's items are searched by `shop_id` alone); `page_size` is 1..20; `sort`
        one of PRICE_ASC, PRICE_DESC, SALE_QTY_ASC, SALE_QTY_DESC.
        Raises `ValidationError` before sending for bad arguments, else the errors of `items.get`.
        """
        what = "items.search"
        number, size = checks.page_args(page_no, page_size, SEARCH_MAX_PAGE_SIZE)
        kwargs = {
            "keyword": None if keyword is None else non_empty_str("keyword", keyword),
            "page_no": number,
            "page_size": size,
            "sort": checks.enum("sort", sort, SORT_ORDER_VALUES),
            "filters": checks.strings("filters", filters),
            "exclude_filters": checks.strings("exclude_filters", exclude_filters),
            **_item_options(language, include_tags),
            "shop_id": None if shop_id is None else int_id("shop_id", shop_id),
        }
        response = yield from request(self._core, search_items, kwargs, what=what)
        page = unwrap_data(response, SearchItemPage, what)
        return served_page(page, page.data, None, asked=(number, size))

    search = twin(_search)

    @walks(_search, read=page_info, checked=pages_up_to(SEARCH_MAX_PAGE_SIZE))
    def _iter_search(  # type: ignore[empty-body]  # its body: `walks`
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
        **per_call: Unpack[PerCall],
    ) -> ItemFlow[SearchItem]:
        """Every item of a keyword search, page after page from `page_no`, at most `max_items` of them.

        Stops after a short or empty page and never asks for a page past the end. Arguments are
        checked before the first request (`ValidationError`); each page raises like `items.search`.
        """

    iter_search = iterator(_iter_search)

    def _image_search(
        self,
        *,
        pic_url: str | None = None,
        image_id: str | None = None,
        image: ImageInput | None = None,
        filters: Sequence[str] | str | None = None,
        exclude_filters: Sequence[str] | str | None = None,
        include_tags: Sequence[str] | str | None = None,
        language: Language | None = None,
        **per_call: Unpack[PerCall],
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
            "pic_url": None if pic_url is None else checks.http_url("pic_url", pic_url),
            "image_id": None if image_id is None else non_empty_str("image_id", image_id),
            "filters": checks.strings("filters", filters),
            "exclude_filters": checks.strings("exclude_filters", exclude_filters),
            **_item_options(language, include_tags),
        }
        if image is not None:
            kwargs["image_id"] = yield from uploaded_image_id(self._core, image_base64(image))
        response = yield from request(self._core, image_search, kwargs, what=what)
        return unwrap_list(response, SearchItem, what)

    image_search = twin(_image_search)


def _detail(core: Core, item_id: int, options: dict[str, Any]) -> Flow[ItemDetail]:
    what = "items.get"
    kwargs = {"item_resource": "taobao", "item_id": item_id, **options}
    response = yield from request(core, get_item, kwargs, what=what)
    return unwrap_data(response, ItemDetail, what)


def _item_options(language: Language | None, include_tags: Sequence[str] | str | None) -> dict[str, Any]:
    return {
        "include_tags": checks.strings("include_tags", include_tags),
        "language": checks.enum("language", language, LANGUAGE_VALUES),
    }
