from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.image_search_response import ImageSearchResponse
from ...models.language import Language
from ...models.problem import Problem
from ...types import UNSET, Response, Unset, json_of


def _get_kwargs(
    *,
    pic_url: str | Unset = UNSET,
    image_id: str | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pic_url"] = pic_url

    params["image_id"] = image_id

    json_filters: list[str] | Unset = UNSET
    if not isinstance(filters, Unset):
        json_filters = filters

    params["filters"] = json_filters

    json_exclude_filters: list[str] | Unset = UNSET
    if not isinstance(exclude_filters, Unset):
        json_exclude_filters = exclude_filters

    params["excludeFilters"] = json_exclude_filters

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
        "url": "/rest/taobao-global/traffic/item/imgsearch",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ImageSearchResponse | Problem | None:
    if response.status_code == 200:
        response_200 = ImageSearchResponse.from_dict(json_of(response))

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
) -> Response[Any | ImageSearchResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    pic_url: str | Unset = UNSET,
    image_id: str | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Response[Any | ImageSearchResponse | Problem]:
    """Search identical Taobao/Tmall items by image

     淘宝/天猫图片搜索同款商品接口 — find the same item by image. Give **one of** `pic_url` or `image_id`
    (the API does not say what happens with neither; the tbapi wrapper refuses such a call).

    Submitting a non-Alibaba image address through `pic_url` has a certain failure rate
    ("通过 pic_url 提交非阿里的图片地址,会有一定的失败率"): upload the image first with uploadImage and
    search by the returned image id. Image search does **not** support pagination
    ("图片搜索接口尚不支持分页查询,请自行处理"); upstream returns at most 100 items.
    Results can be translated: en | vi | ru | ko | ja.

    Array parameters are sent as repeated keys, e.g.
    `excludeFilters=used_item&excludeFilters=customized_item` (the documented request example).

    Args:
        pic_url (str | Unset):
        image_id (str | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImageSearchResponse | Problem]
    """

    kwargs = _get_kwargs(
        pic_url=pic_url,
        image_id=image_id,
        filters=filters,
        exclude_filters=exclude_filters,
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
    pic_url: str | Unset = UNSET,
    image_id: str | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Any | ImageSearchResponse | Problem | None:
    """Search identical Taobao/Tmall items by image

     淘宝/天猫图片搜索同款商品接口 — find the same item by image. Give **one of** `pic_url` or `image_id`
    (the API does not say what happens with neither; the tbapi wrapper refuses such a call).

    Submitting a non-Alibaba image address through `pic_url` has a certain failure rate
    ("通过 pic_url 提交非阿里的图片地址,会有一定的失败率"): upload the image first with uploadImage and
    search by the returned image id. Image search does **not** support pagination
    ("图片搜索接口尚不支持分页查询,请自行处理"); upstream returns at most 100 items.
    Results can be translated: en | vi | ru | ko | ja.

    Array parameters are sent as repeated keys, e.g.
    `excludeFilters=used_item&excludeFilters=customized_item` (the documented request example).

    Args:
        pic_url (str | Unset):
        image_id (str | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImageSearchResponse | Problem
    """

    return sync_detailed(
        client=client,
        pic_url=pic_url,
        image_id=image_id,
        filters=filters,
        exclude_filters=exclude_filters,
        include_tags=include_tags,
        language=language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    pic_url: str | Unset = UNSET,
    image_id: str | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Response[Any | ImageSearchResponse | Problem]:
    """Search identical Taobao/Tmall items by image

     淘宝/天猫图片搜索同款商品接口 — find the same item by image. Give **one of** `pic_url` or `image_id`
    (the API does not say what happens with neither; the tbapi wrapper refuses such a call).

    Submitting a non-Alibaba image address through `pic_url` has a certain failure rate
    ("通过 pic_url 提交非阿里的图片地址,会有一定的失败率"): upload the image first with uploadImage and
    search by the returned image id. Image search does **not** support pagination
    ("图片搜索接口尚不支持分页查询,请自行处理"); upstream returns at most 100 items.
    Results can be translated: en | vi | ru | ko | ja.

    Array parameters are sent as repeated keys, e.g.
    `excludeFilters=used_item&excludeFilters=customized_item` (the documented request example).

    Args:
        pic_url (str | Unset):
        image_id (str | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImageSearchResponse | Problem]
    """

    kwargs = _get_kwargs(
        pic_url=pic_url,
        image_id=image_id,
        filters=filters,
        exclude_filters=exclude_filters,
        include_tags=include_tags,
        language=language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    pic_url: str | Unset = UNSET,
    image_id: str | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
) -> Any | ImageSearchResponse | Problem | None:
    """Search identical Taobao/Tmall items by image

     淘宝/天猫图片搜索同款商品接口 — find the same item by image. Give **one of** `pic_url` or `image_id`
    (the API does not say what happens with neither; the tbapi wrapper refuses such a call).

    Submitting a non-Alibaba image address through `pic_url` has a certain failure rate
    ("通过 pic_url 提交非阿里的图片地址,会有一定的失败率"): upload the image first with uploadImage and
    search by the returned image id. Image search does **not** support pagination
    ("图片搜索接口尚不支持分页查询,请自行处理"); upstream returns at most 100 items.
    Results can be translated: en | vi | ru | ko | ja.

    Array parameters are sent as repeated keys, e.g.
    `excludeFilters=used_item&excludeFilters=customized_item` (the documented request example).

    Args:
        pic_url (str | Unset):
        image_id (str | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImageSearchResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            pic_url=pic_url,
            image_id=image_id,
            filters=filters,
            exclude_filters=exclude_filters,
            include_tags=include_tags,
            language=language,
        )
    ).parsed
