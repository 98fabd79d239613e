"""What changed between two looks at an item: a small fingerprint of the watched fields, and change lines.

A fingerprint keeps what a price watcher acts on — price, promotion and coupon price, inventory, title and
status (availability) — and nothing else, so the state kept per item stays small. Comparing a fingerprint
with a new result line gives a change line:

    {"item_id": 1, "change": "changed", "old": {"price": 12900}, "new": {"price": 9900}, "item": {…}}
    {"item_id": 2, "change": "appeared", "old": null, "new": {…}, "item": {…}}
    {"item_id": 3, "change": "vanished", "old": {…}, "new": null, "error": {…}}

An item "vanishes" when the service answers that the id is not an item (an `InvalidRequestError` line); any
other error (a timeout, a server error) says nothing about the item, so it is no change and the last state
seen is kept. The bulk CLI's `--changed-since` and the fleet's watch lists both compare with these.
"""

from __future__ import annotations

from typing import Any, Final

# The watched fields, in the order a packed fingerprint lists them.
WATCHED: Final = ("price", "promotionPrice", "couponPrice", "inventory", "title", "status")
# The error of an id that is not (or no longer) an item: the request was refused for that id.
GONE_ERRORS: Final = frozenset({"InvalidRequestError"})

Fingerprint = dict[str, Any]


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()
"""What a line says of an item when its error is not about the item (a timeout): nothing."""


def inventory(item: dict[str, Any]) -> int | None:
    """The stock of an item's wire dict: its own field when it has one, else the sum of its SKUs' quantities."""
    for name in ("inventory", "quantity"):
        if isinstance(item.get(name), int):
            return int(item[name])
    quantities = [sku.get("quantity") for sku in item.get("skuList") or () if isinstance(sku, dict)]
    counted = [q for q in quantities if isinstance(q, int)]
    return sum(counted) if counted else None


def fingerprint(item: dict[str, Any]) -> Fingerprint:
    """The watched fields of an item's wire dict that it has."""
    found = {name: item.get(name) for name in WATCHED}
    found["inventory"] = inventory(item)
    return {name: value for name, value in found.items() if value is not None}


def observed(line: dict[str, Any]) -> Fingerprint | _Unknown | None:
    """What a result line says: the item's fingerprint, None (no such item), or UNKNOWN."""
    if "item" in line:
        return fingerprint(line["item"])
    return None if line["error"].get("type") in GONE_ERRORS else UNKNOWN


def change_line(before: Fingerprint | None, line: dict[str, Any]) -> dict[str, Any] | None:
    """The change line of `line` against the last state seen (`before`, None: never seen or gone); None when
    nothing a watcher cares about changed."""
    change = change_of(before, line)
    return None if change is None else with_result(change, line)


def change_of(before: Fingerprint | None, line: dict[str, Any]) -> dict[str, Any] | None:
    """A change line without the item or error it is about (what the fleet stores beside the result line)."""
    now = observed(line)
    if isinstance(now, _Unknown) or (before is None and now is None):
        return None
    change: dict[str, Any] = {"item_id": line["item_id"]}
    if before is None:
        return change | {"change": "appeared", "old": None, "new": now}
    if now is None:
        return change | {"change": "vanished", "old": before, "new": None}
    fields = [name for name in WATCHED if before.get(name) != now.get(name)]
    if not fields:
        return None
    return change | {
        "change": "changed",
        "old": {name: before.get(name) for name in fields},
        "new": {name: now.get(name) for name in fields},
    }


def with_result(change: dict[str, Any], line: dict[str, Any]) -> dict[str, Any]:
    """A change line with the item (or the error) of its result line."""
    return change | {key: line[key] for key in ("item", "error") if key in line}


def pack(state: Fingerprint | None) -> list[Any] | None:
    """A fingerprint as the list of its values in WATCHED order: what a watch list stores per item."""
    return None if state is None else [state.get(name) for name in WATCHED]


def unpack(packed: list[Any] | None) -> Fingerprint | None:
    if packed is None:
        return None
    return {name: value for name, value in zip(WATCHED, packed, strict=True) if value is not None}
