"""What a price watcher compares (`--changed-since`, fleet watch lists): an item's fingerprint and its change
lines against the last state seen."""

from __future__ import annotations

from typing import Any

from tbapi.shanjing._changes import change_line, fingerprint

ITEM: dict[str, Any] = {"tbItemId": 1, "title": "T-shirt", "price": 3990, "couponPrice": 3290, "shopName": "x"}


def item_line(**fields: Any) -> dict[str, Any]:
    return {"item_id": 1, "item": ITEM | fields}


def error_line(kind: str) -> dict[str, Any]:
    return {"item_id": 1, "error": {"type": kind, "message": "…", "code": None}}


def test_a_fingerprint_keeps_the_watched_fields_only() -> None:
    assert fingerprint(ITEM) == {"title": "T-shirt", "price": 3990, "couponPrice": 3290}


def test_inventory_is_the_sum_of_the_skus_quantities_when_the_item_has_none() -> None:
    skus = [{"skuId": 1, "quantity": 3}, {"skuId": 2, "quantity": 4}, {"skuId": 3}]
    assert fingerprint(ITEM | {"skuList": skus})["inventory"] == 7


def test_a_product_records_quantity_is_its_inventory() -> None:
    assert fingerprint({"itemId": 1, "quantity": 12, "status": "ONLINE"}) == {"inventory": 12, "status": "ONLINE"}


def test_a_field_outside_the_watch_list_is_no_change() -> None:
    assert change_line(fingerprint(ITEM), item_line(shopName="y")) is None


def test_a_timeout_says_nothing_about_the_item_so_is_no_change() -> None:
    assert change_line(fingerprint(ITEM), error_line("APITimeoutError")) is None


def test_an_id_the_service_refuses_has_vanished() -> None:
    change = change_line(fingerprint(ITEM), error_line("InvalidRequestError"))
    assert (change and change["change"], change and change["new"]) == ("vanished", None)


def test_an_id_never_seen_that_is_refused_is_no_change() -> None:
    assert change_line(None, error_line("InvalidRequestError")) is None
