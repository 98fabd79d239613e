"""What every Shanjing resource shares: the page type and what its walk reads of it, the base class, page sizes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from ..._base_client import Resource
from ..._engine.pages import PageInfo
from ..._engine.twins import M
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


def served_page(raw: Any, items: list[T] | None, total: object, *, asked: tuple[int, int]) -> Page[T]:
    """The page the service sent: `raw`, a generated page model with its `page_no` and `page_size`. Where the
    answer says nothing usable, the page asked for (`asked`: its number and size) stands in, and the size is never
    above the one asked for."""
    number, size = asked
    served = raw.page_size
    return Page(
        items=[] if items is None else items,
        page_no=raw.page_no if isinstance(raw.page_no, int) else number,
        page_size=min(size, served) if isinstance(served, int) and served > 0 else size,
        total=total if isinstance(total, int) else None,
        raw=raw,
    )


def page_info(page: Page[T]) -> PageInfo[T]:
    """What a page tells the walk of its pages (`_engine/pages.py`): its items, its size and its total."""
    return page.items, page.page_size, page.total


def pages_up_to(max_page_size: int | None) -> Callable[[object, object], tuple[int, int]]:
    """The check of where a walk of pages starts and of its page size (at most `max_page_size`)."""
    return lambda page_no, page_size: checks.page_args(page_no, page_size, max_page_size)
