"""`TopClient` / `AsyncTopClient`: the TOP resources over the generated client, signed by `TopWireAuth`.

Stack: resource method → checked body (generated model) → flow (`_calls`) → generated `*_detailed`
→ `httpx.Client` with `TopWireAuth` (wire rewrite + signature) → `CheckedTransport` → the network.
The two clients share every decision; only `run_sync` / `run_async` and the httpx client differ.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar, Unpack

import attrs
import httpx
import taobao_top_client
from taobao_top_client.api.itemcats import itemcats_get
from taobao_top_client.api.itemprops import itemprops_get
from taobao_top_client.api.itempropvalues import itempropvalues_get
from taobao_top_client.api.products import products_search
from taobao_top_client.models import (
    ItemCat,
    ItemcatsGetResponse,
    ItemcatsGetResponseEnvelope,
    ItemProp,
    ItempropsGetResponse,
    ItempropsGetResponseEnvelope,
    ItempropvaluesGetResponse,
    ItempropvaluesGetResponseEnvelope,
    Product,
    ProductsSearchResponseEnvelope,
    PropValue,
)

from .._base_client import (
    AsyncClosingMixin,
    ClientOptions,
    ClosingMixin,
    async_http_client,
    async_transport,
    sync_http_client,
    sync_transport,
)
from .._config import DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER, DEFAULT_TIMEOUT, TOP_DEFAULT_BASE_URL, from_env
from .._exceptions import ValidationError
from .._flow import Flow, run_async, run_sync
from .._logs import register_secret
from .._validation import credential, int_in_range
from ._calls import Context, Operation, any_method_flow, operation_flow
from ._params import (
    MAX_PAGE_NO,
    MAX_PAGE_SIZE,
    business_params,
    itemcats_get_body,
    itemprops_get_body,
    itempropvalues_get_body,
    products_search_body,
    top_method,
)
from ._signing import SIGN_METHODS
from ._types import (
    ItemcatsGetParams,
    ItempropsGetParams,
    ItempropvaluesGetParams,
    ProductsSearchParams,
    ProductsSearchResult,
    unwrap,
)
from ._wire import AsyncTopHttpClient, TopClock, TopHttpClient, TopWireAuth

T = TypeVar("T")
R = TypeVar("R")

PRODUCTS_SEARCH = Operation("taobao.products.search", products_search, ProductsSearchResponseEnvelope)
ITEMCATS_GET = Operation("taobao.itemcats.get", itemcats_get, ItemcatsGetResponseEnvelope)
ITEMPROPS_GET = Operation("taobao.itemprops.get", itemprops_get, ItempropsGetResponseEnvelope)
ITEMPROPVALUES_GET = Operation("taobao.itempropvalues.get", itempropvalues_get, ItempropvaluesGetResponseEnvelope)
DEFAULT_ITER_PAGE_SIZE = MAX_PAGE_SIZE


def mapped(flow: Flow[T], fn: Callable[[T], R]) -> Flow[R]:
    return fn((yield from flow))


# --- what both clients share ----------------------------------------------------------------------------


@attrs.frozen
class TopSettings:
    """The resolved, validated settings of a TOP client (never holds the secret in its repr)."""

    app_key: str
    sign_method: str
    options: ClientOptions

    @classmethod
    def resolve(
        cls,
        *,
        app_key: str | None,
        app_secret: str | None,
        session: str | None,
        sign_method: str,
        base_url: str | None,
        timeout: float,
        max_retries: int,
        max_retry_after: float,
    ) -> tuple[TopSettings, TopWireAuth]:
        app_secret = from_env(app_secret, "TBAPI_TOP_APP_SECRET")
        session = from_env(session, "TBAPI_TOP_SESSION")
        register_secret(app_secret)  # first, so no message below can ever show it
        register_secret(session)
        app_key = from_env(app_key, "TBAPI_TOP_APP_KEY")
        if not app_key:
            raise ValidationError("app_key", "missing: pass app_key= or set TBAPI_TOP_APP_KEY")
        if not app_secret:
            raise ValidationError("app_secret", "missing: pass app_secret= or set TBAPI_TOP_APP_SECRET")
        app_key, app_secret = credential("app_key", app_key), credential("app_secret", app_secret)
        session = None if session is None else credential("session", session)
        register_secret(app_secret)
        register_secret(session)
        if sign_method not in SIGN_METHODS:
            raise ValidationError("sign_method", f"must be one of hmac-sha256, hmac, md5, got {sign_method!r}")
        options = ClientOptions(
            base_url=from_env(base_url, "TBAPI_TOP_BASE_URL") or TOP_DEFAULT_BASE_URL,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_after=max_retry_after,
        )
        auth = TopWireAuth(
            app_key=app_key, app_secret=app_secret, session=session, sign_method=sign_method, clock=TopClock()
        )
        return cls(app_key=app_key, sign_method=sign_method, options=options), auth


class _TopCore:
    """State and flows shared by `TopClient` and `AsyncTopClient`."""

    _settings: TopSettings
    _auth: TopWireAuth
    _generated: taobao_top_client.Client

    @property
    def _clock(self) -> TopClock:
        """Where timestamps come from (the offset learnt from code 31 is shared by `with_options` copies)."""
        return self._auth.clock

    @property
    def base_url(self) -> str:
        return self._settings.options.base_url

    @property
    def app_key(self) -> str:
        return self._settings.app_key

    @property
    def sign_method(self) -> str:
        return self._settings.sign_method

    @property
    def timeout(self) -> float:
        return self._settings.options.timeout

    @property
    def max_retries(self) -> int:
        return self._settings.options.max_retries

    def _context(self) -> Context:
        return Context(generated=self._generated, policy=self._settings.options.retry_policy, clock=self._clock)

    def _call_flow(self, method: str, params: Mapping[str, object] | None, session: str | None) -> Flow[dict[str, Any]]:
        method = top_method(method)
        if session is not None:
            register_secret(session)
            session = credential("session", session)
            register_secret(session)
        return any_method_flow(self._context(), method, business_params(params), session)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(app_key={self.app_key!r}, base_url={self.base_url!r}, "
            f"sign_method={self.sign_method!r}, timeout={self.timeout}, max_retries={self.max_retries})"
        )


class _Resource(Generic[T]):
    def __init__(self, client: T) -> None:
        self._client = client


def _search_flow(core: _TopCore, params: ProductsSearchParams) -> Flow[ProductsSearchResult]:
    body = products_search_body(**params)
    return mapped(operation_flow(core._context(), PRODUCTS_SEARCH, body), ProductsSearchResult.from_response)


def _itemcats_flow(core: _TopCore, params: ItemcatsGetParams) -> Flow[list[ItemCat]]:
    body = itemcats_get_body(**params)

    def items(response: ItemcatsGetResponse) -> list[ItemCat]:
        return unwrap(response.item_cats, lambda wrapper: wrapper.item_cat)

    return mapped(operation_flow(core._context(), ITEMCATS_GET, body), items)


def _itemprops_flow(core: _TopCore, params: ItempropsGetParams) -> Flow[list[ItemProp]]:
    body = itemprops_get_body(**params)

    def items(response: ItempropsGetResponse) -> list[ItemProp]:
        return unwrap(response.item_props, lambda wrapper: wrapper.item_prop)

    return mapped(operation_flow(core._context(), ITEMPROPS_GET, body), items)


def _itempropvalues_flow(core: _TopCore, params: ItempropvaluesGetParams) -> Flow[list[PropValue]]:
    body = itempropvalues_get_body(**params)

    def items(response: ItempropvaluesGetResponse) -> list[PropValue]:
        return unwrap(response.prop_values, lambda wrapper: wrapper.prop_value)

    return mapped(operation_flow(core._context(), ITEMPROPVALUES_GET, body), items)


@attrs.define
class Pager:
    """Walks `products.search` pages: stops at an empty or short page, at `total_results`, or at `max_items`."""

    page_no: int
    page_size: int
    max_items: int | None
    yielded: int = 0
    done: bool = False

    @classmethod
    def start(cls, params: ProductsSearchParams, max_items: int | None) -> tuple[Pager, ProductsSearchParams]:
        if max_items is not None:
            int_in_range("max_items", max_items, 0)
        page_no = params.get("page_no")
        page_size = params.get("page_size")
        page_no = 1 if page_no is None else page_no
        page_size = DEFAULT_ITER_PAGE_SIZE if page_size is None else page_size
        first: ProductsSearchParams = {**params, "page_no": page_no, "page_size": page_size}
        products_search_body(**first)  # every argument is checked before the first page is asked for
        return cls(page_no, page_size, max_items, done=max_items == 0), first

    def params(self, params: ProductsSearchParams) -> ProductsSearchParams:
        return {**params, "page_no": self.page_no, "page_size": self.page_size}

    def take(self, page: ProductsSearchResult) -> list[Product]:
        """The products of this page to yield; afterwards `done` says whether another page is worth asking for."""
        products = page.products
        if self.max_items is not None:
            products = products[: self.max_items - self.yielded]
        self.yielded += len(products)
        self.done = (
            len(page.products) < self.page_size
            or self.page_no * self.page_size >= page.total_results
            or (self.max_items is not None and self.yielded >= self.max_items)
            or self.page_no >= MAX_PAGE_NO
        )
        self.page_no += 1
        return products


# --- sync ---------------------------------------------------------------------------------------------------


class Products(_Resource["TopClient"]):
    """`taobao.products.search`: the standard product (SPU) library."""

    def search(self, **params: Unpack[ProductsSearchParams]) -> ProductsSearchResult:
        """Search the standard product library (`taobao.products.search`) — one page.

        Args:
            fields: product fields to return (list or comma string, 1-20), from
                `product_id, name, pic_url, cid, props, price, tsc, status`.
            q / cid / props: at least one is required — a title keyword, a category id, and/or key
                properties (`"pid:vid;pid:vid"` or `{pid: vid}`).
            status: statuses to return, from 0 (merchant-confirmed) and 3 (staff-confirmed), at most 5.
            page_no / page_size: 1-based page, 1-100 per page (service default 40).
            vertical_market: 3 (3C), 4 (shoes) or 8 (online games).
            customer_props, suite_items_str: as documented by TOP.
            barcode_str: barcodes (list or comma string); none all zeros or starting with `*`.
            market_id: 1 (C2C, default) or 2 (B2C).

        Returns:
            `ProductsSearchResult` with `.total_results` and `.products` (a plain list, `[]` when none).

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
        return run_sync(_search_flow(self._client, params))

    def iter_search(self, *, max_items: int | None = None, **params: Unpack[ProductsSearchParams]) -> Iterator[Product]:
        """Iterate over the products of a search across pages (`taobao.products.search`).

        Takes the arguments of `search`; `page_no` is where to start (default 1) and `page_size` the page
        size (default 100, the maximum). Stops at an empty or short page, after `total_results`, or after
        `max_items` products. Arguments are checked at once, before the first page is asked for.

        Raises:
            tbapi.ValidationError: at once, for a bad argument; the errors of `search` while iterating.
        """
        pager, first = Pager.start(params, max_items)
        return self._pages(pager, first)

    def _pages(self, pager: Pager, params: ProductsSearchParams) -> Iterator[Product]:
        while not pager.done:
            yield from pager.take(self.search(**pager.params(params)))


class Itemcats(_Resource["TopClient"]):
    """`taobao.itemcats.get`: standard item categories."""

    def get(self, **params: Unpack[ItemcatsGetParams]) -> list[ItemCat]:
        """Standard categories (`taobao.itemcats.get`): those in `cids`, or the children of `parent_cid`.

        Args:
            cids: category ids (list or one id, at most 1000).
            parent_cid: a parent category id; 0 gives the root categories. Give `cids` or `parent_cid`.
            fields: ItemCat fields, from `cid, parent_cid, name, is_parent, status, sort_order, features,
                taosir_cat` (service default `cid,parent_cid,name,is_parent`).

        Returns:
            The categories as a plain list (`[]` when none).

        Raises:
            tbapi.ValidationError, and the API errors listed on `products.search`.
        """
        return run_sync(_itemcats_flow(self._client, params))


class Itemprops(_Resource["TopClient"]):
    """`taobao.itemprops.get`: the properties of a category."""

    def get(self, **params: Unpack[ItempropsGetParams]) -> list[ItemProp]:
        """Properties of the leaf category `cid` (`taobao.itemprops.get`).

        Args:
            cid: leaf category id (required).
            fields: ItemProp fields (service default `pid,name,must,multi,prop_values`).
            pid, parent_pid, child_path: narrow to a property, its children, or a child path (`pid:vid;…`).
            is_key_prop, is_sale_prop, is_color_prop, is_enum_prop, is_input_prop, is_item_prop: bool filters.
            attr_keys: feature keys to return (at most 20).
            type: 1 (Taobao, default) or 2 (Tmall).

        Returns:
            The properties as a plain list (`[]` when none).

        Raises:
            tbapi.ValidationError, and the API errors listed on `products.search`.
        """
        return run_sync(_itemprops_flow(self._client, params))


class Itempropvalues(_Resource["TopClient"]):
    """`taobao.itempropvalues.get`: the values of category properties."""

    def get(self, **params: Unpack[ItempropvaluesGetParams]) -> list[PropValue]:
        """Values of the properties of category `cid` (`taobao.itempropvalues.get`).

        Args:
            cid: category id (required).
            fields: PropValue fields (default: all of `cid, pid, prop_name, vid, name, name_alias, status,
                sort_order`).
            pvs: pids and/or `pid:vid` pairs to return (`"20000;1627207:28341"` or a list).
            type: 1 (Taobao, default) or 2 (Tmall).
            attr_keys: feature keys to return (at most 20).

        Returns:
            The values as a plain list (`[]` when none).

        Raises:
            tbapi.ValidationError, and the API errors listed on `products.search`.
        """
        return run_sync(_itempropvalues_flow(self._client, params))


class TopClient(_TopCore, ClosingMixin):
    """A client of the Taobao Open Platform gateway: every call signed, timestamped in Asia/Shanghai time,
    retried where safe and error-mapped.

        with tbapi.TopClient() as top:   # TBAPI_TOP_APP_KEY / TBAPI_TOP_APP_SECRET / TBAPI_TOP_SESSION
            page = top.products.search(fields=["product_id", "name"], q="优衣库")

    Arguments left unset come from `TBAPI_TOP_APP_KEY`, `TBAPI_TOP_APP_SECRET`, `TBAPI_TOP_SESSION` and
    `TBAPI_TOP_BASE_URL` (default `https://eco.taobao.com/router/rest`). `http_client` sends through your own
    `httpx.Client` (proxies, TLS); it is never closed by this client. `max_retries` retries safe failures with
    backoff; a server-requested wait (a ban's "This ban will last for N more seconds") up to `max_retry_after`
    seconds is slept, a longer one raises `RateLimitError` with its `retry_after` at once.

    Raises:
        tbapi.ValidationError: no app key or secret, an unknown `sign_method`, a bad `base_url`, `timeout`,
            `max_retries` or `max_retry_after`.
    """

    products: Products
    itemcats: Itemcats
    itemprops: Itemprops
    itempropvalues: Itempropvalues

    def __init__(
        self,
        *,
        app_key: str | None = None,
        app_secret: str | None = None,
        session: str | None = None,
        sign_method: str = "hmac-sha256",
        base_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        http_client: httpx.Client | None = None,
    ) -> None:
        settings, auth = TopSettings.resolve(
            app_key=app_key,
            app_secret=app_secret,
            session=session,
            sign_method=sign_method,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_after=max_retry_after,
        )
        self._setup(settings, auth, sync_transport(http_client), owns_pool=True)

    def _setup(
        self, settings: TopSettings, auth: TopWireAuth, transport: httpx.BaseTransport, *, owns_pool: bool
    ) -> None:
        self._settings, self._auth, self._transport, self._owns_pool = settings, auth, transport, owns_pool
        self._http = sync_http_client(settings.options, auth, transport, TopHttpClient)
        self._generated = taobao_top_client.Client(base_url=settings.options.base_url).set_httpx_client(self._http)
        self.products = Products(self)
        self.itemcats = Itemcats(self)
        self.itemprops = Itemprops(self)
        self.itempropvalues = Itempropvalues(self)

    def with_options(
        self, *, timeout: float | None = None, max_retries: int | None = None, max_retry_after: float | None = None
    ) -> TopClient:
        """A client with other `timeout` / `max_retries`, sharing this one's connection pool, credentials and clock.

        Raises:
            tbapi.ValidationError: a bad `timeout` or `max_retries`.
        """
        settings = attrs.evolve(
            self._settings,
            options=self._settings.options.replace(
                timeout=timeout, max_retries=max_retries, max_retry_after=max_retry_after
            ),
        )
        clone = object.__new__(TopClient)
        clone._setup(settings, self._auth, self._transport, owns_pool=False)
        return clone

    def call(
        self, method: str, params: Mapping[str, object] | None = None, *, session: str | None = None
    ) -> dict[str, Any]:
        """Call any TOP method, signed and error-mapped; returns its `…_response` object as a dict.

        `params` are the business parameters: None and empty values are not sent, booleans become
        `true`/`false`, lists are joined with `,` (lists of dicts and dicts become JSON), datetimes
        `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai time. `session` overrides the client's session for this call.
        Read methods (names ending in `.get`, `.search`, `.query`, `.list`, `.count`) are retried after
        server faults; other methods only when the request provably never arrived or was rate-limited.

        Raises:
            tbapi.ValidationError: a bad method name, a system parameter in `params`, an unsendable value.
            tbapi.AuthenticationError, tbapi.PermissionDeniedError, tbapi.RateLimitError,
            tbapi.InvalidRequestError, tbapi.ServerError: the gateway's `error_response` (reference §5).
            tbapi.APIConnectionError / tbapi.APITimeoutError: no answer after the retries.
            tbapi.ResponseError: the answer is neither a `…_response` nor an `error_response`.
        """
        return run_sync(self._call_flow(method, params, session))


# --- async --------------------------------------------------------------------------------------------------


class AsyncProducts(_Resource["AsyncTopClient"]):
    """`taobao.products.search`: the standard product (SPU) library."""

    async def search(self, **params: Unpack[ProductsSearchParams]) -> ProductsSearchResult:
        """One page of a product search. Arguments, result and errors as `TopClient.products.search`.

        Raises:
            tbapi.ValidationError (nothing was sent), tbapi.AuthenticationError, tbapi.PermissionDeniedError,
            tbapi.RateLimitError, tbapi.InvalidRequestError, tbapi.ServerError, tbapi.APIConnectionError,
            tbapi.APITimeoutError, tbapi.ResponseError — as `TopClient`.
        """
        return await run_async(_search_flow(self._client, params))

    def iter_search(
        self, *, max_items: int | None = None, **params: Unpack[ProductsSearchParams]
    ) -> AsyncIterator[Product]:
        """Iterate (`async for`) over the products of a search across pages, as `TopClient.products.iter_search`.

        Raises:
            tbapi.ValidationError: at once, for a bad argument; the errors of `search` while iterating.
        """
        pager, first = Pager.start(params, max_items)
        return self._pages(pager, first)

    async def _pages(self, pager: Pager, params: ProductsSearchParams) -> AsyncIterator[Product]:
        while not pager.done:
            for product in pager.take(await self.search(**pager.params(params))):
                yield product


class AsyncItemcats(_Resource["AsyncTopClient"]):
    """`taobao.itemcats.get`: standard item categories."""

    async def get(self, **params: Unpack[ItemcatsGetParams]) -> list[ItemCat]:
        """Standard categories. Arguments, result and errors as `TopClient.itemcats.get`.

        Raises:
            tbapi.ValidationError (nothing was sent), tbapi.AuthenticationError, tbapi.PermissionDeniedError,
            tbapi.RateLimitError, tbapi.InvalidRequestError, tbapi.ServerError, tbapi.APIConnectionError,
            tbapi.APITimeoutError, tbapi.ResponseError — as `TopClient`.
        """
        return await run_async(_itemcats_flow(self._client, params))


class AsyncItemprops(_Resource["AsyncTopClient"]):
    """`taobao.itemprops.get`: the properties of a category."""

    async def get(self, **params: Unpack[ItempropsGetParams]) -> list[ItemProp]:
        """Properties of a leaf category. Arguments, result and errors as `TopClient.itemprops.get`.

        Raises:
            tbapi.ValidationError (nothing was sent), tbapi.AuthenticationError, tbapi.PermissionDeniedError,
            tbapi.RateLimitError, tbapi.InvalidRequestError, tbapi.ServerError, tbapi.APIConnectionError,
            tbapi.APITimeoutError, tbapi.ResponseError — as `TopClient`.
        """
        return await run_async(_itemprops_flow(self._client, params))


class AsyncItempropvalues(_Resource["AsyncTopClient"]):
    """`taobao.itempropvalues.get`: the values of category properties."""

    async def get(self, **params: Unpack[ItempropvaluesGetParams]) -> list[PropValue]:
        """Values of category properties. Arguments, result and errors as `TopClient.itempropvalues.get`.

        Raises:
            tbapi.ValidationError (nothing was sent), tbapi.AuthenticationError, tbapi.PermissionDeniedError,
            tbapi.RateLimitError, tbapi.InvalidRequestError, tbapi.ServerError, tbapi.APIConnectionError,
            tbapi.APITimeoutError, tbapi.ResponseError — as `TopClient`.
        """
        return await run_async(_itempropvalues_flow(self._client, params))


class AsyncTopClient(_TopCore, AsyncClosingMixin):
    """The async twin of `TopClient`: the same arguments, calls and errors, awaited (`async with`)."""

    products: AsyncProducts
    itemcats: AsyncItemcats
    itemprops: AsyncItemprops
    itempropvalues: AsyncItempropvalues

    def __init__(
        self,
        *,
        app_key: str | None = None,
        app_secret: str | None = None,
        session: str | None = None,
        sign_method: str = "hmac-sha256",
        base_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        settings, auth = TopSettings.resolve(
            app_key=app_key,
            app_secret=app_secret,
            session=session,
            sign_method=sign_method,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_after=max_retry_after,
        )
        self._setup(settings, auth, async_transport(http_client), owns_pool=True)

    def _setup(
        self, settings: TopSettings, auth: TopWireAuth, transport: httpx.AsyncBaseTransport, *, owns_pool: bool
    ) -> None:
        self._settings, self._auth, self._transport, self._owns_pool = settings, auth, transport, owns_pool
        self._http = async_http_client(settings.options, auth, transport, AsyncTopHttpClient)
        generated = taobao_top_client.Client(base_url=settings.options.base_url)
        self._generated = generated.set_async_httpx_client(self._http)
        self.products = AsyncProducts(self)
        self.itemcats = AsyncItemcats(self)
        self.itemprops = AsyncItemprops(self)
        self.itempropvalues = AsyncItempropvalues(self)

    def with_options(
        self, *, timeout: float | None = None, max_retries: int | None = None, max_retry_after: float | None = None
    ) -> AsyncTopClient:
        """A client with other `timeout` / `max_retries`, sharing this one's pool, credentials and clock.

        Raises:
            tbapi.ValidationError: a bad `timeout` or `max_retries`.
        """
        settings = attrs.evolve(
            self._settings,
            options=self._settings.options.replace(
                timeout=timeout, max_retries=max_retries, max_retry_after=max_retry_after
            ),
        )
        clone = object.__new__(AsyncTopClient)
        clone._setup(settings, self._auth, self._transport, owns_pool=False)
        return clone

    async def call(
        self, method: str, params: Mapping[str, object] | None = None, *, session: str | None = None
    ) -> dict[str, Any]:
        """Call any TOP method; returns its `…_response` object as a dict. Arguments and errors as `TopClient.call`.

        Raises:
            tbapi.ValidationError (nothing was sent), tbapi.AuthenticationError, tbapi.PermissionDeniedError,
            tbapi.RateLimitError, tbapi.InvalidRequestError, tbapi.ServerError, tbapi.APIConnectionError,
            tbapi.APITimeoutError, tbapi.ResponseError — as `TopClient`.
        """
        return await run_async(self._call_flow(method, params, session))
