"""The bodies the bench server answers: realistic sizes, built from the shapes of the specs.

- `products_search_body`: a `taobao.products.search` page of 100 products with all eight documented fields
  (`openapi/top.yaml`, `ProductsSearchResponseEnvelope`), `total_results` 100,000 — so `iter_search` walks
  1,000 full pages.
- `items_search_body`: a Shanjing keyword-search page of 20 items (`openapi/shanjing.yaml`,
  `SearchItemsResponse` with a `SearchItemPage`), promotions, tags and translation included.
- `item_detail_body`: a Shanjing item detail (`GetItemResponse`: two SKUs, properties, promotions, English
  texts) with the placeholder `ITEM_ID` where the server writes the id that was asked for.
- `top_error_body`: the gateway's `error_response` for a method the bench server does not serve.

Values vary item by item (ids, names, prices) so that no parser or cache sees the same object twice.
"""

from __future__ import annotations

import json
from typing import Any

PRODUCTS_PER_PAGE = 100
PRODUCTS_TOTAL = 100_000
ITEMS_PER_PAGE = 20

_PRODUCT_NAMES = (
    "优衣库 男装 摇粒绒拉链茄克(长袖) {n}",
    "优衣库 女装 高级轻型羽绒茄克 {n}",
    "优衣库 男装 AIRism棉混纺圆领T恤(短袖) {n}",
    "优衣库 女装 弹力修身牛仔裤 {n}",
)
_ITEM_TITLES = (
    ("夏季新款纯棉短袖T恤男宽松圆领半袖上衣", "Summer cotton short-sleeve T-shirt, men's loose crew neck top"),
    ("重磅纯棉短袖t恤男士夏季白色打底衫", "Heavyweight cotton short-sleeve T-shirt, men's white base tee"),
    ("新疆长绒棉短袖T恤男圆领纯色半袖", "Xinjiang long-staple cotton crew neck T-shirt, men's solid color"),
)


def _json(value: Any) -> bytes:
    # What the gateways send: compact, non-ASCII characters as UTF-8 (not \u escapes).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


FIRST_PRODUCT_ID = 1_234_560_000


def product(n: int) -> dict[str, Any]:
    """One `Product` with every documented field."""
    return {
        "product_id": FIRST_PRODUCT_ID + n,
        "name": _PRODUCT_NAMES[n % len(_PRODUCT_NAMES)].format(n=419_427 + n),
        "pic_url": f"https://img.alicdn.com/bao/uploaded/i{n % 4 + 1}/TB1uniqlo{419_427 + n}.jpg",
        "cid": 50_011_167 + n % 7,
        "props": f"20000:3380017;13021751:{736_201_029 + n};1627207:{28_341 + n % 13}",
        "price": f"{79 + (n * 37) % 900}.00",
        "tsc": f"69345872{n:05d}",
        "status": 3 if n % 3 else 0,
    }


def products_search_body(products: int = PRODUCTS_PER_PAGE, total: int = PRODUCTS_TOTAL) -> bytes:
    """`{"products_search_response": {"total_results", "products": {"product": [...]}, "request_id"}}`."""
    return _json(
        {
            "products_search_response": {
                "total_results": total,
                "products": {"product": [product(n) for n in range(products)]},
                "request_id": "3ojvs5bdxsyu",
            }
        }
    )


def search_item(n: int) -> dict[str, Any]:
    """One `SearchItem` as the keyword search returns it (language `en`)."""
    title, english = _ITEM_TITLES[n % len(_ITEM_TITLES)]
    seller = 2_206_512_345_678 + n
    image = f"https://img.alicdn.com/imgextra/i{n % 4 + 1}/{seller}/O1CN01aBcDeF{n:04d}Y3Z4W5V6_!!{seller}.jpg"
    promotions = (
        [
            {
                "name": "店铺优惠",
                "itemPromotionDisplayInfoVOList": [{"code": f"{seller}_manjian_300_30", "name": "满300减30"}],
            }
        ]
        if n % 2 == 0
        else []
    )
    return {
        "couponPrice": f"{25 + n % 30}.{n % 10}0",
        "promotionDisplayVOList": promotions,
        "tbItemId": 689_542_173_310 + n,
        "title": title,
        "mainImageUrl": image,
        "price": f"{30 + n % 30}.90",
        "inventory": 200 + 37 * n,
        "shopName": "优衣潮品旗舰店",
        "tagList": ["activity_202311_1_tb_manjian"] if n % 3 == 0 else [],
        "materialI18nVO": {"title": english, "mainImage": image, "language": "en"},
    }


def items_search_body(items: int = ITEMS_PER_PAGE) -> bytes:
    """`{"errorCode": null, "errorMsg": null, "data": {"page_no", "page_size", "data": [...]}}`."""
    page = {"page_no": 1, "page_size": items, "data": [search_item(n) for n in range(items)]}
    return _json({"errorCode": None, "errorMsg": None, "data": page})


ITEM_ID = b"1234567890123456789"  # replaced by the requested id in each answer


def _sku(n: int, color: tuple[int, str]) -> dict[str, Any]:
    return {
        "skuId": 5_123_456_789_012 + n,
        "quantity": 200 - 200 * n,
        "price": 3990,
        "promotionPrice": 3590,
        "couponPrice": 3290,
        "picUrl": f"https://img.alicdn.com/imgextra/i1/2206512345678/O1CN01sku{n}.jpg",
        "properties": [
            {"propId": 1627207, "propName": "颜色分类", "valueId": color[0], "valueName": color[1]},
            {"propId": 20509, "propName": "尺码", "valueId": 28315, "valueName": "L"},
        ],
    }


def item_detail_body() -> bytes:
    """`{"errorCode": null, "errorMsg": null, "data": {…ItemDetail…}}` with `ITEM_ID` as its `tbItemId`."""
    title, english = _ITEM_TITLES[0]
    image = "https://img.alicdn.com/imgextra/i1/2206512345678/O1CN01aBcDeF1x2Y3Z4W5V6_!!2206512345678.jpg"
    detail = {
        "tbItemId": 0,
        "title": title,
        "picUrls": [image, image.replace("i1", "i2")],
        "shopName": "优衣潮品旗舰店",
        "shopId": 573_908_211,
        "price": 3990,
        "promotionPrice": 3590,
        "couponPrice": 3290,
        "description": '<p><img src="https://img.alicdn.com/imgextra/i3/2206512345678/O1CN01desc01.jpg"/></p>',
        "properties": [
            {"propId": 20000, "propName": "品牌", "valueId": 3271397, "valueName": "优衣潮品"},
            {"propId": 20021, "propName": "面料", "valueId": 105255, "valueName": "纯棉"},
        ],
        "skuList": [_sku(0, (28320, "白色")), _sku(1, (28341, "黑色"))],
        "propertyImageList": [{"properties": "1627207:28320", "imageUrl": image}],
        "tagList": ["activity_202311_1_tb_manjian"],
        "promotionDisplayVOList": [
            {
                "name": "店铺优惠",
                "itemPromotionDisplayInfoVOList": [{"code": "2206512345678_manjian_300_30", "name": "满300减30"}],
            }
        ],
        "materialI18nVO": {"title": english, "mainImage": image, "language": "en"},
    }
    body = _json({"errorCode": None, "errorMsg": None, "data": detail})
    return body.replace(b'"tbItemId":0', b'"tbItemId":' + ITEM_ID, 1)


def top_error_body(method: str) -> bytes:
    """The gateway's answer to a method it does not know (code 22)."""
    return _json(
        {
            "error_response": {
                "code": 22,
                "msg": "Invalid method",
                "sub_msg": f"bench server serves taobao.products.search only, not {method!r}",
                "request_id": "bench",
            }
        }
    )


def top_ban_body(seconds: int) -> bytes:
    """The gateway's answer to a call over the per-API limit (code 7, as the mock gateway front gives it)."""
    from mock.top_gateway import TOP_BAN_CODE, TOP_BAN_MSG, TOP_BAN_SUB_CODE, ban_sub_msg

    error = {"code": TOP_BAN_CODE, "msg": TOP_BAN_MSG, "sub_code": TOP_BAN_SUB_CODE, "sub_msg": ban_sub_msg(seconds)}
    return _json({"error_response": {**error, "request_id": "bench"}})
