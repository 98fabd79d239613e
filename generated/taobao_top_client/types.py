"""Contains some shared types for properties"""

import math as _math
import re as _re
from collections.abc import Callable as _Callable
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar
from typing import Any as _Any
from typing import Protocol as _Protocol

import attrs as _attrs
import httpx as _httpx
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# ---- tbapi: the declared Python type of every model field ------------------------------------------------
# A model's from_dict keeps a value whose type is already the declared one (one `type(x) is T` test) and
# calls one of these for any other: a form the sources disagree on becomes the declared type (a decimal
# string → int, exact at any size; a number → str; "true"/"false" → bool), anything else raises
# FieldValueError naming the model and the field. `null` is None (absent) for every optional field.
_M = TypeVar("_M")
_M_co = TypeVar("_M_co", covariant=True)
_INTEGER = _re.compile(r"[+-]?[0-9]{1,4300}")  # int() refuses longer digit strings
_NUMBER = _re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_EXACT_FLOAT = 2**53


class FieldValueError(Exception):
    """A model field was given a value its declared type cannot hold.

    Not a ValueError or TypeError on purpose: a oneOf parse tries its branches under
    `except (TypeError, ValueError, AttributeError, KeyError)` and would take it for "not this branch".
    """

    def __init__(self, model: str, field: str, expected: str, value: object) -> None:
        self.model = model
        self.field = field
        self.expected = expected
        super().__init__(f"{model}.{field}: expected {expected}, got {_describe(value)}")


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool | int | float | str):  # never a container: it might hold anything
        text = repr(value)
        return f"{type(value).__name__} {text if len(text) <= 40 else text[:37] + '...'}"
    return type(value).__name__


def as_int(value: object, model: str, field: str) -> int:
    if isinstance(value, str):
        text = value.strip()
        if _INTEGER.fullmatch(text):
            return int(text)
    elif isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    elif isinstance(value, float) and value.is_integer() and abs(value) <= _EXACT_FLOAT:
        return int(value)
    raise FieldValueError(model, field, "int", value)


def as_str(value: object, model: str, field: str) -> str:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and _math.isfinite(value):
        return repr(float(value))
    raise FieldValueError(model, field, "str", value)


def as_float(value: object, model: str, field: str) -> float:
    number: float | None = None
    if isinstance(value, str):
        text = value.strip()
        number = float(text) if _NUMBER.fullmatch(text) else None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    if number is None or not _math.isfinite(number):
        raise FieldValueError(model, field, "float", value)
    return number


def as_bool(value: object, model: str, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise FieldValueError(model, field, "bool", value)


def as_any_list(value: object, model: str, field: str) -> list[_Any]:
    if not isinstance(value, list):
        raise FieldValueError(model, field, "list", value)
    return value


def as_union_list(value: object, item_types: tuple[type, ...], model: str, field: str) -> list[_Any]:
    """A list whose elements may each be any of `item_types` (a list of a scalar union), kept as given."""
    if not isinstance(value, list):
        raise FieldValueError(model, field, "list", value)
    for index, item in enumerate(value):
        if type(item) not in item_types:
            names = " | ".join(t.__name__ for t in item_types)
            raise FieldValueError(model, f"{field}[{index}]", names, item)
    return value


def as_list(
    value: object, item_type: type[_M], convert: _Callable[[object, str, str], _M], model: str, field: str
) -> list[_M]:
    """A list of scalars: the same list when every element has the declared type, else a converted copy."""
    if not isinstance(value, list):
        raise FieldValueError(model, field, f"list[{item_type.__name__}]", value)
    for item in value:
        if type(item) is not item_type:
            return [convert(item, model, f"{field}[{index}]") for index, item in enumerate(value)]
    return value


class _FromDict(_Protocol[_M_co]):  # what every generated model class is
    def from_dict(self, src_dict: Mapping[str, _Any], /) -> _M_co: ...


def as_model(cls: _FromDict[_M], value: object, model: str, field: str) -> _M:
    if isinstance(value, Mapping):
        return cls.from_dict(value)
    raise FieldValueError(model, field, f"an object ({getattr(cls, '__name__', 'model')})", value)


def as_model_list(cls: _FromDict[_M], value: object, model: str, field: str, bare_one: bool = False) -> list[_M]:
    """A list of objects; with `bare_one`, one object is a one-element list (TOP's XML-to-JSON conversion
    sends `"products": {"product": {…}}` for a single product)."""
    if bare_one and isinstance(value, Mapping):
        return [cls.from_dict(value)]
    if not isinstance(value, list):
        raise FieldValueError(model, field, f"a list of {getattr(cls, '__name__', 'model')}", value)
    from_dict = cls.from_dict
    return [from_dict(item) if type(item) is dict else _item(cls, value, item, model, field) for item in value]


def _item(cls: _FromDict[_M], items: list[_Any], item: object, model: str, field: str) -> _M:
    index = next(i for i, candidate in enumerate(items) if candidate is item)
    return as_model(cls, item, model, f"{field}[{index}]")


def as_enum(check: _Callable[[_Any], _M], value: object, model: str, field: str, name: str) -> _M:
    try:
        return check(value)
    except TypeError:
        raise FieldValueError(model, field, f"a {name} value", value) from None


def model_repr(model: _attrs.AttrsInstance) -> str:
    """`Name(field=value, …)` of the fields that are set (not None), then the unknown fields if any."""
    shown = []
    for field in _attrs.fields(type(model)):
        value = getattr(model, field.name)
        if field.name != "additional_properties" and value is not None:
            shown.append(f"{field.name}={value!r}")
    extra = getattr(model, "additional_properties", None)
    if extra:
        shown.append(f"additional_properties={extra!r}")
    return f"{type(model).__name__}({', '.join(shown)})"


# ---- tbapi: the JSON body a transport parsed already ------------------------------------------------------
# A transport that read and parsed a response's JSON body (tbapi's checked transport: size limit, charset,
# control-character repair) keeps the result in `response.extensions[PARSED_JSON]`; the api modules take it
# from there instead of parsing the body a second time with `response.json()`. Taken, not just read: httpx's
# response and its stream refer to each other, so a response is freed only by the cyclic garbage collector,
# and the parsed body it still held would wait for that collector (and make it run more often) with it.
PARSED_JSON = "tbapi.parsed_json"


def json_of(response: _httpx.Response) -> _Any:
    """The JSON body of a response: the one its transport parsed (taken from the response), else `response.json()`."""
    extensions = response.extensions
    return extensions.pop(PARSED_JSON) if PARSED_JSON in extensions else response.json()


__all__ = [
    "PARSED_JSON",
    "UNSET",
    "File",
    "FieldValueError",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "as_any_list",
    "as_bool",
    "as_enum",
    "as_float",
    "as_int",
    "as_list",
    "as_union_list",
    "as_model",
    "as_model_list",
    "as_str",
    "json_of",
    "model_repr",
]
