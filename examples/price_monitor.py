"""Price monitoring: the current prices of a list of Taobao/Tmall items, as a CSV file.

    python examples/price_monitor.py                                  # the bundled mock, sample ids
    python examples/price_monitor.py --ids ids.txt --csv prices.csv --live

`items.get_many` keeps `--concurrency` detail calls in flight and hands back each id's result as soon
as it completes. An item that fails (gone, or still failing after its retries) is a row with its error,
never the end of the run. The wire gives prices in fen; the CSV has yuan.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import _support

import tbapi

SAMPLE_IDS: list[int | str] = [689542173310 + n for n in range(12)]
COLUMNS = ["item_id", "title", "price", "promotion_price", "coupon_price", "shop", "error"]


def yuan(fen: object) -> str:
    return f"{fen / 100:.2f}" if isinstance(fen, int) else ""


def rows(results: Iterable[tbapi.shanjing.BulkResult[tbapi.types.ItemDetail]]) -> Iterable[dict[str, object]]:
    for result in results:
        item = result.item
        if item is None:
            yield {"item_id": result.item_id, "error": f"{type(result.error).__name__}: {result.error}"}
            continue
        yield {
            "item_id": result.item_id,
            "title": item.title if isinstance(item.title, str) else "",
            "price": yuan(item.price),
            "promotion_price": yuan(item.promotion_price),
            "coupon_price": yuan(item.coupon_price),
            "shop": item.shop_name if isinstance(item.shop_name, str) else "",
        }


def read_ids(path: Path) -> list[int | str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def main() -> None:
    parser = _support.parser(__doc__.splitlines()[0])
    parser.add_argument("--ids", type=Path, help="a file of item ids, one per line (default: sample ids)")
    parser.add_argument("--csv", type=Path, default=Path("prices.csv"), help="where to write the prices")
    parser.add_argument("--concurrency", type=int, default=16, help="detail calls in flight")
    args = parser.parse_args()
    ids = read_ids(args.ids) if args.ids else SAMPLE_IDS
    failed = 0
    with _support.services(args.live), tbapi.ShanjingClient() as client, args.csv.open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows(client.items.get_many(ids, concurrency=args.concurrency)):
            writer.writerow(row)
            failed += 1 if "error" in row else 0
    print(f"Prices of {len(ids) - failed} item(s), {failed} error(s) -> {args.csv}")


if __name__ == "__main__":
    main()
