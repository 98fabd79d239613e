"""The models tbapi returns and accepts, in one place: `from tbapi.types import SearchItem, Product`.

They are the attrs models generated from `openapi/*.yaml` (`to_dict()`, `from_dict()`, unknown fields in
`additional_properties`), re-exported so nobody imports a generated package. The TOP product is
`TopProduct` here (the Shanjing 撞库 record is `Product`). Loaded on first use of `tbapi.types`.
"""

from __future__ import annotations

from tbapi._generated.shanjing_client.models import (
    Address,
    CancelOrderResponse,
    ChannelOrderType,
    CreatedOrder,
    CreatedOrderLine,
    CreateOrderResult,
    ItemDetail,
    ItemSku,
    ItemSourceMarket,
    ItemTranslation,
    Language,
    Money,
    OrderLine,
    OrderStatus,
    Product,
    ProductSku,
    PurchaseOrder,
    RenderedItem,
    RenderItem,
    RenderResult,
    SearchItem,
    SortOrder,
    SortType,
    SubPurchaseOrder,
    SupplyChainServiceChoice,
    UnavailableSku,
)
from tbapi._generated.taobao_top_client.models import ErrorResponse, ItemCat, ItemProp, PropValue
from tbapi._generated.taobao_top_client.models import Product as TopProduct

from .shanjing import Page, TokenRecord
from .top import ProductsSearchResult

__all__ = [
    "Address",
    "CancelOrderResponse",
    "ChannelOrderType",
    "CreateOrderResult",
    "CreatedOrder",
    "CreatedOrderLine",
    "ErrorResponse",
    "ItemCat",
    "ItemDetail",
    "ItemProp",
    "ItemSku",
    "ItemSourceMarket",
    "ItemTranslation",
    "Language",
    "Money",
    "OrderLine",
    "OrderStatus",
    "Page",
    "Product",
    "ProductSku",
    "ProductsSearchResult",
    "PropValue",
    "PurchaseOrder",
    "RenderItem",
    "RenderResult",
    "RenderedItem",
    "SearchItem",
    "SortOrder",
    "SortType",
    "SubPurchaseOrder",
    "SupplyChainServiceChoice",
    "TokenRecord",
    "TopProduct",
    "UnavailableSku",
]
