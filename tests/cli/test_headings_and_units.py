"""Tables head every column in one style (the models' snake_case names) and say the unit of each price."""

from __future__ import annotations

import pytest

from tbapi.cli._output import heading
from tests.cli.conftest import Run

WIDE = {"COLUMNS": "250"}  # rich reads the width here: no heading is wrapped


def headings(output: str) -> str:
    return " ".join(output.split())


@pytest.mark.parametrize(
    ("wire", "shown"),
    [
        ("tbItemId", "tb_item_id"),
        ("couponPrice", "coupon_price"),
        ("promotionDisplayVOList", "promotion_display_vo_list"),
        ("purchase_amount", "purchase_amount"),
        ("cid", "cid"),
    ],
)
def test_a_heading_is_the_snake_case_name_whatever_the_wire_case(wire: str, shown: str) -> None:
    assert heading(wire, {}) == shown


def test_search_prices_are_headed_in_yuan(run: Run) -> None:
    shown = headings(run("--offline", "shanjing", "search", "T恤", env=WIDE).stdout)
    assert "┃ tb_item_id ┃ title ┃ price (yuan) ┃ coupon_price (yuan) ┃ inventory ┃ shop_name ┃" in shown


def test_item_detail_prices_are_in_fen(run: Run) -> None:
    shown = headings(run("--offline", "shanjing", "item-get", "689542173310", env=WIDE).stdout)
    assert ("│ price (fen) │ 3990 │" in shown, "│ promotion_price (fen) │ 3590 │" in shown) == (True, True)


def test_a_product_record_prices_are_in_fen(run: Run) -> None:
    shown = headings(run("--offline", "shanjing", "product-get", "689542173310", env=WIDE).stdout)
    assert "│ price (fen) │" in shown


def test_order_amounts_are_headed_in_fen(run: Run) -> None:
    shown = headings(run("--offline", "shanjing", "order-query", env=WIDE).stdout)
    assert "┃ purchase_id ┃ outer_purchase_id ┃ status ┃ purchase_amount (fen) ┃" in shown


def test_top_product_prices_are_headed_in_yuan(run: Run) -> None:
    shown = headings(run("--offline", "top", "products-search", "--q", "优衣库", env=WIDE).stdout)
    assert "┃ product_id ┃ name ┃ price (yuan) ┃ cid ┃" in shown


def test_json_keeps_the_wire_names(run: Run) -> None:
    result = run("--offline", "--json", "shanjing", "search", "T恤")
    assert '"tbItemId"' in result.stdout
