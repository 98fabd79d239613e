"""How results are shown: JSON with `--json`, else a table (rich) — and the progress bar of `--all`."""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .._exceptions import redacted_data
from .._logs import REDACTED, redact
from ._writing import STDOUT, writing

if TYPE_CHECKING:
    from ..shanjing import TokenRecord

T = TypeVar("T")
MAX_AUTO_COLUMNS = 8
CELL_LIMIT = 80
# Where a wire name (`tbItemId`, `promotionDisplayVOList`) starts a new word of its snake_case heading.
_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _is_a(value: object, module: str, name: str) -> bool:
    """`isinstance(value, module.name)` without importing `module`: a value of a type whose module was never
    imported cannot be there (a fleet command's output never imports the clients)."""
    imported = sys.modules.get(module)
    return imported is not None and isinstance(value, getattr(imported, name))


def jsonable(value: Any) -> Any:
    """A result as plain JSON data: generated models via `to_dict()`, pages and results unwrapped, tokens hidden."""
    if _is_a(value, "tbapi.shanjing.resources.base", "Page"):
        return {
            "items": jsonable(value.items),
            "page_no": value.page_no,
            "page_size": value.page_size,
            "total": value.total,
        }
    if _is_a(value, "tbapi.top._types", "ProductsSearchResult"):
        return {
            "total_results": value.total_results,
            "products": jsonable(value.products),
            "request_id": value.request_id,
        }
    if _is_a(value, "tbapi.shanjing._tokens", "TokenRecord"):
        return token_summary(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def token_summary(record: TokenRecord) -> dict[str, Any]:
    """What may be shown of a token record: never the tokens themselves."""
    return {
        "access_token": REDACTED,
        "refresh_token": None if record.refresh_token is None else REDACTED,
        "expires_at": moment(record.expires_at),
        "refresh_expires_at": moment(record.refresh_expires_at),
    }


def moment(epoch_seconds: float | None) -> str | None:
    """An instant as a readable ISO 8601 date and time in UTC (`2026-12-31T08:00:00+00:00`)."""
    if epoch_seconds is None:
        return None
    return datetime.fromtimestamp(epoch_seconds, UTC).isoformat(timespec="seconds")


class _StdoutConsole(Console):
    """A console on stdout whose closed pipe is the command's output error (rich's default exits with 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def stdout_console() -> Console:
    return _StdoutConsole(file=sys.stdout, soft_wrap=False, highlight=False)


def stderr_console() -> Console:
    return Console(file=sys.stderr, highlight=False)


def emit(
    value: Any,
    *,
    as_json: bool,
    columns: Sequence[str] = (),
    title: str | None = None,
    units: Mapping[str, str] | None = None,
) -> None:
    """Print a result: JSON (parseable, UTF-8, secrets redacted) or a readable table. `columns` are wire names;
    `units` maps a wire name to the unit its heading states (`price (fen)`)."""
    data = jsonable(value)
    with writing(STDOUT):
        if as_json:
            click.echo(redact(json.dumps(redacted_data(data), ensure_ascii=False, indent=2)))
        else:
            stdout_console().print(renderable(data, columns, title, units or {}))


def renderable(data: Any, columns: Sequence[str], title: str | None, units: Mapping[str, str]) -> Any:
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        caption = _page_caption(data)
        return rows_table(data["items"], columns, title, caption, units)
    if isinstance(data, dict) and isinstance(data.get("products"), list):
        caption = f"{data['total_results']} product(s) in all"
        return rows_table(data["products"], columns, title, caption, units)
    if isinstance(data, list):
        return rows_table(data, columns, title, f"{len(data)} result(s)", units)
    if isinstance(data, dict):
        return record_table(data, title, units)
    return redact(str(data))


def heading(name: str, units: Mapping[str, str]) -> str:
    """How a column or a record's field is headed: its snake_case name (`tbItemId` → `tb_item_id`, as the
    models name it in Python, whichever case the wire uses), and its unit where it has one."""
    shown = _WORD_START.sub("_", name).lower()
    return f"{shown} ({units[name]})" if name in units else shown


def _page_caption(page: dict[str, Any]) -> str:
    total = "" if page.get("total") is None else f", {page['total']} in all"
    return f"page {page['page_no']} ({page['page_size']} per page): {len(page['items'])} result(s){total}"


def cell(value: Any) -> str:
    """A value as short table text: scalars as they are, structures as compact JSON, cut at CELL_LIMIT."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = redact(text)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def _auto_columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in names and not isinstance(value, dict | list):
                names.append(key)
    return names[:MAX_AUTO_COLUMNS]


def rows_table(
    rows: Sequence[Any],
    columns: Sequence[str],
    title: str | None,
    caption: str | None,
    units: Mapping[str, str] | None = None,
) -> Table:
    dicts = [row if isinstance(row, dict) else {"value": row} for row in rows]
    names = [c for c in columns if any(c in row for row in dicts)] or _auto_columns(dicts) or ["value"]
    table = Table(title=title, caption=caption, show_lines=False)
    for name in names:
        table.add_column(heading(name, units or {}), overflow="fold")
    for row in dicts:
        table.add_row(*(Text(cell(row.get(name))) for name in names))  # Text: `[…]` in data is not markup
    return table


def record_table(record: dict[str, Any], title: str | None, units: Mapping[str, str] | None = None) -> Table:
    table = Table(title=title, show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for key, value in record.items():
        table.add_row(Text(heading(str(key), units or {})), Text(cell(value)))
    return table


def with_progress(items: Iterable[T], *, label: str, total: int | None, console: Console | None = None) -> Iterator[T]:
    """`items`, drawing a progress bar on stderr (when it is a terminal) as they arrive page after page."""
    console = console or stderr_console()
    columns = (
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn() if total is not None else TextColumn("{task.completed} item(s)"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            progress.advance(task)
            yield item
