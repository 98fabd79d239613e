"""The order the reliability suite places, and the fault server's routes and answers around it.

The answers are the spec's examples, which share one `outer_purchase_id` (`OUTER_ID`) and one `purchase_id`.
"""

from __future__ import annotations

from typing import Any

from tests.order_data import LINE, RECEIVER
from tests.reliability.fault_server import Plan, json_answer
from tests.reliability.spec_examples import example

CREATE = "/rest/taobao-global/purchase/order/create"
QUERY = "/rest/taobao-global/purchase/orders/query"
CANCEL = "/rest/taobao-global/purchase/order/asyn/cancel"
OUTER_ID = example("shanjing", "createOrder")["data"]["outer_purchase_id"]
PURCHASE_ID = example("shanjing", "queryOrders")["data"]["purchase_orders"][0]["purchase_id"]
CREATED = json_answer(example("shanjing", "createOrder"))
FOUND = json_answer(example("shanjing", "queryOrders"))
NOT_FOUND = json_answer(example("shanjing", "queryOrders", "notFound"))
DUPLICATE = json_answer(example("shanjing", "createOrder", "duplicateOrder"))
CANCELLED = json_answer(example("shanjing", "cancelOrder"))
ROUTE_NAMES = {CREATE: "create", QUERY: "query", CANCEL: "cancel"}


def create(client: Any) -> Any:
    """`orders.create` of the suite's order on a Shanjing client of either flavour (awaitable on an async one)."""
    return client.orders.create(outer_purchase_id=OUTER_ID, purchase_amount=7980, order_lines=[LINE], receiver=RECEIVER)


def routes(plan: Plan) -> str:
    """The requests that reached the server, in order: `create → query → create`."""
    return " → ".join(ROUTE_NAMES.get(h.route, h.route) for h in plan.hits)
