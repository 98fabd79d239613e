from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_body import BadRequestBody
from ...models.problem import Problem
from ...models.upload_image_request import UploadImageRequest
from ...models.upload_image_response import UploadImageResponse
from ...types import Response, json_of


def _get_kwargs(
    *,
    body: UploadImageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/taobao-global/upload/image",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestBody | Problem | UploadImageResponse | None:
    if response.status_code == 200:
        response_200 = UploadImageResponse.from_dict(json_of(response))

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
) -> Response[BadRequestBody | Problem | UploadImageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadImageRequest,
) -> Response[BadRequestBody | Problem | UploadImageResponse]:
    """Upload an image for image search

     上传图片到淘宝/天猫用于图搜商品 — upload an image (jpg, jpeg, png or webp, at most 3 MB) as Base64 text
    in the multipart field `image_base64`; the returned `data.imageId` is then used as imageSearch's
    `image_id`.

    The doc's request sample also shows optional headers `x-app-key`, `x-timestrap` (sic),
    `x-sign-method`, `x-signature` and `x-access-token`; their role is not documented and the Bearer
    token is the supported authentication, so they are not modelled.

    Args:
        body (UploadImageRequest): The multipart body of uploadImage: the single field
            `image_base64` (no other part is sent).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | Problem | UploadImageResponse]
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
    body: UploadImageRequest,
) -> BadRequestBody | Problem | UploadImageResponse | None:
    """Upload an image for image search

     上传图片到淘宝/天猫用于图搜商品 — upload an image (jpg, jpeg, png or webp, at most 3 MB) as Base64 text
    in the multipart field `image_base64`; the returned `data.imageId` is then used as imageSearch's
    `image_id`.

    The doc's request sample also shows optional headers `x-app-key`, `x-timestrap` (sic),
    `x-sign-method`, `x-signature` and `x-access-token`; their role is not documented and the Bearer
    token is the supported authentication, so they are not modelled.

    Args:
        body (UploadImageRequest): The multipart body of uploadImage: the single field
            `image_base64` (no other part is sent).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | Problem | UploadImageResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadImageRequest,
) -> Response[BadRequestBody | Problem | UploadImageResponse]:
    """Upload an image for image search

     上传图片到淘宝/天猫用于图搜商品 — upload an image (jpg, jpeg, png or webp, at most 3 MB) as Base64 text
    in the multipart field `image_base64`; the returned `data.imageId` is then used as imageSearch's
    `image_id`.

    The doc's request sample also shows optional headers `x-app-key`, `x-timestrap` (sic),
    `x-sign-method`, `x-signature` and `x-access-token`; their role is not documented and the Bearer
    token is the supported authentication, so they are not modelled.

    Args:
        body (UploadImageRequest): The multipart body of uploadImage: the single field
            `image_base64` (no other part is sent).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestBody | Problem | UploadImageResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadImageRequest,
) -> BadRequestBody | Problem | UploadImageResponse | None:
    """Upload an image for image search

     上传图片到淘宝/天猫用于图搜商品 — upload an image (jpg, jpeg, png or webp, at most 3 MB) as Base64 text
    in the multipart field `image_base64`; the returned `data.imageId` is then used as imageSearch's
    `image_id`.

    The doc's request sample also shows optional headers `x-app-key`, `x-timestrap` (sic),
    `x-sign-method`, `x-signature` and `x-access-token`; their role is not documented and the Bearer
    token is the supported authentication, so they are not modelled.

    Args:
        body (UploadImageRequest): The multipart body of uploadImage: the single field
            `image_base64` (no other part is sent).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestBody | Problem | UploadImageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
