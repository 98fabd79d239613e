"""The documented constraints of the TOP methods are checked before anything is sent, naming the parameter."""

from __future__ import annotations

from typing import Any

import pytest

from tbapi import ValidationError

from .conftest import FakeGateway, top_client

SEARCH_OK: dict[str, Any] = {"fields": "product_id", "q": "x"}

INVALID_SEARCHES = [  # (overrides of SEARCH_OK, the parameter named)
    ({"fields": []}, "fields"),
    ({"fields": ""}, "fields"),
    ({"fields": ["product_id", "weight"]}, "fields"),
    ({"fields": ["name"] * 21}, "fields"),
    ({"q": None}, "q / cid / props"),
    ({"q": ""}, "q"),
    ({"q": None, "cid": 0}, "cid"),
    ({"q": None, "props": "20000"}, "props"),
    ({"page_size": 0}, "page_size"),
    ({"page_size": 101}, "page_size"),
    ({"page_no": 0}, "page_no"),
    ({"status": "0,3,0,3,0,3"}, "status"),
    ({"status": [4]}, "status"),
    ({"status": "x"}, "status"),
    ({"vertical_market": 5}, "vertical_market"),
    ({"barcode_str": "0000000"}, "barcode_str"),
    ({"barcode_str": ["6924343550791", "*123"]}, "barcode_str"),
    ({"barcode_str": []}, "barcode_str"),
    ({"barcode_str": ["692,434"]}, "barcode_str"),
    ({"market_id": 3}, "market_id"),
    ({"market_id": "B2C"}, "market_id"),
    ({"customer_props": ""}, "customer_props"),
]

VALID_SEARCHES = [  # (arguments, the form body sent)
    ({"fields": ["product_id", "name"], "q": "x"}, {"fields": "product_id,name", "q": "x"}),
    ({"fields": "product_id, name", "q": "x"}, {"fields": "product_id,name", "q": "x"}),
    ({"fields": "name", "cid": 50011999}, {"fields": "name", "cid": "50011999"}),
    (
        {"fields": "name", "props": {20000: 3380017, 13021751: -5}},
        {"fields": "name", "props": "20000:3380017;13021751:-5"},
    ),
    ({"fields": "name", "q": "x", "status": [0, 3]}, {"fields": "name", "q": "x", "status": "0,3"}),
    ({"fields": "name", "q": "x", "status": 3}, {"fields": "name", "q": "x", "status": "3"}),
    (
        {"fields": "name", "q": "x", "page_size": 100, "page_no": 2},
        {"fields": "name", "q": "x", "page_size": "100", "page_no": "2"},
    ),
    ({"fields": "name", "q": "x", "vertical_market": 8}, {"fields": "name", "q": "x", "vertical_market": "8"}),
    (
        {"fields": "name", "q": "x", "barcode_str": ["692434", "0000001"]},
        {"fields": "name", "q": "x", "barcode_str": "692434,0000001"},
    ),
    ({"fields": "name", "q": "x", "market_id": 2}, {"fields": "name", "q": "x", "market_id": "2"}),
    (  # the method's change note adds the suite fields; its introduction names pic_path
        {"fields": ["suite_items_str", "is_suite_effecitve", "pic_path"], "suite_items_str": "1:1;", "q": "x"},
        {"fields": "suite_items_str,is_suite_effecitve,pic_path", "suite_items_str": "1:1;", "q": "x"},
    ),
    (  # the official SDKs' Product structure names is_suite_effective and barcode_str
        {"fields": ["is_suite_effective", "barcode_str", "pic_path"], "q": "x"},
        {"fields": "is_suite_effective,barcode_str,pic_path", "q": "x"},
    ),
    (  # the doc forbids only all-zero barcodes and a leading '*'
        {"fields": "name", "q": "x", "barcode_str": "6924343550791,69*0102818,0*12"},
        {"fields": "name", "q": "x", "barcode_str": "6924343550791,69*0102818,0*12"},
    ),
    (  # statuses other than 0 and 3 are documented as ineffective (输入其他状态无效), not as invalid
        {"fields": "name", "q": "x", "status": [0, 2]},
        {"fields": "name", "q": "x", "status": "0,2"},
    ),
    ({"fields": "name", "q": "x", "status": "1,-1"}, {"fields": "name", "q": "x", "status": "1,-1"}),
    ({"fields": "name", "q": "x", "page_no": 10001}, {"fields": "name", "q": "x", "page_no": "10001"}),
    ({"fields": "name", "cid": 2**53 + 1}, {"fields": "name", "cid": str(2**53 + 1)}),
]


@pytest.mark.parametrize(("overrides", "param"), INVALID_SEARCHES)
def test_invalid_search_is_refused_before_sending(overrides: dict[str, Any], param: str) -> None:
    gateway = FakeGateway()
    with pytest.raises(ValidationError) as caught:
        top_client(gateway).products.search(**{**SEARCH_OK, **overrides})
    assert caught.value.param.startswith(param)
    assert gateway.requests == []


@pytest.mark.parametrize(("arguments", "form"), VALID_SEARCHES)
def test_valid_search_is_serialized_for_the_wire(arguments: dict[str, Any], form: dict[str, str]) -> None:
    gateway = FakeGateway()
    top_client(gateway).products.search(**arguments)
    assert gateway.form == form


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="page_size"):
        top_client(FakeGateway()).products.search(fields="name", q="x", page_size=500)


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda c: c.itemcats.get(), "cids / parent_cid"),
        (lambda c: c.itemcats.get(parent_cid=-1), "parent_cid"),
        (lambda c: c.itemcats.get(cids=list(range(1001))), "cids"),
        (lambda c: c.itemcats.get(parent_cid=0, fields=["cid", "color"]), "fields"),
        (lambda c: c.itemcats.get(parent_cid=0, fields=["cid"] * 21), "fields"),
        (lambda c: c.itemprops.get(cid=0), "cid"),
        (lambda c: c.itemprops.get(cid=1, is_key_prop="yes"), "is_key_prop"),
        (lambda c: c.itemprops.get(cid=1, type=3), "type"),
        (lambda c: c.itemprops.get(cid=1, attr_keys=["k"] * 51), "attr_keys"),  # the spec's limit: 50
        (lambda c: c.itemprops.get(cid=1, child_path="20000"), "child_path"),
        (lambda c: c.itemprops.get(cid=1, fields=[]), "fields"),
        (lambda c: c.itempropvalues.get(cid=1, fields="vid,price"), "fields"),
        (lambda c: c.itempropvalues.get(cid=1, fields=["vid"] * 21), "fields"),
        (lambda c: c.itempropvalues.get(cid=1, attr_keys=["k"] * 21), "attr_keys"),
        (lambda c: c.itempropvalues.get(cid=1, pvs="a:b"), "pvs"),
        (lambda c: c.call("not a method"), "method"),
        (lambda c: c.call("taobao.x.get", {"f": object()}), "f"),
    ],
)
def test_invalid_helper_call_is_refused_before_sending(call: Any, param: str) -> None:
    gateway = FakeGateway()
    with pytest.raises(ValidationError) as caught:
        call(top_client(gateway))
    assert caught.value.param.startswith(param)
    assert gateway.requests == []


def test_helper_arguments_are_serialized_for_the_wire() -> None:
    gateway = FakeGateway({"itemprops_get_response": {}})
    top_client(gateway).itemprops.get(
        cid=50000436, is_key_prop=True, is_sale_prop=False, fields=["pid", "name"], type=2
    )
    assert gateway.form == {
        "cid": "50000436",
        "is_key_prop": "true",
        "is_sale_prop": "false",
        "fields": "pid,name",
        "type": "2",
    }


def test_itempropvalues_asks_for_every_field_by_default() -> None:
    gateway = FakeGateway({"itempropvalues_get_response": {}})
    top_client(gateway).itempropvalues.get(cid=50000436, pvs=[20000, "1627207:28341"])
    assert gateway.form == {
        "cid": "50000436",
        "fields": "cid,pid,prop_name,vid,name,name_alias,status,sort_order",
        "pvs": "20000;1627207:28341",
    }


def test_itemprops_sends_up_to_50_attr_keys() -> None:
    gateway = FakeGateway({"itemprops_get_response": {}})
    top_client(gateway).itemprops.get(cid=50000436, attr_keys=[f"k{n}" for n in range(50)])
    assert gateway.form["attr_keys"] == ",".join(f"k{n}" for n in range(50))


def test_itemprops_fields_are_not_limited_to_a_character_set() -> None:
    gateway = FakeGateway({"itemprops_get_response": {}})
    top_client(gateway).itemprops.get(cid=50000436, fields="pid,propValues")
    assert gateway.form["fields"] == "pid,propValues"


def test_itemcats_cids_list_is_joined() -> None:
    gateway = FakeGateway({"itemcats_get_response": {}})
    top_client(gateway).itemcats.get(cids=[50000436, 50011167])
    assert gateway.form == {"cids": "50000436,50011167"}


def test_itemcats_cids_string_of_one_id_is_that_id() -> None:
    gateway = FakeGateway({"itemcats_get_response": {}})
    top_client(gateway).itemcats.get(cids="50000436")
    assert gateway.form == {"cids": "50000436"}


def test_itemcats_cids_comma_string_is_a_list_of_ids() -> None:
    gateway = FakeGateway({"itemcats_get_response": {}})
    top_client(gateway).itemcats.get(cids="50000436, 50011167")
    assert gateway.form == {"cids": "50000436,50011167"}


def test_itemcats_cids_official_example_with_a_trailing_comma_is_accepted() -> None:
    gateway = FakeGateway({"itemcats_get_response": {}})
    top_client(gateway).itemcats.get(cids="18957,19562,")
    assert gateway.form == {"cids": "18957,19562"}


@pytest.mark.parametrize("cids", ["5000a436", "1,,2", ",", ""])
def test_itemcats_cids_string_that_is_not_ids_is_refused(cids: str) -> None:
    gateway = FakeGateway()
    with pytest.raises(ValidationError) as caught:
        top_client(gateway).itemcats.get(cids=cids)
    assert caught.value.param.startswith("cids")
    assert gateway.requests == []
