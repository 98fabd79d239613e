from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response_envelope import ErrorResponseEnvelope
from ...models.itempropvalues_get_request import ItempropvaluesGetRequest
from ...models.itempropvalues_get_response_envelope import ItempropvaluesGetResponseEnvelope
from ...models.problem import Problem
from ...types import Response, json_of


def _get_kwargs(
    *,
    body: ItempropvaluesGetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/taobao.itempropvalues.get",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ItempropvaluesGetResponseEnvelope.from_dict(data)

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
) -> Response[ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ItempropvaluesGetRequest,
) -> Response[ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem]:
    """Get the values of category properties (获取标准类目属性值)

     获取标准类目属性值 — returns the values (vid, name, alias …) of the properties of the category
    `cid`, optionally only those named in `pvs`. Combine a `pid` with a `vid` to build
    `props` (`pid:vid;pid:vid`) for `taobao.products.search`.

    Args:
        body (ItempropvaluesGetRequest): Business parameters of `taobao.itempropvalues.get`, sent
            as the form body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem]
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
    body: ItempropvaluesGetRequest,
) -> ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem | None:
    """Get the values of category properties (获取标准类目属性值)

     获取标准类目属性值 — returns the values (vid, name, alias …) of the properties of the category
    `cid`, optionally only those named in `pvs`. Combine a `pid` with a `vid` to build
    `props` (`pid:vid;pid:vid`) for `taobao.products.search`.

    Args:
        body (ItempropvaluesGetRequest): Business parameters of `taobao.itempropvalues.get`, sent
            as the form body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ItempropvaluesGetRequest,
) -> Response[ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem]:
    """Get the values of category properties (获取标准类目属性值)

     获取标准类目属性值 — returns the values (vid, name, alias …) of the properties of the category
    `cid`, optionally only those named in `pvs`. Combine a `pid` with a `vid` to build
    `props` (`pid:vid;pid:vid`) for `taobao.products.search`.

    Args:
        body (ItempropvaluesGetRequest): Business parameters of `taobao.itempropvalues.get`, sent
            as the form body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ItempropvaluesGetRequest,
) -> ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem | None:
    """Get the values of category properties (获取标准类目属性值)

     获取标准类目属性值 — returns the values (vid, name, alias …) of the properties of the category
    `cid`, optionally only those named in `pvs`. Combine a `pid` with a `vid` to build
    `props` (`pid:vid;pid:vid`) for `taobao.products.search`.

    Args:
        body (ItempropvaluesGetRequest): Business parameters of `taobao.itempropvalues.get`, sent
            as the form body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseEnvelope | ItempropvaluesGetResponseEnvelope | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
