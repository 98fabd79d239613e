"""The one pagination of tbapi, for both APIs: an item flow that walks pages of any page flow.

`paginate(fetch, …)` asks `fetch(n)` for page n (a flow: the resource's own page call, with its retries)
and emits the items one by one. `walks(_search, …)` gives an `iter_*` flow its body: the walk of its page
method's pages, with the arguments it was given; `iterator` (`_engine/twins.py`) turns it into the `iter_*`
methods of the clients (`items.iter_search`, `orders.iter_query`, TOP `products.iter_search`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from .._exceptions import ResponseError
from .._support.validation import int_in_range
from .flow import Flow, advance, resumed
from .twins import Emit, ItemFlow

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")
# What one page tells: its items, the page size the service used (None: not said), the total (None: not said).
PageInfo = tuple[list[T], int | None, int | None]


def max_items_arg(max_items: object) -> int | None:
    return None if max_items is None else int_in_range("max_items", max_items, 0)


def walks(
    page: Callable[..., Flow[R]],
    *,
    read: Callable[[R], PageInfo[T]],
    checked: Callable[[object, object], tuple[int, int]],
) -> Callable[[Callable[Concatenate[Any, P], ItemFlow[T]]], Callable[Concatenate[Any, P], ItemFlow[T]]]:
    """`@walks(_search, …)` on `def _iter_search(self, <the parameters of _search>, max_items=None, **per_call)`:
    that declaration is the iterator's parameter list (for type checkers and `help()`: a `ParamSpec` cannot
    gain `max_items`), this its body. It walks the pages of the page method `page` with the arguments it was
    given, from `page_no` on, `page_size` a page (both keyword-only there), at most `max_items` items.
    `read(page)` tells what a page holds (`PageInfo`); `checked(page_no, page_size)` checks where the walk
    starts and its page size. The arguments are bound as Python binds them (its errors), and checked before
    any page is asked for."""

    def walking(declared: Callable[Concatenate[Any, P], ItemFlow[T]]) -> Callable[Concatenate[Any, P], ItemFlow[T]]:
        signature = inspect.signature(declared)

        @functools.wraps(declared)
        def walk(*args: Any, **kwargs: Any) -> ItemFlow[T]:
            declared(*args, **kwargs)  # only binds them: a wrong call fails as Python says
            given = signature.bind(*args, **kwargs)
            given.apply_defaults()
            limit = max_items_arg(given.arguments.pop("max_items"))
            first, size = checked(given.arguments["page_no"], given.arguments["page_size"])
            positional, keywords = given.args, given.kwargs

            def fetch(number: int) -> Flow[PageInfo[T]]:
                return read((yield from page(*positional, **{**keywords, "page_no": number, "page_size": size})))

            return paginate(fetch, page_no=first, page_size=size, max_items=limit)

        return walk

    return walking


def paginate(
    fetch: Callable[[int], Flow[PageInfo[T]]],
    *,
    page_no: int,
    page_size: int,
    max_items: int | None,
) -> ItemFlow[T]:
    """Walk pages from `page_no`: `fetch(n)` gives (items, the page size the service used, total or None).

    Stops after a short or empty page, when a known total is reached, or after `max_items` items — and
    never asks for a page past any of these ends. A page the server already sent (`PagesSeen`) raises
    `ResponseError` before any of its items is emitted again. The first page's flow runs at
    once up to its request, so its arguments are checked when the iterator is made, before any is sent.
    """
    first = fetch(page_no)
    started = advance(first, None, None)
    if max_items is not None and max_items <= 0:
        first.close()
        return _nothing()
    return _walk(fetch, resumed(first, started), page_no, page_size, max_items)


def _nothing() -> ItemFlow[Any]:
    return
    yield  # an item flow that emits nothing


def _walk(
    fetch: Callable[[int], Flow[PageInfo[T]]],
    first: Flow[PageInfo[T]],
    page_no: int,
    page_size: int,
    max_items: int | None,
) -> ItemFlow[T]:
    emitted = 0
    page = first
    seen = PagesSeen()
    while True:
        items, served_size, total = yield from page
        seen.check(page_no, items)
        for item in items:
            yield Emit(item)
            emitted += 1
            if max_items is not None and emitted >= max_items:
                return
        size = served_size if served_size and served_size > 0 else page_size
        if len(items) < size or (total is not None and page_no * size >= total):
            return
        page_no += 1
        page = fetch(page_no)


class PagesSeen:
    """Remembers each page by its length and its first and last items, to catch a server that sends a page
    again (it would otherwise be walked for ever): a page that matches an earlier one is a `ResponseError`.

    Two items a page keep the memory small and the check cheap on long walks; a page whose first and last
    items both match those of an earlier page of the same length is, in practice, that page again.
    """

    def __init__(self) -> None:
        self._pages: dict[tuple[int, str, str], int] = {}

    def check(self, page_no: int, items: list[Any]) -> None:
        if not items:
            return
        key = (len(items), repr(items[0]), repr(items[-1]))
        earlier = self._pages.setdefault(key, page_no)
        if earlier != page_no:
            raise ResponseError(
                f"the server answered page {page_no} with page {earlier} again; stopped instead of walking it for ever"
            )
