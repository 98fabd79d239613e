"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .error_response_envelope import ErrorResponseEnvelope
from .feature import Feature
from .feature_list import FeatureList
from .item_cat import ItemCat
from .item_cat_list import ItemCatList
from .item_prop import ItemProp
from .item_prop_list import ItemPropList
from .itemcats_get_request import ItemcatsGetRequest
from .itemcats_get_response import ItemcatsGetResponse
from .itemcats_get_response_envelope import ItemcatsGetResponseEnvelope
from .itemprops_get_request import ItempropsGetRequest
from .itemprops_get_response import ItempropsGetResponse
from .itemprops_get_response_envelope import ItempropsGetResponseEnvelope
from .itempropvalues_get_request import ItempropvaluesGetRequest
from .itempropvalues_get_response import ItempropvaluesGetResponse
from .itempropvalues_get_response_envelope import ItempropvaluesGetResponseEnvelope
from .market_id import MarketId
from .platform_type import PlatformType
from .problem import Problem
from .product import Product
from .product_list import ProductList
from .products_search_request import ProductsSearchRequest
from .products_search_response import ProductsSearchResponse
from .products_search_response_envelope import ProductsSearchResponseEnvelope
from .prop_value import PropValue
from .prop_value_list import PropValueList
from .vertical_market import VerticalMarket

__all__ = (
    "ErrorResponse",
    "ErrorResponseEnvelope",
    "Feature",
    "FeatureList",
    "ItemCat",
    "ItemCatList",
    "ItemcatsGetRequest",
    "ItemcatsGetResponse",
    "ItemcatsGetResponseEnvelope",
    "ItemProp",
    "ItemPropList",
    "ItempropsGetRequest",
    "ItempropsGetResponse",
    "ItempropsGetResponseEnvelope",
    "ItempropvaluesGetRequest",
    "ItempropvaluesGetResponse",
    "ItempropvaluesGetResponseEnvelope",
    "MarketId",
    "PlatformType",
    "Problem",
    "Product",
    "ProductList",
    "ProductsSearchRequest",
    "ProductsSearchResponse",
    "ProductsSearchResponseEnvelope",
    "PropValue",
    "PropValueList",
    "VerticalMarket",
)
