"""The public surface users code against: docstrings on every call, models re-exported, a cheap import."""

from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any

import pytest

import tbapi
from tbapi.shanjing import AsyncShanjingClient, ShanjingClient
from tbapi.top import AsyncTopClient, TopClient

SHANJING_RESOURCES = ["auth", "items", "images", "products", "orders"]
TOP_RESOURCES = ["products", "itemcats", "itemprops", "itempropvalues"]
CLIENTS: list[Any] = [
    ShanjingClient(access_token="tok-public-api"),
    AsyncShanjingClient(access_token="tok-public-api"),
    TopClient(app_key="key-public-api", app_secret="secret-public-api"),
    AsyncTopClient(app_key="key-public-api", app_secret="secret-public-api"),
]
# Every object users call methods on: the clients, their resources, and those of `with_raw_response`.
SURFACES = [
    *CLIENTS,
    *(
        getattr(owner, name)
        for client in CLIENTS
        for owner in (client, client.with_raw_response)
        for name in (SHANJING_RESOURCES if isinstance(client, ShanjingClient | AsyncShanjingClient) else TOP_RESOURCES)
    ),
    *(client.with_raw_response for client in CLIENTS),
]


def public_calls(obj: object) -> list[str]:
    return [
        name
        for name, member in inspect.getmembers(obj, callable)
        if not name.startswith("_") and not inspect.isclass(member)
    ]


@pytest.mark.parametrize("obj", SURFACES, ids=repr)
def test_every_public_call_has_a_docstring(obj: object) -> None:
    undocumented = [name for name in public_calls(obj) if not inspect.getdoc(getattr(obj, name))]
    assert inspect.getdoc(obj) is not None
    assert undocumented == []


def test_the_models_users_need_are_in_tbapi_types() -> None:
    names = {"SearchItem", "ItemDetail", "Product", "PurchaseOrder", "Address", "RenderItem", "OrderLine"}
    top_names = {"TopProduct", "ItemCat", "ItemProp", "PropValue", "ProductsSearchResult"}
    assert names | top_names <= set(tbapi.types.__all__)


def test_importing_tbapi_loads_no_generated_package_and_no_cli() -> None:
    code = "import sys, tbapi; print(sorted(m for m in sys.modules if m.startswith(('tbapi._generated', 'click', 'yaml'))))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30).stdout
    assert output.strip() == "[]"


def test_importing_a_small_module_of_tbapi_shanjing_loads_no_client() -> None:
    code = "import sys, tbapi.shanjing._changes; print(sorted(m for m in sys.modules if m.startswith(('tbapi._generated', 'tbapi.shanjing._client'))))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30).stdout
    assert output.strip() == "[]"
