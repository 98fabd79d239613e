from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response_envelope import ErrorResponseEnvelope
from ...models.problem import Problem
from ...models.products_search_request import ProductsSearchRequest
from ...models.products_search_response_envelope import ProductsSearchResponseEnvelope
from ...types import Response, json_of


def _get_kwargs(
    *,
    body: ProductsSearchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/taobao.products.search",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorResponseEnvelope | ProductsSearchResponseEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ProductsSearchResponseEnvelope.from_dict(data)

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
) -> Response[ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProductsSearchRequest,
) -> Response[ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem]:
    """Search the product library (搜索产品信息)

     搜索产品信息 — searches the standard product (SPU) library. It is only needed when Tmall merchants
    publish items; it is **not** an item search API (TOP offers none).

    Two ways to search, at least one of them must be used: a keyword `q` (matched against the product
    title), or a category `cid` and/or key properties `props`. **At least one of `q`, `cid`, `props` is
    required** — otherwise the service answers `isv.missing-parameter:q-or-cid-or-props`. The SDK
    wrapper checks this before sending. The spec does not express it (an `anyOf` of `required` lists
    would turn the generated body model into `Any`), so the mock accepts such a request.

    When `cid` is a category of a vertical market (3C, shoes) only staff-confirmed products are
    returned by default; otherwise merchant-confirmed and staff-confirmed ones. An explicit `status`
    overrides both defaults. Searching by `suite_items_str` finds suite (套装) products and adds the
    fields `suite_items_str` and `is_suite_effective` to the result (the doc's change note spells the
    latter `is_suite_effecitve`; the official SDKs' Product structure names it `is_suite_effective`).

    The examples named `published` are the doc page's own response and exception examples (its XML
    examples in TOP's JSON form; the page's JSON tab was not captured).

    Whether a user `session` is required is not documented: the SDK sends it when it has one.

    Args:
        body (ProductsSearchRequest): Business parameters of `taobao.products.search`, sent as the
            form body. At least one of `q`,
            `cid`, `props` must be given (checked by the SDK wrapper; the service answers
            `isv.missing-parameter:q-or-cid-or-props`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem]
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
    body: ProductsSearchRequest,
) -> ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem | None:
    """Search the product library (搜索产品信息)

     搜索产品信息 — searches the standard product (SPU) library. It is only needed when Tmall merchants
    publish items; it is **not** an item search API (TOP offers none).

    Two ways to search, at least one of them must be used: a keyword `q` (matched against the product
    title), or a category `cid` and/or key properties `props`. **At least one of `q`, `cid`, `props` is
    required** — otherwise the service answers `isv.missing-parameter:q-or-cid-or-props`. The SDK
    wrapper checks this before sending. The spec does not express it (an `anyOf` of `required` lists
    would turn the generated body model into `Any`), so the mock accepts such a request.

    When `cid` is a category of a vertical market (3C, shoes) only staff-confirmed products are
    returned by default; otherwise merchant-confirmed and staff-confirmed ones. An explicit `status`
    overrides both defaults. Searching by `suite_items_str` finds suite (套装) products and adds the
    fields `suite_items_str` and `is_suite_effective` to the result (the doc's change note spells the
    latter `is_suite_effecitve`; the official SDKs' Product structure names it `is_suite_effective`).

    The examples named `published` are the doc page's own response and exception examples (its XML
    examples in TOP's JSON form; the page's JSON tab was not captured).

    Whether a user `session` is required is not documented: the SDK sends it when it has one.

    Args:
        body (ProductsSearchRequest): Business parameters of `taobao.products.search`, sent as the
            form body. At least one of `q`,
            `cid`, `props` must be given (checked by the SDK wrapper; the service answers
            `isv.missing-parameter:q-or-cid-or-props`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProductsSearchRequest,
) -> Response[ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem]:
    """Search the product library (搜索产品信息)

     搜索产品信息 — searches the standard product (SPU) library. It is only needed when Tmall merchants
    publish items; it is **not** an item search API (TOP offers none).

    Two ways to search, at least one of them must be used: a keyword `q` (matched against the product
    title), or a category `cid` and/or key properties `props`. **At least one of `q`, `cid`, `props` is
    required** — otherwise the service answers `isv.missing-parameter:q-or-cid-or-props`. The SDK
    wrapper checks this before sending. The spec does not express it (an `anyOf` of `required` lists
    would turn the generated body model into `Any`), so the mock accepts such a request.

    When `cid` is a category of a vertical market (3C, shoes) only staff-confirmed products are
    returned by default; otherwise merchant-confirmed and staff-confirmed ones. An explicit `status`
    overrides both defaults. Searching by `suite_items_str` finds suite (套装) products and adds the
    fields `suite_items_str` and `is_suite_effective` to the result (the doc's change note spells the
    latter `is_suite_effecitve`; the official SDKs' Product structure names it `is_suite_effective`).

    The examples named `published` are the doc page's own response and exception examples (its XML
    examples in TOP's JSON form; the page's JSON tab was not captured).

    Whether a user `session` is required is not documented: the SDK sends it when it has one.

    Args:
        body (ProductsSearchRequest): Business parameters of `taobao.products.search`, sent as the
            form body. At least one of `q`,
            `cid`, `props` must be given (checked by the SDK wrapper; the service answers
            `isv.missing-parameter:q-or-cid-or-props`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ProductsSearchRequest,
) -> ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem | None:
    """Search the product library (搜索产品信息)

     搜索产品信息 — searches the standard product (SPU) library. It is only needed when Tmall merchants
    publish items; it is **not** an item search API (TOP offers none).

    Two ways to search, at least one of them must be used: a keyword `q` (matched against the product
    title), or a category `cid` and/or key properties `props`. **At least one of `q`, `cid`, `props` is
    required** — otherwise the service answers `isv.missing-parameter:q-or-cid-or-props`. The SDK
    wrapper checks this before sending. The spec does not express it (an `anyOf` of `required` lists
    would turn the generated body model into `Any`), so the mock accepts such a request.

    When `cid` is a category of a vertical market (3C, shoes) only staff-confirmed products are
    returned by default; otherwise merchant-confirmed and staff-confirmed ones. An explicit `status`
    overrides both defaults. Searching by `suite_items_str` finds suite (套装) products and adds the
    fields `suite_items_str` and `is_suite_effective` to the result (the doc's change note spells the
    latter `is_suite_effecitve`; the official SDKs' Product structure names it `is_suite_effective`).

    The examples named `published` are the doc page's own response and exception examples (its XML
    examples in TOP's JSON form; the page's JSON tab was not captured).

    Whether a user `session` is required is not documented: the SDK sends it when it has one.

    Args:
        body (ProductsSearchRequest): Business parameters of `taobao.products.search`, sent as the
            form body. At least one of `q`,
            `cid`, `props` must be given (checked by the SDK wrapper; the service answers
            `isv.missing-parameter:q-or-cid-or-props`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseEnvelope | ProductsSearchResponseEnvelope | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
