from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_item_response import GetItemResponse
from ...models.item_resource import ItemResource
from ...models.language import Language
from ...models.problem import Problem
from ...types import UNSET, Response, Unset, json_of


def _get_kwargs(
    *,
    item_resource: ItemResource,
    item_id: int,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_item_resource: str = item_resource
    params["item_resource"] = json_item_resource

    params["item_id"] = item_id

    json_include_tags: list[str] | Unset = UNSET
    if not isinstance(include_tags, Unset):
        json_include_tags = include_tags

    params["include_tags"] = json_include_tags

    json_language: str | Unset = UNSET
    if not isinstance(language, Unset):
        json_language = language

    params["language"] = json_language

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/taobao-global/traffic/item/get",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetItemResponse | Problem | None:
    if response.status_code == 200:
        response_200 = GetItemResponse.from_dict(json_of(response))

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
) -> Response[Any | GetItemResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_resource: ItemResource,
    item_id: int,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Response[Any | GetItemResponse | Problem]:
    """Get Taobao/Tmall item detail

     获取淘宝/天猫商品详情接口 — the detail of one Taobao/Tmall item: title, pictures, shop, prices (fen),
    properties, SKUs, promotions and the translated texts when `language` is given.

    The item id is a Taobao id, not the `mpId` needed for ordering: call getProduct (撞库) for that.

    x-source inferred: the GET method is documented; the path mirrors the upstream `/traffic/item/get`,
    the parameters are the upstream ones, and the response fields are camelCase renames of the upstream
    fields following the image-search renames (`item_id` → `tbItemId`, …).

    Args:
        item_resource (ItemResource): The item source of item detail; `taobao` covers Taobao and
            Tmall.
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetItemResponse | Problem]
    """

    kwargs = _get_kwargs(
        item_resource=item_resource,
        item_id=item_id,
        include_tags=include_tags,
        language=language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    item_resource: ItemResource,
    item_id: int,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Any | GetItemResponse | Problem | None:
    """Get Taobao/Tmall item detail

     获取淘宝/天猫商品详情接口 — the detail of one Taobao/Tmall item: title, pictures, shop, prices (fen),
    properties, SKUs, promotions and the translated texts when `language` is given.

    The item id is a Taobao id, not the `mpId` needed for ordering: call getProduct (撞库) for that.

    x-source inferred: the GET method is documented; the path mirrors the upstream `/traffic/item/get`,
    the parameters are the upstream ones, and the response fields are camelCase renames of the upstream
    fields following the image-search renames (`item_id` → `tbItemId`, …).

    Args:
        item_resource (ItemResource): The item source of item detail; `taobao` covers Taobao and
            Tmall.
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetItemResponse | Problem
    """

    return sync_detailed(
        client=client,
        item_resource=item_resource,
        item_id=item_id,
        include_tags=include_tags,
        language=language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_resource: ItemResource,
    item_id: int,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Response[Any | GetItemResponse | Problem]:
    """Get Taobao/Tmall item detail

     获取淘宝/天猫商品详情接口 — the detail of one Taobao/Tmall item: title, pictures, shop, prices (fen),
    properties, SKUs, promotions and the translated texts when `language` is given.

    The item id is a Taobao id, not the `mpId` needed for ordering: call getProduct (撞库) for that.

    x-source inferred: the GET method is documented; the path mirrors the upstream `/traffic/item/get`,
    the parameters are the upstream ones, and the response fields are camelCase renames of the upstream
    fields following the image-search renames (`item_id` → `tbItemId`, …).

    Args:
        item_resource (ItemResource): The item source of item detail; `taobao` covers Taobao and
            Tmall.
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetItemResponse | Problem]
    """

    kwargs = _get_kwargs(
        item_resource=item_resource,
        item_id=item_id,
        include_tags=include_tags,
        language=language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    item_resource: ItemResource,
    item_id: int,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Any | GetItemResponse | Problem | None:
    """Get Taobao/Tmall item detail

     获取淘宝/天猫商品详情接口 — the detail of one Taobao/Tmall item: title, pictures, shop, prices (fen),
    properties, SKUs, promotions and the translated texts when `language` is given.

    The item id is a Taobao id, not the `mpId` needed for ordering: call getProduct (撞库) for that.

    x-source inferred: the GET method is documented; the path mirrors the upstream `/traffic/item/get`,
    the parameters are the upstream ones, and the response fields are camelCase renames of the upstream
    fields following the image-search renames (`item_id` → `tbItemId`, …).

    Args:
        item_resource (ItemResource): The item source of item detail; `taobao` covers Taobao and
            Tmall.
        item_id (int): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53: Python
            keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetItemResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            item_resource=item_resource,
            item_id=item_id,
            include_tags=include_tags,
            language=language,
        )
    ).parsed
