"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .bad_request_body import BadRequestBody
from .bad_request_detail import BadRequestDetail
from .cancel_order_request import CancelOrderRequest
from .cancel_order_response import CancelOrderResponse
from .channel_order_type import ChannelOrderType
from .create_order_request import CreateOrderRequest
from .create_order_response import CreateOrderResponse
from .create_order_result import CreateOrderResult
from .created_order import CreatedOrder
from .created_order_line import CreatedOrderLine
from .get_item_response import GetItemResponse
from .get_product_response import GetProductResponse
from .image_search_response import ImageSearchResponse
from .item_detail import ItemDetail
from .item_price_info import ItemPriceInfo
from .item_property import ItemProperty
from .item_resource import ItemResource
from .item_sku import ItemSku
from .item_source_market import ItemSourceMarket
from .item_translation import ItemTranslation
from .language import Language
from .logistic_order import LogisticOrder
from .money import Money
from .order_line import OrderLine
from .order_status import OrderStatus
from .problem import Problem
from .product import Product
from .product_sku import ProductSku
from .product_sku_property import ProductSkuProperty
from .promotion_display import PromotionDisplay
from .promotion_info import PromotionInfo
from .property_image import PropertyImage
from .purchase_order import PurchaseOrder
from .purchase_order_page import PurchaseOrderPage
from .query_orders_response import QueryOrdersResponse
from .render_item import RenderItem
from .render_order_request import RenderOrderRequest
from .render_order_response import RenderOrderResponse
from .render_result import RenderResult
from .rendered_item import RenderedItem
from .search_item import SearchItem
from .search_item_page import SearchItemPage
from .search_items_response import SearchItemsResponse
from .sku_translation import SkuTranslation
from .sort_order import SortOrder
from .sort_type import SortType
from .sub_purchase_order import SubPurchaseOrder
from .supply_chain_service_category import SupplyChainServiceCategory
from .supply_chain_service_choice import SupplyChainServiceChoice
from .token_response import TokenResponse
from .unavailable_sku import UnavailableSku
from .upload_image_request import UploadImageRequest
from .upload_image_response import UploadImageResponse
from .uploaded_image import UploadedImage

__all__ = (
    "Address",
    "BadRequestBody",
    "BadRequestDetail",
    "CancelOrderRequest",
    "CancelOrderResponse",
    "ChannelOrderType",
    "CreatedOrder",
    "CreatedOrderLine",
    "CreateOrderRequest",
    "CreateOrderResponse",
    "CreateOrderResult",
    "GetItemResponse",
    "GetProductResponse",
    "ImageSearchResponse",
    "ItemDetail",
    "ItemPriceInfo",
    "ItemProperty",
    "ItemResource",
    "ItemSku",
    "ItemSourceMarket",
    "ItemTranslation",
    "Language",
    "LogisticOrder",
    "Money",
    "OrderLine",
    "OrderStatus",
    "Problem",
    "Product",
    "ProductSku",
    "ProductSkuProperty",
    "PromotionDisplay",
    "PromotionInfo",
    "PropertyImage",
    "PurchaseOrder",
    "PurchaseOrderPage",
    "QueryOrdersResponse",
    "RenderedItem",
    "RenderItem",
    "RenderOrderRequest",
    "RenderOrderResponse",
    "RenderResult",
    "SearchItem",
    "SearchItemPage",
    "SearchItemsResponse",
    "SkuTranslation",
    "SortOrder",
    "SortType",
    "SubPurchaseOrder",
    "SupplyChainServiceCategory",
    "SupplyChainServiceChoice",
    "TokenResponse",
    "UnavailableSku",
    "UploadedImage",
    "UploadImageRequest",
    "UploadImageResponse",
)
