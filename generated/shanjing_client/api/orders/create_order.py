from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_body import BadRequestBody
from ...models.create_order_request import CreateOrderRequest
from ...models.create_order_response import CreateOrderResponse
from ...models.problem import Problem
from ...types import Response, json_of


def _get_kwargs(
    *,
    body: CreateOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/taobao-global/purchase/order/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestBody | CreateOrderResponse | Problem | None:
    if response.status_code == 200:
        response_200 = CreateOrderResponse.from_dict(json_of(response))

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
) -> Response[BadRequestBody | CreateOrderResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOrderRequest,
) -> Response[BadRequestBody | CreateOrderResponse | Problem]:
    """Create (place) an order

     淘宝/天猫正式创建订单接口 — place a purchase order. **This spends money.**

    `outer_purchase_id` is the caller's own order id and the **idempotency key**: never send the same
    order twice by accident. After a timeout or a dropped connection the outcome is unknown — query the
    order by `outer_purchase_id` (queryOrders) before any retry.

    `order_line_list` is **a string holding JSON**: a JSON-encoded array of OrderLine
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). `purchase_amount` is in fen (upstream).
    Which body fields are required is inferred from the upstream API (`outer_purchase_id`,
    `purchase_amount`, `order_line_list`, `receiver`); the response `data` uses the upstream snake_case
    names (inferred for Shanjing).

    Args:
        body (CreateOrderRequest): The JSON body of createOrder. The required list is inferred
            (see `x-required-source-note`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | CreateOrderResponse | Problem]
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
    body: CreateOrderRequest,
) -> BadRequestBody | CreateOrderResponse | Problem | None:
    """Create (place) an order

     淘宝/天猫正式创建订单接口 — place a purchase order. **This spends money.**

    `outer_purchase_id` is the caller's own order id and the **idempotency key**: never send the same
    order twice by accident. After a timeout or a dropped connection the outcome is unknown — query the
    order by `outer_purchase_id` (queryOrders) before any retry.

    `order_line_list` is **a string holding JSON**: a JSON-encoded array of OrderLine
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). `purchase_amount` is in fen (upstream).
    Which body fields are required is inferred from the upstream API (`outer_purchase_id`,
    `purchase_amount`, `order_line_list`, `receiver`); the response `data` uses the upstream snake_case
    names (inferred for Shanjing).

    Args:
        body (CreateOrderRequest): The JSON body of createOrder. The required list is inferred
            (see `x-required-source-note`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | CreateOrderResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOrderRequest,
) -> Response[BadRequestBody | CreateOrderResponse | Problem]:
    """Create (place) an order

     淘宝/天猫正式创建订单接口 — place a purchase order. **This spends money.**

    `outer_purchase_id` is the caller's own order id and the **idempotency key**: never send the same
    order twice by accident. After a timeout or a dropped connection the outcome is unknown — query the
    order by `outer_purchase_id` (queryOrders) before any retry.

    `order_line_list` is **a string holding JSON**: a JSON-encoded array of OrderLine
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). `purchase_amount` is in fen (upstream).
    Which body fields are required is inferred from the upstream API (`outer_purchase_id`,
    `purchase_amount`, `order_line_list`, `receiver`); the response `data` uses the upstream snake_case
    names (inferred for Shanjing).

    Args:
        body (CreateOrderRequest): The JSON body of createOrder. The required list is inferred
            (see `x-required-source-note`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | CreateOrderResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOrderRequest,
) -> BadRequestBody | CreateOrderResponse | Problem | None:
    """Create (place) an order

     淘宝/天猫正式创建订单接口 — place a purchase order. **This spends money.**

    `outer_purchase_id` is the caller's own order id and the **idempotency key**: never send the same
    order twice by accident. After a timeout or a dropped connection the outcome is unknown — query the
    order by `outer_purchase_id` (queryOrders) before any retry.

    `order_line_list` is **a string holding JSON**: a JSON-encoded array of OrderLine
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). `purchase_amount` is in fen (upstream).
    Which body fields are required is inferred from the upstream API (`outer_purchase_id`,
    `purchase_amount`, `order_line_list`, `receiver`); the response `data` uses the upstream snake_case
    names (inferred for Shanjing).

    Args:
        body (CreateOrderRequest): The JSON body of createOrder. The required list is inferred
            (see `x-required-source-note`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | CreateOrderResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
