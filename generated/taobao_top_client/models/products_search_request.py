from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_enum,
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


from ..models.market_id import MarketId, check_market_id
from ..models.vertical_market import VerticalMarket, check_vertical_market

T = TypeVar("T", bound="ProductsSearchRequest")


@_attrs_define
class ProductsSearchRequest:
    """Business parameters of `taobao.products.search`, sent as the form body. At least one of `q`,
    `cid`, `props` must be given (checked by the SDK wrapper; the service answers
    `isv.missing-parameter:q-or-cid-or-props`).

    """

    fields: str
    """ Product fields to return, comma-separated (at most 20 entries), from
    `product_id,name,pic_url,cid,props,price,tsc,status`, `pic_path` (the doc's introduction names it
    where its table says `pic_url`), the suite fields `suite_items_str`, `is_suite_effective` that the
    doc's change note adds, and `barcode_str`. The change note spells the second
    `is_suite_effecitve`: that spelling is accepted too, as the seed's; the official SDKs' Product
    structure names the fields `is_suite_effective`, `pic_path` and `barcode_str`.
     """

    q: str | None = None
    """ Keyword matched against the product title. One of q / cid / props is required. """

    cid: int | None = None
    """ Category id (from `taobao.itemcats.get`). One of q / cid / props is required. """

    props: str | None = None
    """ Key property/value pairs `pid:vid;pid:vid` (pid from `taobao.itemprops.get`, vid from
    `taobao.itempropvalues.get`; custom values have negative vids). One of q / cid / props is required.
     """

    status: str | None = None
    """ Product statuses to return, comma-separated, at most 5, from the Product statuses `0`
    (merchant-confirmed, 商家确认), `1` (blocked, 屏蔽), `2` (unconfirmed, 未确认), `3` (staff-confirmed,
    小二确认) and `-1` (deleted, 删除). Only `0` and `3` take effect: the doc calls the others ineffective
    ("目前只支持者两种类型的状态搜索,输入其他状态无效"), not invalid, so they are accepted and sent.
    Omitted: staff-confirmed only for vertical-market categories, both otherwise.
     """

    page_no: int | None = None
    """ Page number, 1-based (service default 1). """

    page_size: int | None = None
    """ Products per page, at most 100 (service default 40). """

    vertical_market: VerticalMarket | None = None
    """ Vertical market: 3 = 3C (3C垂直市场), 4 = shoes (鞋城), 8 = online games (网游). One at a time. """

    customer_props: str | None = None
    """ User-defined key properties `pid1:value1;pid2:value2`; sub-properties such as model or series
    are separated by `:`. E.g. `20000:优衣库:型号:001;632501:1234` = 品牌:优衣库:型号:001;货号:1234.
     """

    suite_items_str: str | None = None
    """ Search suite (套装) products by the specs of their related products, e.g.
    `1000000062318020:1;1000000062318020:2;`. Adds `suite_items_str` and `is_suite_effective`
    to the returned products.
     """

    barcode_str: str | None = None
    """ Barcodes, comma-separated. A barcode may not be all zeros nor start with `*`
    (`isv.invalid-parameter:barcode_str`); those are the doc's only rules, so any other character
    (a `*` after the first, for one) is accepted.
     """

    market_id: MarketId | None = None
    """ Market: "1" = C2C (default when omitted), "2" = B2C. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        fields = self.fields
        field_dict["fields"] = fields
        q = self.q
        if q is not None:
            field_dict["q"] = q
        cid = self.cid
        if cid is not None:
            field_dict["cid"] = cid
        props = self.props
        if props is not None:
            field_dict["props"] = props
        status = self.status
        if status is not None:
            field_dict["status"] = status
        page_no = self.page_no
        if page_no is not None:
            field_dict["page_no"] = page_no
        page_size = self.page_size
        if page_size is not None:
            field_dict["page_size"] = page_size
        vertical_market = self.vertical_market
        if vertical_market is not None:
            field_dict["vertical_market"] = vertical_market
        customer_props = self.customer_props
        if customer_props is not None:
            field_dict["customer_props"] = customer_props
        suite_items_str = self.suite_items_str
        if suite_items_str is not None:
            field_dict["suite_items_str"] = suite_items_str
        barcode_str = self.barcode_str
        if barcode_str is not None:
            field_dict["barcode_str"] = barcode_str
        market_id = self.market_id
        if market_id is not None:
            field_dict["market_id"] = market_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields = d.pop("fields")
        if type(fields) is not str:
            fields = as_str(fields, "ProductsSearchRequest", "fields")

        q = d.pop("q", None)
        if type(q) is not str and q is not None:
            q = as_str(q, "ProductsSearchRequest", "q")

        cid = d.pop("cid", None)
        if type(cid) is not int and cid is not None:
            cid = as_int(cid, "ProductsSearchRequest", "cid")

        props = d.pop("props", None)
        if type(props) is not str and props is not None:
            props = as_str(props, "ProductsSearchRequest", "props")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "ProductsSearchRequest", "status")

        page_no = d.pop("page_no", None)
        if type(page_no) is not int and page_no is not None:
            page_no = as_int(page_no, "ProductsSearchRequest", "page_no")

        page_size = d.pop("page_size", None)
        if type(page_size) is not int and page_size is not None:
            page_size = as_int(page_size, "ProductsSearchRequest", "page_size")

        vertical_market = d.pop("vertical_market", None)
        if vertical_market is not None:
            vertical_market = as_enum(
                check_vertical_market, vertical_market, "ProductsSearchRequest", "vertical_market", "VerticalMarket"
            )

        customer_props = d.pop("customer_props", None)
        if type(customer_props) is not str and customer_props is not None:
            customer_props = as_str(customer_props, "ProductsSearchRequest", "customer_props")

        suite_items_str = d.pop("suite_items_str", None)
        if type(suite_items_str) is not str and suite_items_str is not None:
            suite_items_str = as_str(suite_items_str, "ProductsSearchRequest", "suite_items_str")

        barcode_str = d.pop("barcode_str", None)
        if type(barcode_str) is not str and barcode_str is not None:
            barcode_str = as_str(barcode_str, "ProductsSearchRequest", "barcode_str")

        market_id = d.pop("market_id", None)
        if market_id is not None:
            market_id = as_enum(check_market_id, market_id, "ProductsSearchRequest", "market_id", "MarketId")

        if cls is ProductsSearchRequest:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.fields = fields
            instance_.q = q
            instance_.cid = cid
            instance_.props = props
            instance_.status = status
            instance_.page_no = page_no
            instance_.page_size = page_size
            instance_.vertical_market = vertical_market
            instance_.customer_props = customer_props
            instance_.suite_items_str = suite_items_str
            instance_.barcode_str = barcode_str
            instance_.market_id = market_id
            return instance_
        products_search_request = cls(
            fields,
            q,
            cid,
            props,
            status,
            page_no,
            page_size,
            vertical_market,
            customer_props,
            suite_items_str,
            barcode_str,
            market_id,
        )
        return products_search_request

    def __repr__(self) -> str:
        return model_repr(self)
