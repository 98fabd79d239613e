"""The public surface users code against: docstrings on every call, models re-exported, a cheap import."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import tbapi
import tbapi.shanjing._resources as shanjing_resources
import tbapi.top._resources as top_resources
from tbapi.shanjing import AsyncShanjingClient, ShanjingClient
from tbapi.top import AsyncTopClient, TopClient

RESOURCE_CLASSES = [
    shanjing_resources.Auth,
    shanjing_resources.AsyncAuth,
    shanjing_resources.Items,
    shanjing_resources.AsyncItems,
    shanjing_resources.Images,
    shanjing_resources.AsyncImages,
    shanjing_resources.Products,
    shanjing_resources.AsyncProducts,
    shanjing_resources.Orders,
    shanjing_resources.AsyncOrders,
    top_resources.Products,
    top_resources.AsyncProducts,
    top_resources.Itemcats,
    top_resources.AsyncItemcats,
    top_resources.Itemprops,
    top_resources.AsyncItemprops,
    top_resources.Itempropvalues,
    top_resources.AsyncItempropvalues,
    ShanjingClient,
    AsyncShanjingClient,
    TopClient,
    AsyncTopClient,
]


def public_calls(cls: type) -> list[str]:
    return [
        name
        for name, member in inspect.getmembers(cls, callable)
        if not name.startswith("_") and not inspect.isclass(member)
    ]


@pytest.mark.parametrize("cls", RESOURCE_CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_public_call_has_a_docstring(cls: type) -> None:
    undocumented = [name for name in public_calls(cls) if not inspect.getdoc(getattr(cls, name))]
    assert (inspect.getdoc(cls) is not None, undocumented) == (True, [])


def test_the_models_users_need_are_in_tbapi_types() -> None:
    names = {"SearchItem", "ItemDetail", "Product", "PurchaseOrder", "Address", "RenderItem", "OrderLine"}
    top_names = {"TopProduct", "ItemCat", "ItemProp", "PropValue", "ProductsSearchResult"}
    assert names | top_names <= set(tbapi.types.__all__)


def test_importing_tbapi_loads_no_generated_package_and_no_cli() -> None:
    code = "import sys, tbapi; print(sorted(m for m in ('shanjing_client', 'taobao_top_client', 'click', 'yaml') if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30).stdout
    assert output.strip() == "[]"
