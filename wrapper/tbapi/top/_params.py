"""Checks of the documented constraints of the TOP methods, run before anything is sent, and the
serialization of Python values into the strings that go on the wire.

Enum values come from the generated code; the field lists, patterns and bounds below restate those of
`openapi/top.yaml` in Python, and `tests/unit/top/test_params_agree_with_the_spec.py` checks that they agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from tbapi._generated.taobao_top_client.models.market_id import MARKET_ID_VALUES, MarketId, check_market_id
from tbapi._generated.taobao_top_client.models.platform_type import (
    PLATFORM_TYPE_VALUES,
    PlatformType,
    check_platform_type,
)
from tbapi._generated.taobao_top_client.models.vertical_market import (
    VERTICAL_MARKET_VALUES,
    VerticalMarket,
    check_vertical_market,
)

from .._exceptions import ValidationError
from .._support.validation import MAX_ID, as_int, int_in_range, non_empty_str, one_of, str_list
from ._wire import RESERVED_PARAMS, SHANGHAI, TIMESTAMP_FORMAT

# The doc's table, `status` (新增字段), `pic_path` of its intro, the suite fields of its change note under the
# official SDKs' names (`is_suite_effective`; the note's spelling `is_suite_effecitve` too) and `barcode_str`.
PRODUCT_FIELDS = frozenset(
    {"product_id", "name", "pic_url", "pic_path", "cid", "props", "price", "tsc", "status"}
    | {"suite_items_str", "is_suite_effective", "is_suite_effecitve", "barcode_str"}
)
ITEMCAT_FIELDS = frozenset({"cid", "parent_cid", "name", "is_parent", "status", "sort_order", "features", "taosir_cat"})
PROPVALUE_FIELDS = ("cid", "pid", "prop_name", "vid", "name", "name_alias", "status", "sort_order")
MAX_FIELDS = 20  # products.search (the doc), itemcats.get and itempropvalues.get (the official SDK's checks)
# Product statuses (0 merchant-confirmed, 1 blocked, 2 unconfirmed, 3 staff-confirmed, -1 deleted): the doc
# says only 0 and 3 take effect and calls the others ineffective (无效), not invalid, so all are sent.
STATUS_VALUES = ("0", "1", "2", "3", "-1")
MAX_STATUS_VALUES = 5
MAX_PAGE_SIZE = 100
MAX_CIDS = 1000
MAX_ITEMPROPS_ATTR_KEYS = 50  # the official SDK's checks
MAX_ITEMPROPVALUES_ATTR_KEYS = 20
PID_VID_LIST = re.compile(r"[0-9]+:-?[0-9]+(;[0-9]+:-?[0-9]+)*;?")
PVS = re.compile(r"[0-9]+(:-?[0-9]+)?(;[0-9]+(:-?[0-9]+)?)*;?")
# One barcode: neither all zeros nor starting with `*` (the doc's only rules), no `,` (the separator).
BARCODE = re.compile(r"(?:[^,*0]|0+[^,0])[^,]*")
_METHOD = re.compile(r"[a-z0-9]+(\.[a-z0-9_]+)+")

CommaList = str | Iterable[str]
V = TypeVar("V")


def comma_list(
    param: str, values: CommaList, *, allowed: Iterable[str] | None = None, max_items: int | None = None
) -> str:
    """A list (or a comma string) of non-empty names, checked, joined with `,`."""
    items = [v.strip() for v in values.split(",")] if isinstance(values, str) else list(values)
    if not items:
        raise ValidationError(param, "must name at least one value")
    items = str_list(param, items, max_items=max_items)
    if allowed is not None:
        allowed_set = set(allowed)
        unknown = [item for item in items if item not in allowed_set]
        if unknown:
            raise ValidationError(
                param, f"unknown {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(allowed_set))}"
            )
    return ",".join(items)


def positive_id(param: str, value: object, *, low: int = 1) -> int:
    return int_in_range(param, value, low, MAX_ID)  # the spec leaves the int64 range to the SDK (see top.yaml)


def id_list(param: str, values: int | str | Iterable[int | str], *, max_items: int) -> str:
    """Ids from an int, a list, or the wire's comma string (`"18957,19562,"`: the official example ends in a comma)."""
    if isinstance(values, str):
        items: list[int | str] = [v.strip() for v in values.removesuffix(",").split(",")]
    else:
        items = [values] if isinstance(values, int) else list(values)
    if not items or items == [""]:
        raise ValidationError(param, "must name at least one id")
    if len(items) > max_items:
        raise ValidationError(param, f"at most {max_items} ids, got {len(items)}")
    return ",".join(str(positive_id(f"{param}[{i}]", item, low=0)) for i, item in enumerate(items))


def pid_vid_pairs(param: str, value: str | Mapping[int, int]) -> str:
    """`pid:vid;pid:vid` from a string or a {pid: vid} mapping."""
    text = ";".join(f"{pid}:{vid}" for pid, vid in value.items()) if isinstance(value, Mapping) else value
    if not isinstance(text, str) or not PID_VID_LIST.fullmatch(text):
        raise ValidationError(param, f"must be pid:vid pairs separated by ';' (e.g. '20000:3380017'), got {value!r}")
    return text


def pvs_list(param: str, value: str | Iterable[str | int]) -> str:
    """`pid;pid:vid;…` from a string or a list of pids and `pid:vid` strings."""
    text = value if isinstance(value, str) else ";".join(str(v) for v in value)
    if not PVS.fullmatch(text):
        raise ValidationError(param, f"must be pids or pid:vid pairs separated by ';', got {value!r}")
    return text


def statuses(value: int | str | Iterable[int | str]) -> str:
    """Product statuses, at most 5 values (only 0 and 3 take effect; the others are sent as documented)."""
    if isinstance(value, int | str):
        items = [v.strip() for v in value.split(",")] if isinstance(value, str) else [str(value)]
    else:
        items = [str(v) for v in value]
    if not items or len(items) > MAX_STATUS_VALUES:
        raise ValidationError("status", f"must give 1 to {MAX_STATUS_VALUES} values, got {len(items)}")
    for item in items:
        if item not in STATUS_VALUES:
            raise ValidationError("status", f"must be product statuses from {', '.join(STATUS_VALUES)}, got {item!r}")
    return ",".join(items)


def barcodes(value: str | Iterable[str]) -> str:
    items = [v.strip() for v in value.split(",")] if isinstance(value, str) else list(value)
    if not items:
        raise ValidationError("barcode_str", "must give at least one barcode")
    for index, item in enumerate(items):
        non_empty_str(f"barcode_str[{index}]", item)
        if not BARCODE.fullmatch(item):
            raise ValidationError("barcode_str", f"{_barcode_problem(item)}, got {item!r}")
    return ",".join(items)


def _barcode_problem(item: str) -> str:
    if "," in item:
        return "a barcode may not contain ','"
    return "a barcode may not start with '*'" if item.startswith("*") else "a barcode may not be all zeros"


def market_id_value(value: int | str) -> MarketId:
    """1 / 2 (or "1" / "2") as the string the wire carries."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError("market_id", f"must be 1 (C2C) or 2 (B2C), got {value!r}")
    return check_market_id(one_of("market_id", str(value), sorted(MARKET_ID_VALUES)))


def vertical_market_value(value: int | str) -> VerticalMarket:
    return check_vertical_market(
        one_of("vertical_market", as_int("vertical_market", value), sorted(VERTICAL_MARKET_VALUES))
    )


def platform_type_value(value: int | str) -> PlatformType:
    return check_platform_type(one_of("type", as_int("type", value), sorted(PLATFORM_TYPE_VALUES)))


def at_least_one_of(params: Mapping[str, object]) -> None:
    if all(value is None for value in params.values()):
        names = " / ".join(params)
        raise ValidationError(names, f"at least one of {', '.join(params)} is required")


def top_method(value: object) -> str:
    if not isinstance(value, str) or not _METHOD.fullmatch(value):
        raise ValidationError("method", f"must be a TOP method name like 'taobao.products.search', got {value!r}")
    return value


def wire_value(name: str, value: object) -> str | None:
    """One `call()` parameter as the string the wire carries; None when it is not to be sent."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value or None
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime):
        moment = value.astimezone(SHANGHAI) if value.tzinfo is not None else value
        return moment.strftime(TIMESTAMP_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping) or (isinstance(value, list | tuple) and any(isinstance(v, Mapping) for v in value)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    if isinstance(value, list | tuple):
        parts = [wire_value(f"{name}[]", v) for v in value]
        return ",".join(p for p in parts if p is not None) or None
    raise ValidationError(name, f"cannot be sent as a TOP parameter: {type(value).__name__}")


def business_params(params: Mapping[str, object] | None) -> dict[str, str]:
    """`call()` parameters serialized for the wire: None and empty values dropped, system names refused."""
    if params is not None and not isinstance(params, Mapping):
        raise ValidationError("params", f"must be a mapping of parameter names to values, got {type(params).__name__}")
    result: dict[str, str] = {}
    for name, value in (params or {}).items():
        if not isinstance(name, str) or not name:
            raise ValidationError("params", f"parameter names must be non-empty strings, got {name!r}")
        if name in RESERVED_PARAMS or name == "simplify":
            raise ValidationError(name, "is a TOP system parameter set by the client; pass session= for the session")
        text = wire_value(name, value)
        if text is not None:
            result[name] = text
    return result


def flag(param: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(param, f"must be True or False, got {value!r}")
    return value


def optional(value: object, check: Callable[..., V], *leading: object, **options: object) -> V | None:
    """An optional parameter: None (the model's to_dict leaves it out) when `value` is None, else
    `check(*leading, value, **options)` — `optional(cid, positive_id, "cid")`, `optional(status, statuses)`."""
    return None if value is None else check(*leading, value, **options)
