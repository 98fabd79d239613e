"""The answer examples Shanjing's doc pages print (and the forms public wrappers of the same upstream show)
are named examples of openapi/shanjing.yaml. Each is valid against the operation's schema, and parsed through
tbapi every value has the Python type its model declares."""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import jsonschema_rs
import pytest

import tbapi
from tbapi._generated.shanjing_client.models import GetProductResponse, ImageSearchResponse
from tests.reliability.spec_examples import examples, raw_spec

from .conftest import FakeShanjing

ANSWERS: dict[tuple[str, str], tuple[str, Callable[[tbapi.ShanjingClient], Any]]] = {
    ("imageSearch", "published"): ("/traffic/item/imgsearch", lambda c: c.items.image_search(image_id="1")),
    ("getProduct", "published"): ("/product/get", lambda c: c.products.get(1)),
    ("getProduct", "upstreamForms"): ("/product/get", lambda c: c.products.get(1)),
}
IDS = [f"{operation}-{name}" for operation, name in ANSWERS]
ENVELOPES: dict[str, Any] = {"imageSearch": ImageSearchResponse, "getProduct": GetProductResponse}


def answer_schema(operation_id: str) -> dict[str, Any]:
    """The 200 JSON schema of an operation, with the spec's components so that its `$ref`s resolve."""
    spec = raw_spec("shanjing")
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
                return {**schema, "components": spec["components"]}
    raise LookupError(operation_id)


def as_success(body: dict[str, Any]) -> dict[str, Any]:
    """The pages print placeholders everywhere, `errorCode: "string"` too: as a success answer it has none."""
    return {**copy.deepcopy(body), "errorCode": None, "errorMsg": None}


def wrong_types(value: Any, hint: Any, path: str) -> list[str]:
    """Where `value` (and everything in it) is not of the type `hint`."""
    if hint is Any:
        return []
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        for option in typing.get_args(hint):
            if option is type(None) and value is None:
                return []
        options = [o for o in typing.get_args(hint) if o is not type(None)]
        if len(options) == 1:
            return wrong_types(value, options[0], path)
        return [] if any(not wrong_types(value, o, path) for o in options) else [f"{path}: {value!r} is no {hint}"]
    if typing.get_origin(hint) is typing.Literal:
        return [] if value in typing.get_args(hint) else [f"{path}: {value!r} not in {hint}"]
    if typing.get_origin(hint) is list:
        if type(value) is not list:
            return [f"{path}: {type(value).__name__} is no list"]
        (inner,) = typing.get_args(hint)
        return [problem for i, item in enumerate(value) for problem in wrong_types(item, inner, f"{path}[{i}]")]
    if typing.get_origin(hint) is dict:  # additional_properties: dict[str, Any]
        return [] if type(value) is dict and all(type(k) is str for k in value) else [f"{path}: no dict[str, …]"]
    if type(value) is not hint:  # exact: a bool is no int, an int no str
        return [f"{path}: {type(value).__name__} {value!r} is no {hint.__name__}"]
    if attrs.has(hint):
        hints = typing.get_type_hints(hint)
        return [
            problem
            for field in attrs.fields(hint)
            for problem in wrong_types(getattr(value, field.name), hints[field.name], f"{path}.{field.name}")
        ]
    return []


def parsed(operation_id: str, name: str) -> Any:
    suffix, call = ANSWERS[(operation_id, name)]
    fake = FakeShanjing()
    fake.route(suffix, httpx.Response(200, json=as_success(examples("shanjing", operation_id)[name])))
    with tbapi.ShanjingClient(
        access_token="t",
        base_url="https://shanjing.test",
        http_client=httpx.Client(transport=httpx.MockTransport(fake)),
    ) as client:
        return call(client)


@pytest.mark.parametrize(("operation_id", "name"), ANSWERS, ids=IDS)
def test_the_example_is_valid_against_the_spec(operation_id: str, name: str) -> None:
    body = examples("shanjing", operation_id)[name]

    jsonschema_rs.Draft202012Validator(answer_schema(operation_id)).validate(body)


@pytest.mark.parametrize(("operation_id", "name"), ANSWERS, ids=IDS)
def test_every_parsed_value_has_its_declared_type(operation_id: str, name: str) -> None:
    result = parsed(operation_id, name)

    models = result if isinstance(result, list) else [result]
    assert models
    assert [problem for model in models for problem in wrong_types(model, type(model), type(model).__name__)] == []


@pytest.mark.parametrize(("operation_id", "name"), ANSWERS, ids=IDS)
def test_every_field_of_the_example_is_kept(operation_id: str, name: str) -> None:
    data = examples("shanjing", operation_id)[name]["data"]
    result = parsed(operation_id, name)

    sent = data if isinstance(data, list) else [data]
    got = result if isinstance(result, list) else [result]
    assert [sorted(m.to_dict()) for m in got] == [sorted(k for k, v in d.items() if v is not None) for d in sent]


def test_upstream_forms_become_the_declared_values() -> None:
    product = parsed("getProduct", "upstreamForms")
    assert product.sku_list is not None
    (sku,) = product.sku_list

    assert (product.item_id, product.category_id, product.promotion_price) == (689542173310, 50000436, 3590)
    assert (product.mp_id, product.product_unit) == ("600120680003951077", None)
    assert (sku.sku_id, sku.price, sku.mp_sku_id, sku.pic_url) == (5123456789012, 3990, "7202402671454", None)


@pytest.mark.parametrize(("operation_id", "name"), ANSWERS, ids=IDS)
def test_the_whole_envelope_parses_to_its_declared_types(operation_id: str, name: str) -> None:
    envelope = ENVELOPES[operation_id].from_dict(examples("shanjing", operation_id)[name])

    assert wrong_types(envelope, type(envelope), type(envelope).__name__) == []


def test_the_published_failitems_is_kept_as_the_string_it_is() -> None:
    envelope = GetProductResponse.from_dict(examples("shanjing", "getProduct")["published"])

    assert envelope.fail_items == "string"
