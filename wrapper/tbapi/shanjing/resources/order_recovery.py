"""orders.create, never sent twice by accident: when its outcome is unknown, the order is looked up by its
`outer_purchase_id` before anything is sent again."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from tbapi._generated.shanjing_client.api.orders import create_order
from tbapi._generated.shanjing_client.models.create_order_request import CreateOrderRequest
from tbapi._generated.shanjing_client.models.create_order_result import CreateOrderResult
from tbapi._generated.shanjing_client.models.created_order import CreatedOrder
from tbapi._generated.shanjing_client.models.created_order_line import CreatedOrderLine
from tbapi._generated.shanjing_client.models.purchase_order import PurchaseOrder

from ..._engine.calls import send
from ..._engine.flow import Flow
from ..._engine.retry import Recovered, retrying
from ..._exceptions import (
    APIConnectionError,
    OrderOutcomeUnknown,
    ResponseError,
    ServerError,
    TbapiError,
)
from ..._logs import logger
from .._core import Core, authorized
from .._envelope import is_duplicate_order, unwrap_data
from .base import Page


def _outcome_unknown(error: TbapiError) -> bool:
    """Did the create perhaps reach the service? (A connection that never opened did not; an answer that
    could not be read — truncated, not JSON, the wrong shape — came after the service acted.)"""
    if isinstance(error, APIConnectionError):
        return error.request_sent
    return isinstance(error, ServerError | ResponseError)


LookUp = Callable[[str], Flow[Page[PurchaseOrder]]]
"""The orders placed under an `outer_purchase_id`: the `orders.query` flow of the resource that creates."""


def create_once(core: Core, body: CreateOrderRequest, look_up: LookUp) -> Flow[CreateOrderResult]:
    """One create through the one retry loop, with `_CreateOutcome.recover` as its recover hook: a refused
    token is refreshed and replayed (it was not placed), an unknown outcome is queried before anything else."""
    what = "orders.create"
    outcome = _CreateOutcome(look_up, body.outer_purchase_id)

    def attempt() -> Flow[CreateOrderResult]:
        response = yield from authorized(core, lambda: send(core.api, create_order, {"body": body}, what))
        return unwrap_data(response, CreateOrderResult, what)

    policy = core.options.retry_policy
    return (yield from retrying(attempt, policy, idempotent=False, what=what, recover=outcome.recover))


@attrs.define
class _CreateOutcome:
    """What the attempts of one create have learnt: `maybe_placed` once an attempt's outcome was unknown."""

    look_up: LookUp
    outer_purchase_id: str
    maybe_placed: bool = False

    def recover(self, error: TbapiError) -> Flow[Recovered[CreateOrderResult] | bool]:
        """After a failed create: the existing order (`Recovered`), or whether sending again is safe.

        Raises `OrderOutcomeUnknown` when whether the order exists cannot be learnt.
        """
        outer_id = self.outer_purchase_id
        if self.maybe_placed and is_duplicate_order(error):
            # An earlier attempt placed it after all, and the query that followed it lagged behind.
            logger.info("orders.create: the resend of %s was refused as a duplicate; querying it again", outer_id)
            existing = yield from _find_created(self.look_up, outer_id, error)
            if existing is None:
                raise OrderOutcomeUnknown(outer_id, error, "the service says it exists, but no query finds it yet")
            return Recovered(existing)
        if not _outcome_unknown(error):
            return False  # it provably failed: retried only when the policy allows a non-idempotent call
        self.maybe_placed = True
        logger.warning(
            "orders.create outcome unknown for outer_purchase_id=%s (%s); querying it before anything else",
            outer_id,
            type(error).__name__,
        )
        existing = yield from _find_created(self.look_up, outer_id, error)
        if existing is not None:
            logger.info("orders.create: the order %s exists; not sending it again", outer_id)
            return Recovered(existing)
        return True  # proven absent: sending again cannot make a second order


def _find_created(look_up: LookUp, outer_purchase_id: str, cause: TbapiError) -> Flow[CreateOrderResult | None]:
    """The order placed under `outer_purchase_id` as a create result, None when it provably does not exist.

    Raises `OrderOutcomeUnknown` (wrapping `cause`) when the query fails or cannot prove anything.
    """
    try:
        page = yield from look_up(outer_purchase_id)
    except TbapiError as query_error:
        logger.warning("orders.create: the query for %s failed too (%s)", outer_purchase_id, query_error)
        raise OrderOutcomeUnknown(outer_purchase_id, cause, "the query by outer_purchase_id failed too") from cause
    unknown = [o for o in page.items if o.outer_purchase_id is None]
    mine = [o for o in page.items if o.outer_purchase_id == outer_purchase_id]
    if mine:
        return created_result_from(outer_purchase_id, mine)
    if unknown:
        logger.warning("orders.create: the query answer does not say which order is %s", outer_purchase_id)
        raise OrderOutcomeUnknown(outer_purchase_id, cause, "the query answer does not say which order is which")
    return None


def created_result_from(outer_purchase_id: str, orders: list[PurchaseOrder]) -> CreateOrderResult:
    """The create result for orders found by `orders.query` (no `payment_url`: the query does not give it)."""
    return CreateOrderResult(
        outer_purchase_id=outer_purchase_id,
        order_list=[
            CreatedOrder(
                purchase_id=order.purchase_id,
                estimate_amount=order.purchase_amount,
                order_line_list=[
                    CreatedOrderLine(
                        item_id=sub.item_id,
                        sku_id=sub.sku_id,
                        quantity=sub.quantity,
                        sub_purchase_order_id=sub.sub_purchase_order_id,
                    )
                    for sub in (order.sub_purchase_orders or [])
                ],
            )
            for order in orders
        ],
    )
