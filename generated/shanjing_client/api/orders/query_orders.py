from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order_status import OrderStatus
from ...models.problem import Problem
from ...models.query_orders_response import QueryOrdersResponse
from ...models.sort_type import SortType
from ...types import UNSET, Response, Unset, json_of


def _get_kwargs(
    *,
    purchase_ids: str | Unset = UNSET,
    outer_purchase_id: str | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    sort_type: SortType | Unset = UNSET,
    sort_field: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    modify_time_start: int | Unset = UNSET,
    modify_time_end: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["purchase_ids"] = purchase_ids

    params["outer_purchase_id"] = outer_purchase_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_sort_type: str | Unset = UNSET
    if not isinstance(sort_type, Unset):
        json_sort_type = sort_type

    params["sort_type"] = json_sort_type

    params["sort_field"] = sort_field

    params["page_no"] = page_no

    params["page_size"] = page_size

    params["modify_time_start"] = modify_time_start

    params["modify_time_end"] = modify_time_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/taobao-global/purchase/orders/query",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | QueryOrdersResponse | None:
    if response.status_code == 200:
        response_200 = QueryOrdersResponse.from_dict(json_of(response))

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(json_of(response))

        return response_401

    if response.status_code == 414:
        response_414 = cast(Any, None)
        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(json_of(response))

        return response_422

    if response.status_code == 431:
        response_431 = cast(Any, None)
        return response_431

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | QueryOrdersResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    purchase_ids: str | Unset = UNSET,
    outer_purchase_id: str | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    sort_type: SortType | Unset = UNSET,
    sort_field: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    modify_time_start: int | Unset = UNSET,
    modify_time_end: int | Unset = UNSET,
) -> Response[Any | Problem | QueryOrdersResponse]:
    """Query purchase orders

     淘宝/天猫查询订单接口 — query purchase orders by id, by the caller's `outer_purchase_id`, by status
    or by modification time, paged. Also the way to learn the outcome of a createOrder whose answer was
    lost, and the final status of an asynchronous cancel. Amounts are in fen.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/purchase/orders/query` (note the plural `orders`), the parameters are the upstream ones and the
    response `data` is the upstream page object `{results_total, page_no, page_size, purchase_orders}`.
    `purchase_ids` is one query value holding a JSON array (`purchase_ids=[1,2]`), as the upstream SDKs
    send it. No maximum `page_size` is published.

    Args:
        purchase_ids (str | Unset):
        outer_purchase_id (str | Unset):
        status (OrderStatus | Unset): A purchase-order status. `BULIDING` is the upstream's own
            misspelling of "BUILDING" and must be sent
            as is. Response `status` fields are plain strings (new values must not break parsing).
        sort_type (SortType | Unset): Sort direction of the order query.
        sort_field (str | Unset):
        page_no (int | Unset):
        page_size (int | Unset):
        modify_time_start (int | Unset): A time in epoch milliseconds.
        modify_time_end (int | Unset): A time in epoch milliseconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | QueryOrdersResponse]
    """

    kwargs = _get_kwargs(
        purchase_ids=purchase_ids,
        outer_purchase_id=outer_purchase_id,
        status=status,
        sort_type=sort_type,
        sort_field=sort_field,
        page_no=page_no,
        page_size=page_size,
        modify_time_start=modify_time_start,
        modify_time_end=modify_time_end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    purchase_ids: str | Unset = UNSET,
    outer_purchase_id: str | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    sort_type: SortType | Unset = UNSET,
    sort_field: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    modify_time_start: int | Unset = UNSET,
    modify_time_end: int | Unset = UNSET,
) -> Any | Problem | QueryOrdersResponse | None:
    """Query purchase orders

     淘宝/天猫查询订单接口 — query purchase orders by id, by the caller's `outer_purchase_id`, by status
    or by modification time, paged. Also the way to learn the outcome of a createOrder whose answer was
    lost, and the final status of an asynchronous cancel. Amounts are in fen.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/purchase/orders/query` (note the plural `orders`), the parameters are the upstream ones and the
    response `data` is the upstream page object `{results_total, page_no, page_size, purchase_orders}`.
    `purchase_ids` is one query value holding a JSON array (`purchase_ids=[1,2]`), as the upstream SDKs
    send it. No maximum `page_size` is published.

    Args:
        purchase_ids (str | Unset):
        outer_purchase_id (str | Unset):
        status (OrderStatus | Unset): A purchase-order status. `BULIDING` is the upstream's own
            misspelling of "BUILDING" and must be sent
            as is. Response `status` fields are plain strings (new values must not break parsing).
        sort_type (SortType | Unset): Sort direction of the order query.
        sort_field (str | Unset):
        page_no (int | Unset):
        page_size (int | Unset):
        modify_time_start (int | Unset): A time in epoch milliseconds.
        modify_time_end (int | Unset): A time in epoch milliseconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | QueryOrdersResponse
    """

    return sync_detailed(
        client=client,
        purchase_ids=purchase_ids,
        outer_purchase_id=outer_purchase_id,
        status=status,
        sort_type=sort_type,
        sort_field=sort_field,
        page_no=page_no,
        page_size=page_size,
        modify_time_start=modify_time_start,
        modify_time_end=modify_time_end,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    purchase_ids: str | Unset = UNSET,
    outer_purchase_id: str | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    sort_type: SortType | Unset = UNSET,
    sort_field: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    modify_time_start: int | Unset = UNSET,
    modify_time_end: int | Unset = UNSET,
) -> Response[Any | Problem | QueryOrdersResponse]:
    """Query purchase orders

     淘宝/天猫查询订单接口 — query purchase orders by id, by the caller's `outer_purchase_id`, by status
    or by modification time, paged. Also the way to learn the outcome of a createOrder whose answer was
    lost, and the final status of an asynchronous cancel. Amounts are in fen.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/purchase/orders/query` (note the plural `orders`), the parameters are the upstream ones and the
    response `data` is the upstream page object `{results_total, page_no, page_size, purchase_orders}`.
    `purchase_ids` is one query value holding a JSON array (`purchase_ids=[1,2]`), as the upstream SDKs
    send it. No maximum `page_size` is published.

    Args:
        purchase_ids (str | Unset):
        outer_purchase_id (str | Unset):
        status (OrderStatus | Unset): A purchase-order status. `BULIDING` is the upstream's own
            misspelling of "BUILDING" and must be sent
            as is. Response `status` fields are plain strings (new values must not break parsing).
        sort_type (SortType | Unset): Sort direction of the order query.
        sort_field (str | Unset):
        page_no (int | Unset):
        page_size (int | Unset):
        modify_time_start (int | Unset): A time in epoch milliseconds.
        modify_time_end (int | Unset): A time in epoch milliseconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | QueryOrdersResponse]
    """

    kwargs = _get_kwargs(
        purchase_ids=purchase_ids,
        outer_purchase_id=outer_purchase_id,
        status=status,
        sort_type=sort_type,
        sort_field=sort_field,
        page_no=page_no,
        page_size=page_size,
        modify_time_start=modify_time_start,
        modify_time_end=modify_time_end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    purchase_ids: str | Unset = UNSET,
    outer_purchase_id: str | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    sort_type: SortType | Unset = UNSET,
    sort_field: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    modify_time_start: int | Unset = UNSET,
    modify_time_end: int | Unset = UNSET,
) -> Any | Problem | QueryOrdersResponse | None:
    """Query purchase orders

     淘宝/天猫查询订单接口 — query purchase orders by id, by the caller's `outer_purchase_id`, by status
    or by modification time, paged. Also the way to learn the outcome of a createOrder whose answer was
    lost, and the final status of an asynchronous cancel. Amounts are in fen.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/purchase/orders/query` (note the plural `orders`), the parameters are the upstream ones and the
    response `data` is the upstream page object `{results_total, page_no, page_size, purchase_orders}`.
    `purchase_ids` is one query value holding a JSON array (`purchase_ids=[1,2]`), as the upstream SDKs
    send it. No maximum `page_size` is published.

    Args:
        purchase_ids (str | Unset):
        outer_purchase_id (str | Unset):
        status (OrderStatus | Unset): A purchase-order status. `BULIDING` is the upstream's own
            misspelling of "BUILDING" and must be sent
            as is. Response `status` fields are plain strings (new values must not break parsing).
        sort_type (SortType | Unset): Sort direction of the order query.
        sort_field (str | Unset):
        page_no (int | Unset):
        page_size (int | Unset):
        modify_time_start (int | Unset): A time in epoch milliseconds.
        modify_time_end (int | Unset): A time in epoch milliseconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | QueryOrdersResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            purchase_ids=purchase_ids,
            outer_purchase_id=outer_purchase_id,
            status=status,
            sort_type=sort_type,
            sort_field=sort_field,
            page_no=page_no,
            page_size=page_size,
            modify_time_start=modify_time_start,
            modify_time_end=modify_time_end,
        )
    ).parsed
