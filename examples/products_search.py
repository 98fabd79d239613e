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
PAGE_SIZE = 100  # the largest page TOP serves


def first_page(top: tbapi.TopClient, keyword: str) -> int:
    """Print page 1; return the total the gateway reports."""
    page = top.products.search(fields=FIELDS, q=keyword, page_no=1, page_size=PAGE_SIZE)
    print(f"Page 1: {len(page.products)} product(s); the gateway reports {page.total_results} in all")
    return page.total_results


def every_page(top: tbapi.TopClient, keyword: str, max_items: int, reported: int) -> None:
    count = 0
    for product in top.products.iter_search(fields=FIELDS, q=keyword, page_size=PAGE_SIZE, max_items=max_items):
        count += 1
        print(f"  {count:4}  {product.product_id}  ¥{product.price}  {product.name}")
    print(f"Walked the pages: {count} product(s)")
    if count < min(reported, max_items):
        # iter_search ends at a page shorter than page_size: the gateway has nothing more to send, whatever its
        # total says (the bundled mock answers every page with the same 3 products and a total of 108).
        print(f"The walk ended at a short page, before the {reported} reported: the gateway sent no more.")


def main() -> None:
    parser = _support.parser(__doc__.splitlines()[0])
    parser.add_argument("keyword", nargs="?", default="优衣库")
    parser.add_argument("--max", type=int, default=100, help="stop after this many products")
    args = parser.parse_args()
    with _support.services(args.live), tbapi.TopClient() as top:
        reported = first_page(top, args.keyword)
        every_page(top, args.keyword, args.max, reported)


if __name__ == "__main__":
    main()
