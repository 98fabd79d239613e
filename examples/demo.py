"""The main job of tbapi, against the bundled mock: find look-alike goods for a photo, then look up
standard products on the Taobao Open Platform. `make demo` runs it; it starts and stops the mock itself.

With `--live` it calls the real services configured by TBAPI_SHANJING_ACCESS_TOKEN, TBAPI_TOP_APP_KEY,
TBAPI_TOP_APP_SECRET (and TBAPI_*_BASE_URL) instead. The other scripts here show each flow in depth.
"""

from __future__ import annotations

import _support
from image_search import DEFAULT_IMAGE, look_alikes

import tbapi


def image_search() -> None:
    items = look_alikes(DEFAULT_IMAGE)
    print(f"Image search ({DEFAULT_IMAGE.name}, uploaded then searched): {len(items)} look-alike item(s)")
    for item in items[:5]:
        print(f"  {item.tb_item_id}  ¥{item.price}  {item.title}  ({item.shop_name})")


def products_search() -> None:
    with tbapi.TopClient() as top:
        result = top.products.search(fields=["product_id", "name", "price", "cid"], q="优衣库")
    print(f"TOP products search: {result.total_results} product(s) in all, {len(result.products)} on this page")
    for product in result.products[:5]:
        print(f"  {product.product_id}  ¥{product.price}  {product.name}")


def main() -> None:
    args = _support.parser(__doc__.splitlines()[0]).parse_args()
    with _support.services(args.live):
        image_search()
        products_search()


if __name__ == "__main__":
    main()
