"""The one pagination of tbapi, for both APIs: an item flow that walks pages of any page flow.

`paginate(fetch, …)` asks `fetch(n)` for page n (a flow: the resource's own page call, with its retries)
and emits the items one by one; `sync_iterator` / `async_iterator` (`_twins.py`) turn it into the
`iter_*` methods of the clients (`items.iter_search`, `orders.iter_query`, TOP `products.iter_search`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ._flow import Flow
from ._twins import Emit, ItemFlow
from ._validation import int_in_range

T = TypeVar("T")
# What one page tells: its items, the page size the service used (None: not said), the total (None: not said).
PageInfo = tuple[list[T], int | None, int | None]


def max_items_arg(max_items: object) -> int | None:
    return None if max_items is None else int_in_range("max_items", max_items, 0)


def paginate(
    fetch: Callable[[int], Flow[PageInfo[T]]],
    *,
    page_no: int,
    page_size: int,
    max_items: int | None,
    max_page_no: int | None = None,
) -> ItemFlow[T]:
    """Walk pages from `page_no`: `fetch(n)` gives (items, the page size the service used, total or None).

    Stops after a short or empty page, when a known total is reached, after `max_items` items, or after
    page `max_page_no` — and never asks for a page past any of these ends.
    """
    emitted = 0
    if max_items is not None and max_items <= 0:
        return
    while True:
        items, served_size, total = yield from fetch(page_no)
        for item in items:
            yield Emit(item)
            emitted += 1
            if max_items is not None and emitted >= max_items:
                return
        size = served_size if served_size and served_size > 0 else page_size
        if len(items) < size or (total is not None and page_no * size >= total):
            return
        if max_page_no is not None and page_no >= max_page_no:
            return
        page_no += 1
