"""One representative call of each API, on a sync or an async client: `items.get` and `products.search`.

For the cases that hold for any call of both APIs and both clients (`API_FLAVOURS`): a test plans the fault on
`route(api)`, then awaits `one_call(api, flavour, plan)` — a sync client simply runs inside the test's loop.
"""

from __future__ import annotations

from typing import Any

from tests.reliability.conftest import async_shanjing_client, async_top_client, shanjing_client, top_client, top_url
from tests.reliability.fault_server import Plan, Respond, json_answer
from tests.reliability.spec_examples import example

SJ_ITEM = "/rest/taobao-global/traffic/item/get"
TOP_SEARCH = "taobao.products.search"
SJ_OK = json_answer(example("shanjing", "getItem"))  # the representative calls' successful answers
TOP_OK = json_answer(example("top", "productsSearch"))
ITEM_ID = 689542173310
API_FLAVOURS = [("Shanjing", "sync"), ("Shanjing", "async"), ("TOP", "sync"), ("TOP", "async")]
IDS = [f"{api}-{flavour}" for api, flavour in API_FLAVOURS]


def route(api: str) -> str:
    return SJ_ITEM if api == "Shanjing" else TOP_SEARCH


def ok_answer(api: str) -> Respond:
    return SJ_OK if api == "Shanjing" else TOP_OK


def call_name(api: str, flavour: str) -> str:
    return f"{'items.get' if api == 'Shanjing' else 'products.search'} ({flavour})"


async def one_call(api: str, flavour: str, plan: Plan | str, **options: Any) -> Any:
    """The call's result; what it raises is raised."""
    url = plan.url if isinstance(plan, Plan) else plan
    if api == "Shanjing" and flavour == "sync":
        with shanjing_client(url, **options) as client:
            return client.items.get(ITEM_ID)
    if api == "Shanjing":
        async with async_shanjing_client(url, **options) as aclient:
            return await aclient.items.get(ITEM_ID)
    if flavour == "sync":
        with top_client(top_url(url), **options) as top:
            return top.products.search(fields=["product_id", "name"], q="优衣库")
    async with async_top_client(top_url(url), **options) as atop:
        return await atop.products.search(fields=["product_id", "name"], q="优衣库")
