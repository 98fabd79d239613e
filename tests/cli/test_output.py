"""How the `tbapi` command shows results: JSON-able data, table cells, the progress bar."""

from __future__ import annotations

import io

from rich.console import Console

from tbapi.cli._output import cell, jsonable, record_table, with_progress
from tbapi.shanjing import Page, TokenRecord
from tbapi.types import SearchItem


def test_models_become_their_wire_dicts() -> None:
    assert jsonable([SearchItem(tb_item_id=1, title="T恤")]) == [{"tbItemId": 1, "title": "T恤"}]


def test_a_page_becomes_its_items_and_position() -> None:
    page = Page(items=[SearchItem(tb_item_id=1)], page_no=2, page_size=20, total=None, raw=None)
    assert jsonable(page) == {"items": [{"tbItemId": 1}], "page_no": 2, "page_size": 20, "total": None}


def test_a_token_record_never_shows_its_tokens() -> None:
    shown = jsonable(TokenRecord(access_token="tok-123456", refresh_token="ref-123456", expires_at=5.0))
    assert (shown["access_token"], shown["refresh_token"]) == ("[redacted]", "[redacted]")


def test_token_expiry_is_shown_as_a_date() -> None:
    shown = jsonable(TokenRecord(access_token="tok-123456", expires_at=1798707285.21))
    assert (shown["expires_at"], shown["refresh_expires_at"]) == ("2026-12-31T08:54:45+00:00", None)


def test_square_brackets_in_a_table_cell_are_shown_as_data() -> None:
    screen = io.StringIO()
    Console(file=screen, width=100).print(record_table({"title": "[新款] T恤", "token": "[redacted]"}, None))
    assert "[新款] T恤" in screen.getvalue()
    assert "[redacted]" in screen.getvalue()


def test_structured_cells_are_compact_json_cut_short() -> None:
    assert (cell({"a": [1, 2]}), len(cell("x" * 500)), cell(None)) == ('{"a":[1,2]}', 80, "")


def test_the_progress_bar_is_drawn_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    assert list(with_progress(iter(range(3)), label="products", total=3, console=console)) == [0, 1, 2]
    assert "products" in screen.getvalue()


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    screen = io.StringIO()
    list(with_progress(iter(range(3)), label="products", total=None, console=Console(file=screen)))
    assert screen.getvalue() == ""
