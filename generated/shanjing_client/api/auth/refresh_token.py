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
    refresh_token: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["refresh_token"] = refresh_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/taobao-global/auth/token/refresh",
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
    client: AuthenticatedClient,
    refresh_token: str,
) -> Response[Any | Problem | TokenResponse]:
    """Refresh the access token

     刷新 Token — before the token expires, a new token must be obtained through the refresh token
    (the refresh page, in the reference notes' words). No lifetime is documented: use
    `expires_in` / `refresh_expires_in` (seconds) from the response.

    The response is a flat token record (no `{errorCode, errorMsg, data}` envelope). Note the upstream
    casing `user_Id` / `seller_Id` and that `refresh_expires_in` was shown as a string.

    The Bearer header is documented and sent whenever the client has an access token; a client holding
    only a refresh token sends none (inferred: upstream, the refresh token is the credential), hence the
    optional security requirement.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        refresh_token=refresh_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    refresh_token: str,
) -> Any | Problem | TokenResponse | None:
    """Refresh the access token

     刷新 Token — before the token expires, a new token must be obtained through the refresh token
    (the refresh page, in the reference notes' words). No lifetime is documented: use
    `expires_in` / `refresh_expires_in` (seconds) from the response.

    The response is a flat token record (no `{errorCode, errorMsg, data}` envelope). Note the upstream
    casing `user_Id` / `seller_Id` and that `refresh_expires_in` was shown as a string.

    The Bearer header is documented and sent whenever the client has an access token; a client holding
    only a refresh token sends none (inferred: upstream, the refresh token is the credential), hence the
    optional security requirement.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        refresh_token=refresh_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    refresh_token: str,
) -> Response[Any | Problem | TokenResponse]:
    """Refresh the access token

     刷新 Token — before the token expires, a new token must be obtained through the refresh token
    (the refresh page, in the reference notes' words). No lifetime is documented: use
    `expires_in` / `refresh_expires_in` (seconds) from the response.

    The response is a flat token record (no `{errorCode, errorMsg, data}` envelope). Note the upstream
    casing `user_Id` / `seller_Id` and that `refresh_expires_in` was shown as a string.

    The Bearer header is documented and sent whenever the client has an access token; a client holding
    only a refresh token sends none (inferred: upstream, the refresh token is the credential), hence the
    optional security requirement.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        refresh_token=refresh_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    refresh_token: str,
) -> Any | Problem | TokenResponse | None:
    """Refresh the access token

     刷新 Token — before the token expires, a new token must be obtained through the refresh token
    (the refresh page, in the reference notes' words). No lifetime is documented: use
    `expires_in` / `refresh_expires_in` (seconds) from the response.

    The response is a flat token record (no `{errorCode, errorMsg, data}` envelope). Note the upstream
    casing `user_Id` / `seller_Id` and that `refresh_expires_in` was shown as a string.

    The Bearer header is documented and sent whenever the client has an access token; a client holding
    only a refresh token sends none (inferred: upstream, the refresh token is the credential), hence the
    optional security requirement.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            refresh_token=refresh_token,
        )
    ).parsed
