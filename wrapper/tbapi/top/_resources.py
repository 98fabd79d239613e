"""The TOP resources, each method written once as a flow; its sync, async and raw twins come from it.

`top.products`, `top.itemcats`, `top.itemprops`, `top.itempropvalues` are one class each, generic in the
client's mode (`_twins.py`: `Products[Sync]` on `TopClient`, `Products[RawAsync]` behind
`AsyncTopClient.with_raw_response` …), each public method declared once next to its flow
(`search = twin(_search)`). `Top` at the bottom is what all four of those hold: the resources and
`call = twin(_call)`. Each method's parameters are declared once, in its flow's signature: the flow checks them
(`_params.py`) into the generated request model and sends it (`_calls.operation_flow`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from taobao_top_client.api.itemcats import itemcats_get
from taobao_top_client.api.itemprops import itemprops_get
from taobao_top_client.api.itempropvalues import itempropvalues_get
from taobao_top_client.api.products import products_search
from taobao_top_client.models import (
    ItemCat,
    ItemcatsGetRequest,
    ItemcatsGetResponseEnvelope,
    ItemProp,
    ItempropsGetRequest,
    ItempropsGetResponseEnvelope,
    ItempropvaluesGetRequest,
    ItempropvaluesGetResponseEnvelope,
    Product,
    ProductsSearchRequest,
    ProductsSearchResponseEnvelope,
    PropValue,
)

from .._base_client import Resource, resource
from .._calls import forwarded
from .._flow import Flow
from .._logs import register_secret
from .._pages import max_items_arg, paginate
from .._twins import ItemFlow, M, Moded, iterator, twin
from .._validation import credential, int_in_range, non_empty_str
from . import _params as p
from ._calls import Context, Operation, any_method_flow, operation_flow
from ._types import ProductsSearchResult, unwrap

PRODUCTS_SEARCH = Operation("taobao.products.search", products_search, ProductsSearchResponseEnvelope)
ITEMCATS_GET = Operation("taobao.itemcats.get", itemcats_get, ItemcatsGetResponseEnvelope)
ITEMPROPS_GET = Operation("taobao.itemprops.get", itemprops_get, ItempropsGetResponseEnvelope)
ITEMPROPVALUES_GET = Operation("taobao.itempropvalues.get", itempropvalues_get, ItempropvaluesGetResponseEnvelope)
DEFAULT_ITER_PAGE_SIZE = p.MAX_PAGE_SIZE
CommaList = str | Iterable[str]
API_ERRORS = """
        Raises:
            tbapi.ValidationError: an argument breaks a documented constraint (nothing was sent).
            tbapi.AuthenticationError: bad signature, app key or session (codes 24-29, 53).
            tbapi.PermissionDeniedError: the app or user lacks the permission (codes 11-13).
            tbapi.RateLimitError: a call limit, after retrying a short ban; `.retry_after`, `.quota_exhausted`.
            tbapi.InvalidRequestError: the service rejected the parameters (`isv.*`, 40/41 …).
            tbapi.ServerError: the service failed (`isp.*`, codes 1/10) after the retries.
            tbapi.APIConnectionError / tbapi.APITimeoutError: no answer after the retries.
            tbapi.ResponseError: the answer is not what the spec says.
"""


Fn = TypeVar("Fn", bound=Callable[..., Any])


def _raises(fn: Fn) -> Fn:
    """Append the errors every TOP method raises to a flow's docstring (written once, here). Typed as the
    identity it is: an `Any` here would make every TOP method `Any` to a user's type checker."""
    fn.__doc__ = f"{(fn.__doc__ or '').rstrip()}\n{API_ERRORS}"
    return fn


class _Resource(Resource[Context, M]):
    pass


class Products(_Resource[M]):
    """`top.products`: `taobao.products.search`, the standard product (SPU) library."""

    @_raises
    def _search(
        self,
        *,
        fields: CommaList,
        q: str | None = None,
        cid: int | str | None = None,
        props: str | Mapping[int, int] | None = None,
        status: int | str | Iterable[int | str] | None = None,
        page_no: int | str | None = None,
        page_size: int | str | None = None,
        vertical_market: int | str | None = None,
        customer_props: str | None = None,
        suite_items_str: str | None = None,
        barcode_str: str | Iterable[str] | None = None,
        market_id: int | str | None = None,
    ) -> Flow[ProductsSearchResult]:
        """Search the standard product library (`taobao.products.search`) — one page.

        Args:
            fields: product fields to return (list or comma string, 1-20), from
                `product_id, name, pic_url, pic_path, cid, props, price, tsc, status, barcode_str` and the suite
                fields `suite_items_str, is_suite_effective` (`is_suite_effecitve`, the doc's spelling, too).
            q / cid / props: at least one is required — a title keyword, a category id, and/or key
                properties (`"pid:vid;pid:vid"` or `{pid: vid}`).
            status: statuses to return, at most 5, from 0 (merchant-confirmed) and 3 (staff-confirmed), the
                two that take effect; 1, 2 and -1 are sent too (the doc calls them ineffective).
            page_no / page_size: 1-based page (service default 1), 1-100 per page (service default 40).
            vertical_market: 3 (3C), 4 (shoes) or 8 (online games).
            customer_props, suite_items_str: as documented by TOP.
            barcode_str: barcodes (list or comma string); none all zeros or starting with `*`.
            market_id: 1 (C2C, default) or 2 (B2C).

        Returns:
            `ProductsSearchResult` with `.total_results` and `.products` (a plain list, `[]` when none).
        """
        p.at_least_one_of({"q": q, "cid": cid, "props": props})
        body = ProductsSearchRequest(
            fields=p.fields_of(p.PRODUCT_FIELDS)("fields", fields),
            q=p.given(non_empty_str, "q", q),
            cid=p.given(p.positive_id, "cid", cid),
            props=p.given(p.pid_vid_pairs, "props", props),
            status=p.given(lambda _, v: p.statuses(v), "status", status),
            page_no=p.given(lambda n, v: int_in_range(n, v, 1), "page_no", page_no),
            page_size=p.given(lambda n, v: int_in_range(n, v, 1, p.MAX_PAGE_SIZE), "page_size", page_size),
            vertical_market=p.given(lambda _, v: p.vertical_market_value(v), "vertical_market", vertical_market),
            customer_props=p.given(non_empty_str, "customer_props", customer_props),
            suite_items_str=p.given(non_empty_str, "suite_items_str", suite_items_str),
            barcode_str=p.given(lambda _, v: p.barcodes(v), "barcode_str", barcode_str),
            market_id=p.given(lambda _, v: p.market_id_value(v), "market_id", market_id),
        )
        response = yield from operation_flow(self._core, PRODUCTS_SEARCH, body)
        return ProductsSearchResult.from_response(response)

    search = twin(_search)

    def _iter_search(
        self,
        *,
        fields: CommaList,
        q: str | None = None,
        cid: int | str | None = None,
        props: str | Mapping[int, int] | None = None,
        status: int | str | Iterable[int | str] | None = None,
        page_no: int | str = 1,
        page_size: int | str = DEFAULT_ITER_PAGE_SIZE,
        vertical_market: int | str | None = None,
        customer_props: str | None = None,
        suite_items_str: str | None = None,
        barcode_str: str | Iterable[str] | None = None,
        market_id: int | str | None = None,
        max_items: int | None = None,
    ) -> ItemFlow[Product]:
        """Iterate over the products of a search across pages (`taobao.products.search`).

        Takes the arguments of `search`; `page_no` is where to start (default 1) and `page_size` the page
        size (default 100, the maximum). Stops at an empty or short page, after `total_results`, or after
        `max_items` products. Arguments are checked at once, before the first page is asked for.

        Raises:
            tbapi.ValidationError: at once, for a bad argument; the errors of `search` while iterating.
        """
        limit = max_items_arg(max_items)
        arguments = forwarded(locals(), "self", "max_items", "limit")
        size = int_in_range("page_size", page_size, 1, p.MAX_PAGE_SIZE)

        def fetch(number: int) -> Flow[tuple[list[Product], int | None, int | None]]:
            page = yield from self._search(**{**arguments, "page_no": number, "page_size": size})
            return page.products, None, page.total_results

        first = int_in_range("page_no", page_no, 1)
        return paginate(fetch, page_no=first, page_size=size, max_items=limit)

    iter_search = iterator(_iter_search)


class Itemcats(_Resource[M]):
    """`top.itemcats`: `taobao.itemcats.get`, standard item categories."""

    @_raises
    def _get(
        self,
        *,
        cids: int | str | Iterable[int | str] | None = None,
        parent_cid: int | str | None = None,
        fields: CommaList | None = None,
    ) -> Flow[list[ItemCat]]:
        """Standard categories (`taobao.itemcats.get`): those in `cids`, or the children of `parent_cid`.

        Args:
            cids: category ids (a list, one id, or a comma string such as `"50000436,50011167"`; at most 1000).
            parent_cid: a parent category id; 0 gives the root categories. Give `cids` or `parent_cid`.
            fields: ItemCat fields, from `cid, parent_cid, name, is_parent, status, sort_order, features,
                taosir_cat`, at most 20 (service default `cid,parent_cid,name,is_parent`).

        Returns:
            The categories as a plain list (`[]` when none).
        """
        p.at_least_one_of({"cids": cids, "parent_cid": parent_cid})
        body = ItemcatsGetRequest(
            cids=p.given(lambda n, v: p.id_list(n, v, max_items=p.MAX_CIDS), "cids", cids),
            parent_cid=p.given(lambda n, v: p.positive_id(n, v, low=0), "parent_cid", parent_cid),
            fields=p.given(p.fields_of(p.ITEMCAT_FIELDS), "fields", fields),
        )
        response = yield from operation_flow(self._core, ITEMCATS_GET, body)
        return unwrap(response.item_cats, lambda wrapper: wrapper.item_cat)

    get = twin(_get)


class Itemprops(_Resource[M]):
    """`top.itemprops`: `taobao.itemprops.get`, the properties of a category."""

    @_raises
    def _get(
        self,
        *,
        cid: int | str,
        fields: CommaList | None = None,
        pid: int | str | None = None,
        parent_pid: int | str | None = None,
        is_key_prop: bool | None = None,
        is_sale_prop: bool | None = None,
        is_color_prop: bool | None = None,
        is_enum_prop: bool | None = None,
        is_input_prop: bool | None = None,
        is_item_prop: bool | None = None,
        child_path: str | Mapping[int, int] | None = None,
        attr_keys: CommaList | None = None,
        type: int | str | None = None,
    ) -> Flow[list[ItemProp]]:
        """Properties of the leaf category `cid` (`taobao.itemprops.get`).

        Args:
            cid: leaf category id (required).
            fields: ItemProp fields (service default `pid,name,must,multi,prop_values`).
            pid, parent_pid, child_path: narrow to a property, its children, or a child path (`pid:vid;…`).
            is_key_prop, is_sale_prop, is_color_prop, is_enum_prop, is_input_prop, is_item_prop: bool filters.
            attr_keys: feature keys to return (at most 50).
            type: 1 (Taobao, default) or 2 (Tmall).

        Returns:
            The properties as a plain list (`[]` when none).
        """
        body = ItempropsGetRequest(
            cid=p.positive_id("cid", cid),
            fields=p.given(p.comma_list, "fields", fields),
            pid=p.given(p.positive_id, "pid", pid),
            parent_pid=p.given(lambda n, v: p.positive_id(n, v, low=0), "parent_pid", parent_pid),
            is_key_prop=p.given(p.flag, "is_key_prop", is_key_prop),
            is_sale_prop=p.given(p.flag, "is_sale_prop", is_sale_prop),
            is_color_prop=p.given(p.flag, "is_color_prop", is_color_prop),
            is_enum_prop=p.given(p.flag, "is_enum_prop", is_enum_prop),
            is_input_prop=p.given(p.flag, "is_input_prop", is_input_prop),
            is_item_prop=p.given(p.flag, "is_item_prop", is_item_prop),
            child_path=p.given(p.pid_vid_pairs, "child_path", child_path),
            attr_keys=p.given(p.attr_keys(p.MAX_ITEMPROPS_ATTR_KEYS), "attr_keys", attr_keys),
            type_=p.given(lambda _, v: p.platform_type_value(v), "type", type),
        )
        response = yield from operation_flow(self._core, ITEMPROPS_GET, body)
        return unwrap(response.item_props, lambda wrapper: wrapper.item_prop)

    get = twin(_get)


class Itempropvalues(_Resource[M]):
    """`top.itempropvalues`: `taobao.itempropvalues.get`, the values of category properties."""

    @_raises
    def _get(
        self,
        *,
        cid: int | str,
        fields: CommaList = p.PROPVALUE_FIELDS,
        pvs: str | Iterable[str | int] | None = None,
        type: int | str | None = None,
        attr_keys: CommaList | None = None,
    ) -> Flow[list[PropValue]]:
        """Values of the properties of category `cid` (`taobao.itempropvalues.get`).

        Args:
            cid: category id (required).
            fields: PropValue fields, at most 20 (default: all of `cid, pid, prop_name, vid, name,
                name_alias, status, sort_order`).
            pvs: pids and/or `pid:vid` pairs to return (`"20000;1627207:28341"` or a list).
            type: 1 (Taobao, default) or 2 (Tmall).
            attr_keys: feature keys to return (at most 20).

        Returns:
            The values as a plain list (`[]` when none).
        """
        body = ItempropvaluesGetRequest(
            cid=p.positive_id("cid", cid),
            fields=p.fields_of(p.PROPVALUE_FIELDS)("fields", fields),
            pvs=p.given(p.pvs_list, "pvs", pvs),
            type_=p.given(lambda _, v: p.platform_type_value(v), "type", type),
            attr_keys=p.given(p.attr_keys(p.MAX_ITEMPROPVALUES_ATTR_KEYS), "attr_keys", attr_keys),
        )
        response = yield from operation_flow(self._core, ITEMPROPVALUES_GET, body)
        return unwrap(response.prop_values, lambda wrapper: wrapper.prop_value)

    get = twin(_get)


class Top(Moded[M]):
    """The TOP resources and `top.call`, declared once for both clients (`Sync` / `Async`) and their
    `with_raw_response` (`RawSync` / `RawAsync`): each resource made on first use from the owner's `_core`,
    in the owner's mode."""

    _core: Context
    products: resource[Products[M]] = resource(Products)
    itemcats: resource[Itemcats[M]] = resource(Itemcats)
    itemprops: resource[Itemprops[M]] = resource(Itemprops)
    itempropvalues: resource[Itempropvalues[M]] = resource(Itempropvalues)

    def _call(
        self, method: str, params: Mapping[str, object] | None = None, *, session: str | None = None
    ) -> Flow[dict[str, Any]]:
        """Call any TOP method, signed and error-mapped; returns its `…_response` object as a dict.

        `params` are the business parameters: None and empty values are not sent, booleans become
        `true`/`false`, lists are joined with `,` (lists of dicts and dicts become JSON), datetimes
        `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai time. `session` overrides the client's session for this call.
        Read methods (names ending in `.get`, `.search`, `.query`, `.list`, `.count`) are retried after
        server faults; other methods only when the request provably never arrived or was rate-limited.

        Raises:
            tbapi.ValidationError: a bad method name, `params` that is not a mapping, a system parameter in
                `params`, an unsendable value.
            tbapi.AuthenticationError, tbapi.PermissionDeniedError, tbapi.RateLimitError,
            tbapi.InvalidRequestError, tbapi.ServerError: the gateway's `error_response`.
            tbapi.APIConnectionError / tbapi.APITimeoutError: no answer after the retries.
            tbapi.ResponseError: the answer is neither a `…_response` nor an `error_response`.
        """
        method = p.top_method(method)
        business = p.business_params(params)
        if session is not None:
            register_secret(session)
            session = credential("session", session)
            register_secret(session)
        return (yield from any_method_flow(self._core, method, business, session))

    call = twin(_call)


class RawResponses(Top[M], _Resource[M]):
    """`top.with_raw_response`: each resource method, and `call`, returning the `tbapi.RawResponse` of its answer
    (awaitable on the async client); `iter_search` has no raw twin."""
