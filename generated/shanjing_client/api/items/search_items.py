from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.language import Language
from ...models.problem import Problem
from ...models.search_items_response import SearchItemsResponse
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset, json_of


def _get_kwargs(
    *,
    keyword: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
    shop_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["keyword"] = keyword

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["page_no"] = page_no

    params["page_size"] = page_size

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

    params["shop_id"] = shop_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/taobao-global/traffic/item/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | SearchItemsResponse | None:
    if response.status_code == 200:
        response_200 = SearchItemsResponse.from_dict(json_of(response))

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
) -> Response[Any | Problem | SearchItemsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
    shop_id: int | Unset = UNSET,
) -> Response[Any | Problem | SearchItemsResponse]:
    """Search Taobao/Tmall items by keyword

     淘宝/天猫商品关键词搜索接口 — search items by keyword, with optional sort, filters, tags, shop and
    translation language. Results are paged (`page_no`, `page_size` ≤ 20). There is **no total count**:
    a page with fewer items than `page_size` (or an empty one) is the last page.

    `keyword` is optional (upstream): a shop's items are searched by `shop_id` alone.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/traffic/item/search`,
    the parameters are the upstream ones (`excludeFilters` assumed accepted as on image search), and the
    response `data` is assumed to be the upstream page object `{page_no, page_size, data: [item]}` with
    items shaped like the image-search items. Server-side defaults (upstream): `page_no` 1, `page_size`
    10.

    Args:
        keyword (str | Unset):
        sort (SortOrder | Unset): Sort order of the keyword search.
        page_no (int | Unset):
        page_size (int | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.
        shop_id (int | Unset): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53:
            Python keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SearchItemsResponse]
    """

    kwargs = _get_kwargs(
        keyword=keyword,
        sort=sort,
        page_no=page_no,
        page_size=page_size,
        filters=filters,
        exclude_filters=exclude_filters,
        include_tags=include_tags,
        language=language,
        shop_id=shop_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
    shop_id: int | Unset = UNSET,
) -> Any | Problem | SearchItemsResponse | None:
    """Search Taobao/Tmall items by keyword

     淘宝/天猫商品关键词搜索接口 — search items by keyword, with optional sort, filters, tags, shop and
    translation language. Results are paged (`page_no`, `page_size` ≤ 20). There is **no total count**:
    a page with fewer items than `page_size` (or an empty one) is the last page.

    `keyword` is optional (upstream): a shop's items are searched by `shop_id` alone.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/traffic/item/search`,
    the parameters are the upstream ones (`excludeFilters` assumed accepted as on image search), and the
    response `data` is assumed to be the upstream page object `{page_no, page_size, data: [item]}` with
    items shaped like the image-search items. Server-side defaults (upstream): `page_no` 1, `page_size`
    10.

    Args:
        keyword (str | Unset):
        sort (SortOrder | Unset): Sort order of the keyword search.
        page_no (int | Unset):
        page_size (int | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.
        shop_id (int | Unset): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53:
            Python keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SearchItemsResponse
    """

    return sync_detailed(
        client=client,
        keyword=keyword,
        sort=sort,
        page_no=page_no,
        page_size=page_size,
        filters=filters,
        exclude_filters=exclude_filters,
        include_tags=include_tags,
        language=language,
        shop_id=shop_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
    shop_id: int | Unset = UNSET,
) -> Response[Any | Problem | SearchItemsResponse]:
    """Search Taobao/Tmall items by keyword

     淘宝/天猫商品关键词搜索接口 — search items by keyword, with optional sort, filters, tags, shop and
    translation language. Results are paged (`page_no`, `page_size` ≤ 20). There is **no total count**:
    a page with fewer items than `page_size` (or an empty one) is the last page.

    `keyword` is optional (upstream): a shop's items are searched by `shop_id` alone.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/traffic/item/search`,
    the parameters are the upstream ones (`excludeFilters` assumed accepted as on image search), and the
    response `data` is assumed to be the upstream page object `{page_no, page_size, data: [item]}` with
    items shaped like the image-search items. Server-side defaults (upstream): `page_no` 1, `page_size`
    10.

    Args:
        keyword (str | Unset):
        sort (SortOrder | Unset): Sort order of the keyword search.
        page_no (int | Unset):
        page_size (int | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.
        shop_id (int | Unset): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53:
            Python keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SearchItemsResponse]
    """

    kwargs = _get_kwargs(
        keyword=keyword,
        sort=sort,
        page_no=page_no,
        page_size=page_size,
        filters=filters,
        exclude_filters=exclude_filters,
        include_tags=include_tags,
        language=language,
        shop_id=shop_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
    page_no: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filters: list[str] | Unset = UNSET,
    exclude_filters: list[str] | Unset = UNSET,
    include_tags: list[str] | Unset = UNSET,
    language: Language | Unset = UNSET,
    shop_id: int | Unset = UNSET,
) -> Any | Problem | SearchItemsResponse | None:
    """Search Taobao/Tmall items by keyword

     淘宝/天猫商品关键词搜索接口 — search items by keyword, with optional sort, filters, tags, shop and
    translation language. Results are paged (`page_no`, `page_size` ≤ 20). There is **no total count**:
    a page with fewer items than `page_size` (or an empty one) is the last page.

    `keyword` is optional (upstream): a shop's items are searched by `shop_id` alone.

    x-source inferred: the GET method is documented; the path mirrors the upstream
    `/traffic/item/search`,
    the parameters are the upstream ones (`excludeFilters` assumed accepted as on image search), and the
    response `data` is assumed to be the upstream page object `{page_no, page_size, data: [item]}` with
    items shaped like the image-search items. Server-side defaults (upstream): `page_no` 1, `page_size`
    10.

    Args:
        keyword (str | Unset):
        sort (SortOrder | Unset): Sort order of the keyword search.
        page_no (int | Unset):
        page_size (int | Unset):
        filters (list[str] | Unset):
        exclude_filters (list[str] | Unset):
        include_tags (list[str] | Unset):
        language (Language | Unset): A translation language of the results.
        shop_id (int | Unset): A positive 64-bit id (upstream ids are int64). Ids may exceed 2^53:
            Python keeps them exact. (No
            `format: int64` here: Prism refuses int64-formatted query values above 2^53 − 1, which
            real ids may be.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SearchItemsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            keyword=keyword,
            sort=sort,
            page_no=page_no,
            page_size=page_size,
            filters=filters,
            exclude_filters=exclude_filters,
            include_tags=include_tags,
            language=language,
            shop_id=shop_id,
        )
    ).parsed
