from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response_envelope import ErrorResponseEnvelope
from ...models.itemcats_get_request import ItemcatsGetRequest
from ...models.itemcats_get_response_envelope import ItemcatsGetResponseEnvelope
from ...models.problem import Problem
from ...types import UNSET, Response, Unset, json_of


def _get_kwargs(
    *,
    body: ItemcatsGetRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/taobao.itemcats.get",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorResponseEnvelope | ItemcatsGetResponseEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ItemcatsGetResponseEnvelope.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ErrorResponseEnvelope.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(json_of(response))

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(json_of(response))

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ItemcatsGetRequest | Unset = UNSET,
) -> Response[ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem]:
    """Get standard item categories (获取后台供卖家发布商品的标准商品类目)

     获取后台供卖家发布商品的标准商品类目 — returns standard categories, either those listed in `cids`
    or the children of `parent_cid` (`0` = the root categories). Give one of `cids` / `parent_cid`.
    Use it to find the `cid` for `taobao.products.search` and `taobao.itemprops.get`.

    Args:
        body (ItemcatsGetRequest | Unset): Business parameters of `taobao.itemcats.get`, sent as
            the form body. Give `cids` or `parent_cid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem]
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
    body: ItemcatsGetRequest | Unset = UNSET,
) -> ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem | None:
    """Get standard item categories (获取后台供卖家发布商品的标准商品类目)

     获取后台供卖家发布商品的标准商品类目 — returns standard categories, either those listed in `cids`
    or the children of `parent_cid` (`0` = the root categories). Give one of `cids` / `parent_cid`.
    Use it to find the `cid` for `taobao.products.search` and `taobao.itemprops.get`.

    Args:
        body (ItemcatsGetRequest | Unset): Business parameters of `taobao.itemcats.get`, sent as
            the form body. Give `cids` or `parent_cid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ItemcatsGetRequest | Unset = UNSET,
) -> Response[ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem]:
    """Get standard item categories (获取后台供卖家发布商品的标准商品类目)

     获取后台供卖家发布商品的标准商品类目 — returns standard categories, either those listed in `cids`
    or the children of `parent_cid` (`0` = the root categories). Give one of `cids` / `parent_cid`.
    Use it to find the `cid` for `taobao.products.search` and `taobao.itemprops.get`.

    Args:
        body (ItemcatsGetRequest | Unset): Business parameters of `taobao.itemcats.get`, sent as
            the form body. Give `cids` or `parent_cid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ItemcatsGetRequest | Unset = UNSET,
) -> ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem | None:
    """Get standard item categories (获取后台供卖家发布商品的标准商品类目)

     获取后台供卖家发布商品的标准商品类目 — returns standard categories, either those listed in `cids`
    or the children of `parent_cid` (`0` = the root categories). Give one of `cids` / `parent_cid`.
    Use it to find the `cid` for `taobao.products.search` and `taobao.itemprops.get`.

    Args:
        body (ItemcatsGetRequest | Unset): Business parameters of `taobao.itemcats.get`, sent as
            the form body. Give `cids` or `parent_cid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseEnvelope | ItemcatsGetResponseEnvelope | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
