from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_body import BadRequestBody
from ...models.problem import Problem
from ...models.render_order_request import RenderOrderRequest
from ...models.render_order_response import RenderOrderResponse
from ...types import Response, json_of


def _get_kwargs(
    *,
    body: RenderOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/taobao-global/purchase/order/render",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestBody | Problem | RenderOrderResponse | None:
    if response.status_code == 200:
        response_200 = RenderOrderResponse.from_dict(json_of(response))

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
) -> Response[BadRequestBody | Problem | RenderOrderResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RenderOrderRequest,
) -> Response[BadRequestBody | Problem | RenderOrderResponse]:
    """Pre-create (render) an order

     淘宝/天猫预创建订单接口 — before creating an order, check which items can or cannot be bought and get
    the accurate price and the China-mainland shipping fee (the render page, in the reference notes'
    words).

    `render_item_List` (sic casing) is **a string holding JSON**: a JSON-encoded array of RenderItem
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). The response `data` fields are the
    upstream snake_case names (inferred for Shanjing). `render_item_List` and `receiver_address` are
    required upstream.

    Args:
        body (RenderOrderRequest): The JSON body of renderOrder.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | Problem | RenderOrderResponse]
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
    body: RenderOrderRequest,
) -> BadRequestBody | Problem | RenderOrderResponse | None:
    """Pre-create (render) an order

     淘宝/天猫预创建订单接口 — before creating an order, check which items can or cannot be bought and get
    the accurate price and the China-mainland shipping fee (the render page, in the reference notes'
    words).

    `render_item_List` (sic casing) is **a string holding JSON**: a JSON-encoded array of RenderItem
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). The response `data` fields are the
    upstream snake_case names (inferred for Shanjing). `render_item_List` and `receiver_address` are
    required upstream.

    Args:
        body (RenderOrderRequest): The JSON body of renderOrder.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | Problem | RenderOrderResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RenderOrderRequest,
) -> Response[BadRequestBody | Problem | RenderOrderResponse]:
    """Pre-create (render) an order

     淘宝/天猫预创建订单接口 — before creating an order, check which items can or cannot be bought and get
    the accurate price and the China-mainland shipping fee (the render page, in the reference notes'
    words).

    `render_item_List` (sic casing) is **a string holding JSON**: a JSON-encoded array of RenderItem
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). The response `data` fields are the
    upstream snake_case names (inferred for Shanjing). `render_item_List` and `receiver_address` are
    required upstream.

    Args:
        body (RenderOrderRequest): The JSON body of renderOrder.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | Problem | RenderOrderResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RenderOrderRequest,
) -> BadRequestBody | Problem | RenderOrderResponse | None:
    """Pre-create (render) an order

     淘宝/天猫预创建订单接口 — before creating an order, check which items can or cannot be bought and get
    the accurate price and the China-mainland shipping fee (the render page, in the reference notes'
    words).

    `render_item_List` (sic casing) is **a string holding JSON**: a JSON-encoded array of RenderItem
    (`itemId` = the 撞库 `mpId`, `skuId` = the 撞库 `mpSkuId`). The response `data` fields are the
    upstream snake_case names (inferred for Shanjing). `render_item_List` and `receiver_address` are
    required upstream.

    Args:
        body (RenderOrderRequest): The JSON body of renderOrder.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | Problem | RenderOrderResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
