"""What every Shanjing resource shares: the page type and walking pages, the base class, page sizes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from ..._base_client import Resource
from ..._engine.flow import Flow
from ..._engine.pages import max_items_arg, paginate
from ..._engine.twins import ItemFlow, M
from .. import _args as checks
from .._core import Core

T = TypeVar("T")
SEARCH_MAX_PAGE_SIZE = 20


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


class ShanjingResource(Resource[Core, M]):
    pass


def served_size(asked: int, served: object) -> int:
    """The page size a page was served with: what the answer says, when it is a size, but never above `asked`."""
    return min(asked, served) if isinstance(served, int) and served > 0 else asked


def every_item(
    page: Callable[[int], Flow[Page[T]]],
    *,
    page_no: object,
    page_size: object,
    max_page_size: int | None,
    max_items: object,
) -> ItemFlow[T]:
    """The items of page after page of a page call: `page(n)` is its flow for page n (`paginate`), the page's
    other arguments bound. `max_items`, `page_no` and `page_size` (at most `max_page_size`) are checked at once."""
    limit = max_items_arg(max_items)
    first, size = checks.page_args(page_no, page_size, max_page_size)

    def fetch(number: int) -> Flow[tuple[list[T], int | None, int | None]]:
        got = yield from page(number)
        return got.items, got.page_size, got.total

    return paginate(fetch, page_no=first, page_size=size, max_items=limit)
