"""What every Shanjing resource shares: the page type, the base class, page sizes."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import attrs

from ..._base_client import Resource
from ..._engine.twins import M
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
