"""One id's result as a JSON line: `{"item_id": …, "item": {…}}` or `{"item_id": …, "error": {…}}`.

The bulk commands write these lines to their output files and the fleet stores them under its runs, so a
fleet's `collect` file reads exactly like a bulk command's.
"""

from __future__ import annotations

from typing import Any, Protocol

from .._exceptions import TbapiError, redacted_data


class Result(Protocol):
    """What a bulk call yields per id (`tbapi.shanjing.BulkResult`)."""

    @property
    def item_id(self) -> int | str: ...
    @property
    def item(self) -> Any: ...
    @property
    def error(self) -> TbapiError | None: ...


def result_line(item_id: int, result: Result) -> dict[str, Any]:
    """The JSON line of one id: the item's wire dict, or the error's type, message and code."""
    if result.error is None:
        return {"item_id": item_id, "item": result.item.to_dict()}
    return error_line(item_id, result.error)


def error_line(item_id: int, error: BaseException) -> dict[str, Any]:
    """The JSON line of an id whose result is `error` (secrets redacted from its fields)."""
    message = error.message if isinstance(error, TbapiError) else str(error)
    fields = {"type": type(error).__name__, "message": message, "code": getattr(error, "code", None)}
    return {"item_id": item_id, "error": redacted_data(fields)}
