"""What the providers document, or what their official SDKs send, is valid against the specs: a constraint
never refuses documented input (the mock would answer 422 and a contract test fail where the real service
answers)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec.published import problems, resolve, spec


def schema(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def parameter(spec_name: str, operation_id: str, name: str) -> dict[str, Any]:
    for item in spec(spec_name)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                for param in (resolve(p, spec_name) for p in operation.get("parameters", [])):
                    if param["name"] == name:
                        found: dict[str, Any] = param["schema"]
                        return found
    raise LookupError(f"{operation_id}({name})")


SEARCH = {"fields": "product_id,name", "q": "优衣库"}

DOCUMENTED_TOP_BODIES = [  # (request schema, a body the docs or the official SDKs allow)
    # the doc forbids only all-zero barcodes and a leading '*'
    ("ProductsSearchRequest", {**SEARCH, "barcode_str": "6924343550791,69*01028180559"}),
    ("ProductsSearchRequest", {**SEARCH, "barcode_str": "0*12"}),
    # other statuses are documented as ineffective (输入其他状态无效), not as invalid
    ("ProductsSearchRequest", {**SEARCH, "status": "1"}),
    ("ProductsSearchRequest", {**SEARCH, "status": "0,3,2,1,-1"}),
    # the official SDKs' Product structure: is_suite_effective, barcode_str, pic_path
    ("ProductsSearchRequest", {**SEARCH, "fields": "product_id,is_suite_effective,barcode_str,pic_path"}),
    # the official cids example: "18957,19562," (trailing comma)
    ("ItemcatsGetRequest", {"cids": "18957,19562,"}),
    # the official SDKs' request classes carry `datetime` (yyyy-MM-dd HH:mm:ss) on the three helper methods
    ("ItemcatsGetRequest", {"parent_cid": 0, "datetime": "2024-03-18 10:12:45"}),
    ("ItempropsGetRequest", {"cid": 50000436, "datetime": "2005-01-01 00:00:00"}),
    ("ItempropvaluesGetRequest", {"cid": 50000436, "fields": "vid,name", "datetime": "2005-01-01 00:00:00"}),
]


@pytest.mark.parametrize(("request_schema", "body"), DOCUMENTED_TOP_BODIES)
def test_a_documented_top_request_is_valid(request_schema: str, body: dict[str, Any]) -> None:
    assert problems(body, schema(request_schema), "top") == []


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg",
        "Http://img.alicdn.com/a.jpg",
        "//img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg",
    ],
)
def test_an_image_url_in_any_scheme_case_or_scheme_relative_is_valid(url: str) -> None:
    assert problems(url, parameter("shanjing", "imageSearch", "pic_url")) == []


@pytest.mark.parametrize("url", ["ftp://img.alicdn.com/a.jpg", "img.alicdn.com/a.jpg"])
def test_an_image_url_that_the_service_cannot_fetch_is_still_refused(url: str) -> None:
    assert problems(url, parameter("shanjing", "imageSearch", "pic_url")) != []


@pytest.mark.parametrize("code", [50, "50"])
def test_a_top_error_code_may_be_a_number_or_a_string(code: int | str) -> None:
    error = {"error_response": {"code": code, "msg": "Remote service error", "sub_code": "isv.invalid-parameter"}}
    assert problems(error, schema("ErrorResponseEnvelope"), "top") == []


def test_the_products_search_answer_declares_the_sdk_product_fields() -> None:
    product = {"is_suite_effective": True, "barcode_str": "6924343550791", "pic_path": "i1/TB1.jpg"}
    declared = set(resolve(schema("Product"), "top")["properties"])
    assert set(product) <= declared
    assert problems(product, schema("Product"), "top") == []


ID_OR_MONEY = ("Id", "_id", "price", "Price", "amount", "Amount", "Fee", "_fee")


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {str(node["$ref"]).rsplit("/", 1)[-1]} if "$ref" in node else set()
        return found.union(*(_refs(child) for child in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(child) for child in node))
    return set()


def answer_schemas(spec_name: str) -> set[str]:
    """The component schemas an answer of `spec_name` is made of."""
    schemas = spec(spec_name)["components"]["schemas"]
    todo = _refs([op.get("responses", {}) for item in spec(spec_name)["paths"].values() for op in item.values()])
    todo |= _refs(spec(spec_name)["components"].get("responses", {}))
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in schemas and name not in seen:
            seen.add(name)
            todo |= _refs(schemas[name])
    return seen


def _held_as_int(node: dict[str, Any]) -> bool:
    """Whether tbapi's model holds the field as an int: the first type listed, or the first `oneOf` branch."""
    kind = resolve(node.get("oneOf", [node])[0]).get("type")
    return kind == "integer" or (isinstance(kind, list) and kind[0] == "integer")


def _numeric_answer_fields() -> list[Any]:
    schemas = spec("shanjing")["components"]["schemas"]
    fields = sorted(
        (name, prop)
        for name in answer_schemas("shanjing")
        for prop, node in schemas[name].get("properties", {}).items()
        if _held_as_int(resolve(node)) and prop.endswith(ID_OR_MONEY)
    )
    return [pytest.param(name, prop, id=f"{name}.{prop}") for name, prop in fields]


@pytest.mark.parametrize(("schema_name", "prop"), _numeric_answer_fields())
def test_a_shanjing_answer_id_or_amount_may_be_a_number_or_a_digit_string(schema_name: str, prop: str) -> None:
    # The client reads a digit string as the declared int (tests/unit/shanjing/test_model_values.py), and public
    # wrappers of the same upstream send such fields as strings: `make validate-live` must not flag them.
    node = spec("shanjing")["components"]["schemas"][schema_name]["properties"][prop]
    assert problems(3990, node) == []
    assert problems("3990", node) == []
    assert problems("39.90", node) != []


def test_the_top_error_description_lets_the_sub_code_decide_codes_15_40_41() -> None:
    # The spec's own example of code 15 is an isp.* fault (RemoteServiceUnavailable): 15/40/41 are not caller
    # errors by their number, as tbapi reads them (tbapi/top/_errors.py).
    text = " ".join(resolve(schema("ErrorResponse"), "top")["description"].split())
    assert "codes 15/40/41 are caller errors" not in text
    assert "For codes 15, 40 and 41 the `sub_code` prefix decides" in text
