"""Shanjing argument checks and conversions: each failure is a `ValidationError` naming the parameter."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Protocol, TypeVar

import attrs

from tbapi._generated.shanjing_client.models.address import Address
from tbapi._generated.shanjing_client.models.order_line import OrderLine
from tbapi._generated.shanjing_client.models.render_item import RenderItem
from tbapi._generated.shanjing_client.models.supply_chain_service_category import SUPPLY_CHAIN_SERVICE_CATEGORY_VALUES
from tbapi._generated.shanjing_client.models.supply_chain_service_choice import SupplyChainServiceChoice
from tbapi._generated.shanjing_client.types import FieldValueError

from .._exceptions import ValidationError
from .._support.validation import MAX_ID, int_id, int_in_range, non_empty_str, one_of, parsed_http_url, str_list


class _Model(Protocol):
    additional_properties: dict[str, Any]

    def to_dict(self) -> dict[str, Any]: ...


ModelT = TypeVar("ModelT", bound=_Model)
T = TypeVar("T")


# None is "not given" throughout: the generated api functions leave None query parameters out, and the
# generated models' to_dict leaves None fields out of a request body.


def enum(param: str, value: T | None, allowed: Collection[T]) -> T | None:
    # A string among the choices is taken without sorting them (on every call); anything else — an unhashable value
    # a set cannot look up included — goes to `one_of`, which refuses it naming the choices in order.
    if value is None or (isinstance(value, str) and value in allowed):
        return value
    return one_of(param, value, sorted(allowed))  # type: ignore[type-var]


def id_list(param: str, values: Iterable[object] | None) -> list[int] | None:
    if values is None:
        return None
    if isinstance(values, str | int):
        values = [values]
    ids = [int_id(f"{param}[{i}]", v) for i, v in enumerate(values)]
    if not ids:
        raise ValidationError(param, "must not be empty (leave it out instead)")
    return ids


def id_texts(param: str, values: Iterable[object] | None) -> list[int | str] | None:
    """Ids as the decimal strings the cancel page publishes (`["657574757"]`)."""
    ids = id_list(param, values)
    return None if ids is None else [str(i) for i in ids]


def json_ids(param: str, values: Iterable[object] | None) -> str | None:
    """Ids as one JSON array text (`[1,2]`), the form the upstream SDKs send `purchase_ids` in."""
    ids = id_list(param, values)
    return None if ids is None else json.dumps(ids, separators=(",", ":"))


def strings(param: str, values: Iterable[str] | str | None) -> list[str] | None:
    """An optional list parameter (sent as repeated keys); a lone string is one value."""
    if values is None:
        return None
    return str_list(param, values)


def page_args(page_no: object, page_size: object, max_page_size: int | None) -> tuple[int, int]:
    return int_in_range("page_no", page_no, 1), int_in_range("page_size", page_size, 1, max_page_size)


def http_url(param: str, value: object) -> str:
    """An http(s) URL, sent as given: any case of the scheme, or scheme-relative (`//img.alicdn.com/…`, the
    form Taobao's own pages give image addresses in)."""
    url = non_empty_str(param, value)
    parsed_http_url(param, f"https:{url}" if url.startswith("//") else url)
    return url


def epoch_millis(param: str, value: int | dt.datetime | None) -> int | None:
    """Epoch milliseconds from an int (already ms) or an aware datetime."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValidationError(param, "a datetime must carry its time zone (tzinfo)")
        return int(value.timestamp() * 1000)
    return int_in_range(param, value, 0, MAX_ID)


def quantity(param: str, value: object) -> str:
    """A positive quantity given as an int or a decimal string; the wire wants the string (`"1"`)."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    return str(int_in_range(param, value, 1, text=False))


def model(param: str, value: object, cls: type[ModelT]) -> ModelT:
    """A generated model given as itself or as a mapping with the wire's own keys (unknown keys refused)."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, Mapping):
        raise ValidationError(
            param, f"must be a {cls.__name__} or a dict with its wire keys, got {type(value).__name__}"
        )
    try:
        built = cls.from_dict(value)  # type: ignore[attr-defined]
    except KeyError as exc:
        raise ValidationError(param, f"missing key {exc.args[0]!r}") from exc
    except FieldValueError as exc:  # a key of this mapping (or of one nested in it) has a wrong value
        named = f"{param}.{exc.field}" if exc.model == cls.__name__ else param
        raise ValidationError(named, f"not a valid {cls.__name__}: {exc}") from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(param, f"not a valid {cls.__name__}: {exc}") from exc
    extra = getattr(built, "additional_properties", None)
    if extra:
        names = ", ".join(repr(k) for k in extra)
        raise ValidationError(param, f"unknown key(s) {names} for {cls.__name__}")
    return built  # type: ignore[no-any-return]


def address(param: str, value: object) -> Address:
    return model(param, value, Address)


def optional_address(param: str, value: object) -> Address | None:
    return None if value is None else address(param, value)


def render_items(param: str, values: Iterable[RenderItem | Mapping[str, Any]]) -> list[RenderItem]:
    items = _non_empty_list(param, values)
    checked: list[RenderItem] = []
    for index, value in enumerate(items):
        name = f"{param}[{index}]"
        if isinstance(value, Mapping) and isinstance(value.get("chooseSupplychainServices"), list):
            for i, choice in enumerate(value["chooseSupplychainServices"]):
                _service(f"{name}.chooseSupplychainServices[{i}]", choice)
        item = model(name, value, RenderItem)
        services: list[SupplyChainServiceChoice] | None = None
        if item.choose_supplychain_services is not None:
            services = [
                _service(f"{name}.chooseSupplychainServices[{i}]", s)
                for i, s in enumerate(item.choose_supplychain_services)
            ]
        checked.append(
            attrs.evolve(  # ids as JSON numbers, the quantity as a string: the published render example
                item,
                item_id=int_id(f"{name}.itemId", item.item_id),
                sku_id=int_id(f"{name}.skuId", item.sku_id),
                quantity=quantity(f"{name}.quantity", item.quantity),
                choose_supplychain_services=services,
            )
        )
    return checked


def _service(param: str, value: object) -> SupplyChainServiceChoice:
    if isinstance(value, Mapping):  # the generated parser would reject a bad category without naming it
        one_of(f"{param}.serviceCategory", value.get("serviceCategory"), sorted(SUPPLY_CHAIN_SERVICE_CATEGORY_VALUES))
    service = model(param, value, SupplyChainServiceChoice)
    one_of(f"{param}.serviceCategory", service.service_category, sorted(SUPPLY_CHAIN_SERVICE_CATEGORY_VALUES))
    return attrs.evolve(service, option_id=int_id(f"{param}.optionId", service.option_id))


def order_lines(param: str, values: Iterable[OrderLine | Mapping[str, Any]]) -> list[OrderLine]:
    lines = _non_empty_list(param, values)
    checked: list[OrderLine] = []
    for index, value in enumerate(lines):
        name = f"{param}[{index}]"
        line = model(name, value, OrderLine)
        if line.price is not None:
            int_in_range(f"{name}.price", line.price, 0, MAX_ID)
        checked.append(
            attrs.evolve(  # ids and price as JSON numbers, line number and quantity as strings: as published
                line,
                item_id=int_id(f"{name}.itemId", line.item_id),
                sku_id=int_id(f"{name}.skuId", line.sku_id),
                product_id=None if line.product_id is None else int_id(f"{name}.productId", line.product_id),
                order_line_no=non_empty_str(f"{name}.orderLineNo", _as_text(line.order_line_no)),
                quantity=quantity(f"{name}.quantity", line.quantity),
            )
        )
    numbers = [line.order_line_no for line in checked]
    if len(set(numbers)) != len(numbers):
        raise ValidationError(param, "each orderLineNo must be unique within the order")
    return checked


def _as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _non_empty_list(param: str, values: object) -> list[Any]:
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise ValidationError(param, f"must be a list, got {type(values).__name__}")
    items = list(values)
    if not items:
        raise ValidationError(param, "must not be empty")
    return items


def json_list(models: Iterable[_Model]) -> str:
    """The JSON text of a list of models with their wire keys (what `render_item_List` / `order_line_list` are)."""
    return json.dumps([m.to_dict() for m in models], ensure_ascii=False, separators=(",", ":"))
