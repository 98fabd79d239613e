"""Peak RSS growth of `TopClient.products.iter_search` over 100,000 products (1,000 pages of 100).

    python -m bench.memory BASE_URL

Run in a fresh interpreter by `bench.run`. The baseline is the RSS after the first page was fetched (the
imports, the client, its pool and one parsed page are in it); the peak is the larger of the highest RSS
sampled after every page and the kernel's high-water mark (`VmHWM`). Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time

import tbapi
from bench.bodies import PRODUCTS_PER_PAGE, PRODUCTS_TOTAL

FIELDS = ["product_id", "name", "pic_url", "cid", "props", "price", "tsc", "status"]
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * _PAGE_BYTES


def high_water_bytes() -> int:
    """The process's peak RSS (`VmHWM`). Not `ru_maxrss`: Linux carries that over from the parent across exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(base_url: str) -> None:
    with tbapi.TopClient(app_key="12345678", app_secret="helloworld", base_url=base_url) as client:
        client.products.search(fields=FIELDS, q="优衣库", page_size=PRODUCTS_PER_PAGE)  # warm: pool, imports, parser
        baseline = rss_bytes()
        peak_sampled = baseline
        count = 0
        started = time.perf_counter()
        for product in client.products.iter_search(fields=FIELDS, q="优衣库"):
            count += 1
            if count % PRODUCTS_PER_PAGE == 0:
                peak_sampled = max(peak_sampled, rss_bytes())
                assert product.product_id  # the products are real parsed models
        elapsed = time.perf_counter() - started
    peak = max(peak_sampled, high_water_bytes())
    assert count == PRODUCTS_TOTAL, count
    print(
        json.dumps(
            {
                "products": count,
                "pages": count // PRODUCTS_PER_PAGE,
                "baseline_bytes": baseline,
                "peak_sampled_bytes": peak_sampled,
                "peak_bytes": peak,
                "growth_bytes": peak - baseline,
                "final_bytes": rss_bytes(),
                "seconds": elapsed,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
