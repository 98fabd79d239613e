from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_body import BadRequestBody
from ...models.cancel_order_request import CancelOrderRequest
from ...models.cancel_order_response import CancelOrderResponse
from ...models.problem import Problem
from ...types import Response, json_of


def _get_kwargs(
    *,
    body: CancelOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/taobao-global/purchase/order/asyn/cancel",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestBody | CancelOrderResponse | Problem | None:
    if response.status_code == 200:
        response_200 = CancelOrderResponse.from_dict(json_of(response))

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestBody.from_dict(json_of(response))

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(json_of(response))

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(json_of(response))

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BadRequestBody | CancelOrderResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CancelOrderRequest,
) -> Response[BadRequestBody | CancelOrderResponse | Problem]:
    """Cancel an order (asynchronous)

     淘宝/天猫取消订单接口 — ask to cancel a purchase order, or some of its sub-orders. The cancellation is
    **asynchronous** (note `asyn` in the path): success only means the request was accepted; poll
    queryOrders for the final status (`TRADE_CLOSED`).

    `sub_purchase_orderId_list` (sic casing) empty or absent cancels the whole order; `purchase_id` and
    `cancel_reason` are required (the cancel page).
    The shape of `data` in the response is not documented (inferred: absent, null or a small object).

    Args:
        body (CancelOrderRequest): The JSON body of cancelOrder. The published example sends the
            ids as **strings**:
            `{"purchase_id":"436353536","sub_purchase_orderId_list":["657574757"],"cancel_reason":"不想采
            购了","cancel_remark":"不想要了,mark一下"}`
            (the upstream Go SDK too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | CancelOrderResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CancelOrderRequest,
) -> BadRequestBody | CancelOrderResponse | Problem | None:
    """Cancel an order (asynchronous)

     淘宝/天猫取消订单接口 — ask to cancel a purchase order, or some of its sub-orders. The cancellation is
    **asynchronous** (note `asyn` in the path): success only means the request was accepted; poll
    queryOrders for the final status (`TRADE_CLOSED`).

    `sub_purchase_orderId_list` (sic casing) empty or absent cancels the whole order; `purchase_id` and
    `cancel_reason` are required (the cancel page).
    The shape of `data` in the response is not documented (inferred: absent, null or a small object).

    Args:
        body (CancelOrderRequest): The JSON body of cancelOrder. The published example sends the
            ids as **strings**:
            `{"purchase_id":"436353536","sub_purchase_orderId_list":["657574757"],"cancel_reason":"不想采
            购了","cancel_remark":"不想要了,mark一下"}`
            (the upstream Go SDK too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | CancelOrderResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CancelOrderRequest,
) -> Response[BadRequestBody | CancelOrderResponse | Problem]:
    """Cancel an order (asynchronous)

     淘宝/天猫取消订单接口 — ask to cancel a purchase order, or some of its sub-orders. The cancellation is
    **asynchronous** (note `asyn` in the path): success only means the request was accepted; poll
    queryOrders for the final status (`TRADE_CLOSED`).

    `sub_purchase_orderId_list` (sic casing) empty or absent cancels the whole order; `purchase_id` and
    `cancel_reason` are required (the cancel page).
    The shape of `data` in the response is not documented (inferred: absent, null or a small object).

    Args:
        body (CancelOrderRequest): The JSON body of cancelOrder. The published example sends the
            ids as **strings**:
            `{"purchase_id":"436353536","sub_purchase_orderId_list":["657574757"],"cancel_reason":"不想采
            购了","cancel_remark":"不想要了,mark一下"}`
            (the upstream Go SDK too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | CancelOrderResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CancelOrderRequest,
) -> BadRequestBody | CancelOrderResponse | Problem | None:
    """Cancel an order (asynchronous)

     淘宝/天猫取消订单接口 — ask to cancel a purchase order, or some of its sub-orders. The cancellation is
    **asynchronous** (note `asyn` in the path): success only means the request was accepted; poll
    queryOrders for the final status (`TRADE_CLOSED`).

    `sub_purchase_orderId_list` (sic casing) empty or absent cancels the whole order; `purchase_id` and
    `cancel_reason` are required (the cancel page).
    The shape of `data` in the response is not documented (inferred: absent, null or a small object).

    Args:
        body (CancelOrderRequest): The JSON body of cancelOrder. The published example sends the
            ids as **strings**:
            `{"purchase_id":"436353536","sub_purchase_orderId_list":["657574757"],"cancel_reason":"不想采
            购了","cancel_remark":"不想要了,mark一下"}`
            (the upstream Go SDK too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | CancelOrderResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
