"""The main job of tbapi, against the bundled mock: find look-alike goods by image, then look up
standard products on Taobao Open Platform. `make demo` runs it; it starts and stops the mock itself.

Point it at real services instead by exporting TBAPI_SHANJING_BASE_URL / TBAPI_TOP_BASE_URL and the
credentials (TBAPI_SHANJING_ACCESS_TOKEN, TBAPI_TOP_APP_KEY, TBAPI_TOP_APP_SECRET) and passing --no-mock.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator

import tbapi
from mock.servers import running_mocks

SEED_PIC_URL = "https://img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg"
MOCK_CREDENTIALS = {
    "TBAPI_SHANJING_ACCESS_TOKEN": "demo-access-token",
    "TBAPI_TOP_APP_KEY": "12345678",  # the gateway front's test app
    "TBAPI_TOP_APP_SECRET": "helloworld",
}


@contextlib.contextmanager
def environment(use_mock: bool) -> Iterator[None]:
    if not use_mock:
        yield
        return
    with running_mocks() as urls:
        os.environ.update(MOCK_CREDENTIALS)
        os.environ["TBAPI_SHANJING_BASE_URL"] = urls.shanjing
        os.environ["TBAPI_TOP_BASE_URL"] = urls.top_gateway
        yield


def image_search() -> None:
    with tbapi.ShanjingClient() as client:
        items = client.items.image_search(pic_url=SEED_PIC_URL, exclude_filters=["used_item"], language="en")
    print(f"Image search: {len(items)} look-alike item(s)")
    for item in items[:5]:
        print(f"  {item.tb_item_id}  ¥{item.price}  {item.title}  ({item.shop_name})")


def products_search() -> None:
    with tbapi.TopClient() as top:
        result = top.products.search(fields=["product_id", "name", "price", "cid"], q="优衣库")
    print(f"TOP products search: {result.total_results} product(s) in all, {len(result.products)} on this page")
    for product in result.products[:5]:
        print(f"  {product.product_id}  ¥{product.price}  {product.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-mock", action="store_true", help="use the real services from the environment")
    args = parser.parse_args()
    with environment(use_mock=not args.no_mock):
        image_search()
        products_search()


if __name__ == "__main__":
    main()
