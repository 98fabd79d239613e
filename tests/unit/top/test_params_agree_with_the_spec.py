"""The hand-written TOP checks (`tbapi.top._params`) restate constraints of `openapi/top.yaml`: they agree."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tbapi._support.validation import MAX_ID
from tbapi.top import _params as params

SPEC = Path(__file__).resolve().parents[3] / "openapi" / "top.yaml"
LIST_OF = re.compile(r"^\^\((?P<names>[a-z_|]+)\)\(,\((?P=names)\)\)\{0,(?P<more>\d+)\}\$$")
REPEATED = re.compile(r"^\^(?P<one>.+)\(,(?P=one)\)\{0,(?P<more>\d+)\}(,\?)?\$$")  # `,?`: a trailing comma
CHAR_RANGE = re.compile(r"\[(?P<low>[0-9])-(?P<high>[0-9])\]")


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text("utf-8"))["components"]["schemas"]
    return loaded


def prop(schemas: dict[str, Any], request: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = schemas[request]["properties"][name]
    return found


def listed(pattern: str) -> tuple[set[str], int]:
    """The names and the most items of a `^(a|b)(,(a|b)){0,N}$` pattern."""
    match = LIST_OF.match(pattern)
    assert match is not None, pattern
    return set(match["names"].split("|")), int(match["more"]) + 1


def repeated(pattern: str) -> tuple[str, int]:
    """The item and the most items of a `^X(,X){0,N}$` pattern."""
    match = REPEATED.match(pattern)
    assert match is not None, pattern
    return match["one"], int(match["more"]) + 1


@pytest.mark.parametrize(
    ("request_model", "allowed"),
    [
        ("ProductsSearchRequest", params.PRODUCT_FIELDS),
        ("ItemcatsGetRequest", params.ITEMCAT_FIELDS),
        ("ItempropvaluesGetRequest", frozenset(params.PROPVALUE_FIELDS)),
    ],
)
def test_field_lists_agree(schemas: dict[str, Any], request_model: str, allowed: frozenset[str]) -> None:
    assert listed(prop(schemas, request_model, "fields")["pattern"]) == (set(allowed), params.MAX_FIELDS)


@pytest.mark.parametrize(
    ("request_model", "name", "compiled"),
    [
        ("ProductsSearchRequest", "props", params.PID_VID_LIST),
        ("ItempropsGetRequest", "child_path", params.PID_VID_LIST),
        ("ItempropvaluesGetRequest", "pvs", params.PVS),
    ],
)
def test_patterns_agree(schemas: dict[str, Any], request_model: str, name: str, compiled: re.Pattern[str]) -> None:
    assert prop(schemas, request_model, name)["pattern"] == f"^{compiled.pattern}$"


def alternatives(one: str) -> set[str]:
    """The values of a `(a|[0-3])` pattern."""
    values: set[str] = set()
    for part in one.removeprefix("(").removesuffix(")").split("|"):
        span = CHAR_RANGE.fullmatch(part)
        values |= {str(n) for n in range(int(span["low"]), int(span["high"]) + 1)} if span else {part}
    return values


def test_status_values_and_count_agree(schemas: dict[str, Any]) -> None:
    one, most = repeated(prop(schemas, "ProductsSearchRequest", "status")["pattern"])
    assert (alternatives(one), most) == (set(params.STATUS_VALUES), params.MAX_STATUS_VALUES)


def test_barcode_pattern_agrees(schemas: dict[str, Any]) -> None:
    one, _ = repeated(prop(schemas, "ProductsSearchRequest", "barcode_str")["pattern"].replace("*)*$", "*){0,0}$"))
    assert one == params.BARCODE.pattern


@pytest.mark.parametrize(
    ("request_model", "name", "most"),
    [
        ("ItemcatsGetRequest", "cids", params.MAX_CIDS),
        ("ItempropsGetRequest", "attr_keys", params.MAX_ITEMPROPS_ATTR_KEYS),
        ("ItempropvaluesGetRequest", "attr_keys", params.MAX_ITEMPROPVALUES_ATTR_KEYS),
    ],
)
def test_list_lengths_agree(schemas: dict[str, Any], request_model: str, name: str, most: int) -> None:
    assert repeated(prop(schemas, request_model, name)["pattern"])[1] == most


def test_bounds_agree(schemas: dict[str, Any]) -> None:
    assert prop(schemas, "ProductsSearchRequest", "page_size")["maximum"] == params.MAX_PAGE_SIZE
    assert "maximum" not in prop(schemas, "ProductsSearchRequest", "page_no")  # so none is checked
    for request_model, name in (("ProductsSearchRequest", "cid"), ("ItempropsGetRequest", "cid")):
        assert "maximum" not in prop(schemas, request_model, name)  # ids: the SDK checks the int64 range
    assert MAX_ID == 2**63 - 1
