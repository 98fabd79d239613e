"""The examples printed on the providers' doc pages are in the specs, each valid against the schema it
illustrates (jsonschema, Draft 2020-12), including the JSON held in the Shanjing string fields
`render_item_List` and `order_line_list`."""

from __future__ import annotations

import json

import pytest

from tests.spec.published import Published, problems, published_examples, resolve, spec

EXAMPLES = published_examples("shanjing") + published_examples("top")


def test_the_spec_holds_the_published_request_examples() -> None:
    found = {(p.operation_id, p.part) for p in EXAMPLES}
    assert {
        ("renderOrder", "body"),
        ("createOrder", "body"),
        ("getProduct", "item_id"),
        ("getProduct", "item_source_market"),
    } <= found


def test_the_top_spec_holds_the_seeds_products_search_answers() -> None:
    answers = {p.name: p.value for p in EXAMPLES if (p.operation_id, p.part) == ("productsSearch", "answer 200")}
    (product,) = answers["published"]["products_search_response"]["products"]["product"]
    assert (product["product_id"], product["name"], product["price"]) == (3433222, "惠普笔记本", "200.07")
    assert answers["published_error"]["error_response"]["sub_code"] == "isv.invalid-parameter"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.spec} {p.id}")
def test_each_published_example_is_valid_against_its_schema(example: Published) -> None:
    assert problems(example.value, example.schema, example.spec) == []


def test_the_published_render_lines_keep_ids_above_2_53_as_numbers() -> None:
    (render,) = [p for p in EXAMPLES if p.operation_id == "renderOrder" and p.part == "body"]
    (line,) = json.loads(render.value["render_item_List"])
    assert line["itemId"] == 600120680003951077
    assert line["chooseSupplychainServices"][0]["optionId"] == 354


def test_an_item_line_whose_id_is_not_a_number_is_refused_inside_the_json_text() -> None:
    body = resolve(spec()["paths"]["/rest/taobao-global/purchase/order/render"]["post"]["requestBody"])
    schema = body["content"]["application/json"]["schema"]
    value = {"render_item_List": '[{"itemId":"mp-1","quantity":"1","skuId":1}]', "receiver_address": {}}
    assert [p for p in problems(value, schema) if p.startswith("render_item_List (JSON text) 0/itemId")]
