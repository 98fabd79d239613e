from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_product_response import GetProductResponse
from ...models.item_source_market import ItemSourceMarket
from ...models.problem import Problem
from ...types import UNSET, Response, Unset, json_of


def _get_kwargs(
    *,
    item_id: int,
    item_source_market: ItemSourceMarket | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["item_id"] = item_id

    json_item_source_market: str | Unset = UNSET
    if not isinstance(item_source_market, Unset):
        json_item_source_market = item_source_market

    params["item_source_market"] = json_item_source_market

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/taobao-global/product/get",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetProductResponse | Problem | None:
    if response.status_code == 200:
        response_200 = GetProductResponse.from_dict(json_of(response))

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
) -> Response[Any | GetProductResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_id: int,
    item_source_market: ItemSourceMarket | Unset = UNSET,
) -> Response[Any | GetProductResponse | Problem]:
    """Map a Taobao item to its orderable ids (撞库)

     淘宝/天猫撞库接口 — call before order preview (renderOrder) and order creation (createOrder) to obtain
    the item's `mpId` and each SKU's `mpSkuId` (the 撞库 page, in the reference notes' words).
    Prices are integers in fen.

    The fields after `itemId` in `data` come from a sibling wrapper of the same upstream API, and
    `item_id` being required is upstream behaviour.

    Args:
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        item_source_market (ItemSourceMarket | Unset): The market of an item id for 撞库:
            `CBU_MARKET` = 1688 (in the 撞库 page's request example). Omit it
            for Taobao/Tmall (the upstream default); no other value is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetProductResponse | Problem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        item_source_market=item_source_market,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    item_id: int,
    item_source_market: ItemSourceMarket | Unset = UNSET,
) -> Any | GetProductResponse | Problem | None:
    """Map a Taobao item to its orderable ids (撞库)

     淘宝/天猫撞库接口 — call before order preview (renderOrder) and order creation (createOrder) to obtain
    the item's `mpId` and each SKU's `mpSkuId` (the 撞库 page, in the reference notes' words).
    Prices are integers in fen.

    The fields after `itemId` in `data` come from a sibling wrapper of the same upstream API, and
    `item_id` being required is upstream behaviour.

    Args:
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        item_source_market (ItemSourceMarket | Unset): The market of an item id for 撞库:
            `CBU_MARKET` = 1688 (in the 撞库 page's request example). Omit it
            for Taobao/Tmall (the upstream default); no other value is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetProductResponse | Problem
    """

    return sync_detailed(
        client=client,
        item_id=item_id,
        item_source_market=item_source_market,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_id: int,
    item_source_market: ItemSourceMarket | Unset = UNSET,
) -> Response[Any | GetProductResponse | Problem]:
    """Map a Taobao item to its orderable ids (撞库)

     淘宝/天猫撞库接口 — call before order preview (renderOrder) and order creation (createOrder) to obtain
    the item's `mpId` and each SKU's `mpSkuId` (the 撞库 page, in the reference notes' words).
    Prices are integers in fen.

    The fields after `itemId` in `data` come from a sibling wrapper of the same upstream API, and
    `item_id` being required is upstream behaviour.

    Args:
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        item_source_market (ItemSourceMarket | Unset): The market of an item id for 撞库:
            `CBU_MARKET` = 1688 (in the 撞库 page's request example). Omit it
            for Taobao/Tmall (the upstream default); no other value is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetProductResponse | Problem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        item_source_market=item_source_market,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    item_id: int,
    item_source_market: ItemSourceMarket | Unset = UNSET,
) -> Any | GetProductResponse | Problem | None:
    """Map a Taobao item to its orderable ids (撞库)

     淘宝/天猫撞库接口 — call before order preview (renderOrder) and order creation (createOrder) to obtain
    the item's `mpId` and each SKU's `mpSkuId` (the 撞库 page, in the reference notes' words).
    Prices are integers in fen.

    The fields after `itemId` in `data` come from a sibling wrapper of the same upstream API, and
    `item_id` being required is upstream behaviour.

    Args:
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        item_source_market (ItemSourceMarket | Unset): The market of an item id for 撞库:
            `CBU_MARKET` = 1688 (in the 撞库 page's request example). Omit it
            for Taobao/Tmall (the upstream default); no other value is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetProductResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            item_id=item_id,
            item_source_market=item_source_market,
        )
    ).parsed
