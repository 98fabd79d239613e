"""Check the specs against the real services (`make validate-live`; needs your credentials, never run in CI).

Shanjing: Prism runs in proxy mode in front of the real API (`prism proxy openapi/shanjing.yaml
https://ecommerce-api.shanjing-inc.com --errors`) and tbapi sends read-only calls through it; Prism checks
every request and every real response against the spec, and `--errors` turns a violation into an error
answer, reported here. TOP: Prism cannot proxy the gateway's single URL, so read-only calls go straight to
the gateway and an answer that does not parse as the spec's envelope is reported (tbapi's `ResponseError`).

    TBAPI_SHANJING_ACCESS_TOKEN=… [TBAPI_TOP_APP_KEY=… TBAPI_TOP_APP_SECRET=…] make validate-live

Nothing is bought or changed: only item, image-search, 撞库, order-query and TOP read methods are called.
Exit status 0 when every call matched the spec, 1 otherwise, 2 when credentials are missing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tbapi
from tbapi.testing._mock import listening

ROOT = Path(__file__).resolve().parents[1]
PRISM = ROOT / "mock" / "node_modules" / ".bin" / "prism"
SHANJING_UPSTREAM = "https://ecommerce-api.shanjing-inc.com"
SEED_PIC_URL = "https://img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg"
Check = tuple[str, Callable[[], Any]]


@contextmanager
def prism_proxy(upstream: str, port: int) -> Iterator[str]:
    argv = [str(PRISM), "proxy", str(ROOT / "openapi" / "shanjing.yaml"), upstream, "--errors"]
    proc = subprocess.Popen([*argv, "-h", "127.0.0.1", "-p", str(port), "-v", "warn"], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if listening(url) or proc.poll() is not None:
                break
            time.sleep(0.1)
        if proc.poll() is not None:
            raise SystemExit(f"prism proxy exited with {proc.returncode}")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def shanjing_checks(client: tbapi.ShanjingClient) -> Iterator[Check]:
    page = client.items.search("纯棉短袖T恤", page_size=5)
    yield "items.search", lambda: page
    item_id = page.items[0].tb_item_id if page.items else 689542173310
    yield "items.get", lambda: client.items.get(item_id)  # type: ignore[arg-type]
    yield "items.image_search", lambda: client.items.image_search(pic_url=SEED_PIC_URL)
    yield "products.get", lambda: client.products.get(item_id)  # type: ignore[arg-type]
    yield "orders.query", lambda: client.orders.query(page_size=1)


def top_checks(top: tbapi.TopClient) -> Iterator[Check]:
    yield "taobao.products.search", lambda: top.products.search(fields="product_id,name,price,cid", q="优衣库")
    cats = top.itemcats.get(parent_cid=0)
    yield "taobao.itemcats.get", lambda: cats
    cid = next((c.cid for c in cats if c.is_parent is False), 50000436)
    yield "taobao.itemprops.get", lambda: top.itemprops.get(cid=cid)  # type: ignore[arg-type]
    yield "taobao.itempropvalues.get", lambda: top.itempropvalues.get(cid=cid)  # type: ignore[arg-type]


def run(checks: Iterator[Check]) -> int:
    failures = 0
    while True:
        try:
            name, call = next(checks)
            call()
        except StopIteration:
            return failures
        except tbapi.TbapiError as error:
            failures += 1
            print(f"  MISMATCH or failure: {type(error).__name__}: {error}")
            return failures
        else:
            print(f"  ok  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default=SHANJING_UPSTREAM, help="the Shanjing API Prism proxies to")
    parser.add_argument("--port", type=int, default=4020, help="the local port of the Prism proxy")
    args = parser.parse_args()
    if not os.environ.get("TBAPI_SHANJING_ACCESS_TOKEN"):
        print("validate-live needs TBAPI_SHANJING_ACCESS_TOKEN (and TBAPI_TOP_APP_KEY/SECRET for TOP)")
        return 2
    failures = 0
    with prism_proxy(args.upstream, args.port) as proxy, tbapi.ShanjingClient(base_url=proxy, max_retries=0) as client:
        print(f"Shanjing through `prism proxy` ({args.upstream}):")
        failures += run(shanjing_checks(client))
    if os.environ.get("TBAPI_TOP_APP_KEY") and os.environ.get("TBAPI_TOP_APP_SECRET"):
        with tbapi.TopClient(max_retries=0) as top:
            print(f"TOP at {top.base_url}:")
            failures += run(top_checks(top))
    print("every call matched the spec" if failures == 0 else f"{failures} mismatch(es)")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
