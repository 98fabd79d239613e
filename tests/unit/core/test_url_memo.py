"""`HttpClient` resolves each relative request path once per base URL: the same URLs as httpx's own merge."""

from __future__ import annotations

import httpx
import pytest

from tbapi._base_client import AsyncHttpClient, HttpClient, UrlMemo

PATHS = ["/taobao.products.search", "rest/taobao-global/traffic/item/search", "/a%20b/c?x=1", "/", ""]


@pytest.mark.parametrize("base_url", ["https://gw.test/router/rest", "https://gw.test/", "http://127.0.0.1:8080/api/"])
def test_merged_urls_are_httpx_own(base_url: str) -> None:
    with HttpClient(base_url=base_url) as ours, httpx.Client(base_url=base_url) as plain:
        for path in PATHS:
            assert ours.build_request("GET", path).url == plain.build_request("GET", path).url
            assert ours.build_request("GET", path).url == plain.build_request("GET", path).url  # from the memo
        absolute = "https://elsewhere.test/x"
        assert ours.build_request("GET", absolute).url == httpx.URL(absolute)


def test_a_new_base_url_is_resolved_afresh() -> None:
    with HttpClient(base_url="https://one.test/a") as client:
        assert client.build_request("GET", "/m").url == httpx.URL("https://one.test/a/m")
        client.base_url = "https://two.test/b"
        assert client.build_request("GET", "/m").url == httpx.URL("https://two.test/b/m")


async def test_async_client_merges_the_same() -> None:
    async with AsyncHttpClient(base_url="https://gw.test/router/rest") as client:
        assert client.build_request("POST", "/m").url == httpx.URL("https://gw.test/router/rest/m")


def test_memo_keeps_at_most_limit_paths() -> None:
    memo: UrlMemo[str] = UrlMemo(limit=2)
    base = httpx.URL("https://gw.test/")
    derived: list[str] = []

    def derive(path: str) -> str:
        derived.append(path)
        return path.upper()

    for path in ["a", "b", "c", "a", "b", "c"]:
        assert memo.get(base, path, derive) == path.upper()
    assert derived == ["a", "b", "c", "c"]  # "c" did not fit: derived each time
