"""Search the TOP standard product library, one page at a time or across every page.

    python examples/products_search.py 优衣库                 # the bundled mock
    python examples/products_search.py 优衣库 --live --max 250

`products.search` returns one page (`.total_results`, `.products`); `products.iter_search` walks the
pages for you and stops at the end, at `total_results` or after `max_items`.
"""

from __future__ import annotations

import _support

import tbapi

FIELDS = ["product_id", "name", "price", "cid"]


def first_page(top: tbapi.TopClient, keyword: str) -> None:
    page = top.products.search(fields=FIELDS, q=keyword, page_no=1, page_size=20)
    print(f"Page 1: {len(page.products)} of {page.total_results} product(s)")


def every_page(top: tbapi.TopClient, keyword: str, max_items: int) -> None:
    count = 0
    for product in top.products.iter_search(fields=FIELDS, q=keyword, page_size=100, max_items=max_items):
        count += 1
        print(f"  {count:4}  {product.product_id}  ¥{product.price}  {product.name}")
    print(f"Walked the pages: {count} product(s)")


def main() -> None:
    parser = _support.parser(__doc__.splitlines()[0])
    parser.add_argument("keyword", nargs="?", default="优衣库")
    parser.add_argument("--max", type=int, default=100, help="stop after this many products")
    args = parser.parse_args()
    with _support.services(args.live), tbapi.TopClient() as top:
        first_page(top, args.keyword)
        every_page(top, args.keyword, args.max)


if __name__ == "__main__":
    main()
