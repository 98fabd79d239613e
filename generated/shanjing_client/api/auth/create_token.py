from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, json_of


def _get_kwargs(
    *,
    code: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["code"] = code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/taobao-global/auth/token/create",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(json_of(response))

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
) -> Response[Any | Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Response[Any | Problem | TokenResponse]:
    """Get an access token from an authorization code

     获取 Token — exchange the OAuth authorization code, received on the seller-authorization callback
    (`https://api.taobao.global/oauth/authorize?response_type=code&redirect_uri=…&client_id=<appkey>`),
    for an access token and a refresh token.

    x-source inferred: the Shanjing page for this operation was not captured. The path mirrors the
    upstream `/auth/token/create`, the method and the `code` parameter follow the refresh page and the
    upstream API, and the response is assumed to be the same flat token record as the refresh response.

    No Bearer token: the code is the credential (no access token exists yet), as upstream. Shanjing's
    docs show no method badge for this page, so it may be no endpoint at all: the first token may come
    from Shanjing's own console instead; pass it as `access_token` (with its `refresh_token`).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Any | Problem | TokenResponse | None:
    """Get an access token from an authorization code

     获取 Token — exchange the OAuth authorization code, received on the seller-authorization callback
    (`https://api.taobao.global/oauth/authorize?response_type=code&redirect_uri=…&client_id=<appkey>`),
    for an access token and a refresh token.

    x-source inferred: the Shanjing page for this operation was not captured. The path mirrors the
    upstream `/auth/token/create`, the method and the `code` parameter follow the refresh page and the
    upstream API, and the response is assumed to be the same flat token record as the refresh response.

    No Bearer token: the code is the credential (no access token exists yet), as upstream. Shanjing's
    docs show no method badge for this page, so it may be no endpoint at all: the first token may come
    from Shanjing's own console instead; pass it as `access_token` (with its `refresh_token`).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        code=code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Response[Any | Problem | TokenResponse]:
    """Get an access token from an authorization code

     获取 Token — exchange the OAuth authorization code, received on the seller-authorization callback
    (`https://api.taobao.global/oauth/authorize?response_type=code&redirect_uri=…&client_id=<appkey>`),
    for an access token and a refresh token.

    x-source inferred: the Shanjing page for this operation was not captured. The path mirrors the
    upstream `/auth/token/create`, the method and the `code` parameter follow the refresh page and the
    upstream API, and the response is assumed to be the same flat token record as the refresh response.

    No Bearer token: the code is the credential (no access token exists yet), as upstream. Shanjing's
    docs show no method badge for this page, so it may be no endpoint at all: the first token may come
    from Shanjing's own console instead; pass it as `access_token` (with its `refresh_token`).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Any | Problem | TokenResponse | None:
    """Get an access token from an authorization code

     获取 Token — exchange the OAuth authorization code, received on the seller-authorization callback
    (`https://api.taobao.global/oauth/authorize?response_type=code&redirect_uri=…&client_id=<appkey>`),
    for an access token and a refresh token.

    x-source inferred: the Shanjing page for this operation was not captured. The path mirrors the
    upstream `/auth/token/create`, the method and the `code` parameter follow the refresh page and the
    upstream API, and the response is assumed to be the same flat token record as the refresh response.

    No Bearer token: the code is the credential (no access token exists yet), as upstream. Shanjing's
    docs show no method badge for this page, so it may be no endpoint at all: the first token may come
    from Shanjing's own console instead; pass it as `access_token` (with its `refresh_token`).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            code=code,
        )
    ).parsed
