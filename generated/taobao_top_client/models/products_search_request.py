from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.market_id import MarketId, check_market_id
from ..models.vertical_market import VerticalMarket, check_vertical_market
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductsSearchRequest")


@_attrs_define
class ProductsSearchRequest:
    """Business parameters of `taobao.products.search`, sent as the form body. At least one of `q`,
    `cid`, `props` must be given (checked by the SDK wrapper; the service answers
    `isv.missing-parameter:q-or-cid-or-props`).

    """

    fields: str
    """ Product fields to return, comma-separated (at most 20 entries), from
    `product_id,name,pic_url,cid,props,price,tsc,status` and the suite fields `suite_items_str`,
    `is_suite_effecitve` (sic) that the doc's change note adds. `pic_path` is accepted too: the doc's
    introduction names it where its table says `pic_url`.
     """
    q: str | Unset = UNSET
    """ Keyword matched against the product title. One of q / cid / props is required. """
    cid: int | Unset = UNSET
    """ Category id (from `taobao.itemcats.get`). One of q / cid / props is required. """
    props: str | Unset = UNSET
    """ Key property/value pairs `pid:vid;pid:vid` (pid from `taobao.itemprops.get`, vid from
    `taobao.itempropvalues.get`; custom values have negative vids). One of q / cid / props is required.
     """
    status: str | Unset = UNSET
    """ Product statuses to return, comma-separated, at most 5. Only `0` (merchant-confirmed, 商家确认)
    and `3` (staff-confirmed, 小二确认) take effect, so only they are accepted: `3`, `0`, `0,3`.
    Omitted: staff-confirmed only for vertical-market categories, both otherwise.
     """
    page_no: int | Unset = UNSET
    """ Page number, 1-based (service default 1). """
    page_size: int | Unset = UNSET
    """ Products per page, at most 100 (service default 40). """
    vertical_market: VerticalMarket | Unset = UNSET
    """ Vertical market: 3 = 3C (3C垂直市场), 4 = shoes (鞋城), 8 = online games (网游). One at a time. """
    customer_props: str | Unset = UNSET
    """ User-defined key properties `pid1:value1;pid2:value2`; sub-properties such as model or series
    are separated by `:`. E.g. `20000:优衣库:型号:001;632501:1234` = 品牌:优衣库:型号:001;货号:1234.
     """
    suite_items_str: str | Unset = UNSET
    """ Search suite (套装) products by the specs of their related products, e.g.
    `1000000062318020:1;1000000062318020:2;`. Adds `suite_items_str` and `is_suite_effecitve`
    to the returned products.
     """
    barcode_str: str | Unset = UNSET
    """ Barcodes, comma-separated. A barcode may not be all zeros nor start with `*`
    (`isv.invalid-parameter:barcode_str`).
     """
    market_id: MarketId | Unset = UNSET
    """ Market: "1" = C2C (default when omitted), "2" = B2C. """

    def to_dict(self) -> dict[str, Any]:
        fields = self.fields

        q = self.q

        cid = self.cid

        props = self.props

        status = self.status

        page_no = self.page_no

        page_size = self.page_size

        vertical_market: int | Unset = UNSET
        if not isinstance(self.vertical_market, Unset):
            vertical_market = self.vertical_market

        customer_props = self.customer_props

        suite_items_str = self.suite_items_str

        barcode_str = self.barcode_str

        market_id: str | Unset = UNSET
        if not isinstance(self.market_id, Unset):
            market_id = self.market_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fields": fields,
            }
        )
        if q is not UNSET:
            field_dict["q"] = q
        if cid is not UNSET:
            field_dict["cid"] = cid
        if props is not UNSET:
            field_dict["props"] = props
        if status is not UNSET:
            field_dict["status"] = status
        if page_no is not UNSET:
            field_dict["page_no"] = page_no
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if vertical_market is not UNSET:
            field_dict["vertical_market"] = vertical_market
        if customer_props is not UNSET:
            field_dict["customer_props"] = customer_props
        if suite_items_str is not UNSET:
            field_dict["suite_items_str"] = suite_items_str
        if barcode_str is not UNSET:
            field_dict["barcode_str"] = barcode_str
        if market_id is not UNSET:
            field_dict["market_id"] = market_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields = d.pop("fields")

        q = d.pop("q", UNSET)

        cid = d.pop("cid", UNSET)

        props = d.pop("props", UNSET)

        status = d.pop("status", UNSET)

        page_no = d.pop("page_no", UNSET)

        page_size = d.pop("page_size", UNSET)

        _vertical_market = d.pop("vertical_market", UNSET)
        vertical_market: VerticalMarket | Unset
        if isinstance(_vertical_market, Unset):
            vertical_market = UNSET
        else:
            vertical_market = check_vertical_market(_vertical_market)

        customer_props = d.pop("customer_props", UNSET)

        suite_items_str = d.pop("suite_items_str", UNSET)

        barcode_str = d.pop("barcode_str", UNSET)

        _market_id = d.pop("market_id", UNSET)
        market_id: MarketId | Unset
        if isinstance(_market_id, Unset):
            market_id = UNSET
        else:
            market_id = check_market_id(_market_id)

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
