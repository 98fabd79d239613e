"""Other TOP clients from PyPI against the TOP gateway front: it speaks the real protocol, not only ours.

- `topsdk` (20.4.21.40, the official SDK as published on PyPI, module `top`): md5, epoch-millisecond
  timestamps, system parameters in the query, business parameters as a form body.
- `taobaopy` (6.0.1): HMAC-MD5, every parameter in the form body, a `yyyy-MM-dd HH:mm:ss` timestamp in the
  host's *local* time — so, as its users must, it is run with `TZ=Asia/Shanghai` (in a subprocess).

Both are test-only dependencies (the `test` extra, which `make test` installs); never runtime ones.
A tampered signature must be answered with code 25 whoever sent it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import httpx
import pytest
import taobaopy  # type: ignore[import-untyped]  # noqa: F401  (the test extra; imported to fail early)
import top  # type: ignore[import-untyped]
import top.api.base as top_base  # type: ignore[import-untyped]

from mock.servers import MockUrls
from tests.conftest import TOP_APP_KEY, TOP_APP_SECRET


def tampered(signature: str) -> str:
    """The same signature with its first hex digit changed."""
    return ("0" if signature[0] != "0" else "1") + signature[1:]


# --- topsdk -----------------------------------------------------------------------------------------------------


class ProductsSearchRequest(top_base.RestApi):  # type: ignore[misc]
    """`taobao.products.search` written the way topsdk's generated request classes are (it ships none for it)."""

    def __init__(self, domain: str, port: int) -> None:
        top_base.RestApi.__init__(self, domain, port)
        self.fields: str | None = None
        self.q: str | None = None

    def getapiname(self) -> str:
        return "taobao.products.search"


@pytest.fixture
def topsdk_search(mock_urls: MockUrls) -> Any:
    url = httpx.URL(mock_urls.top_gateway)
    assert url.path == top_base.N_REST, "topsdk always posts to /router/rest"
    request = ProductsSearchRequest(url.host, url.port or 80)
    request.set_app_info(top.appinfo(TOP_APP_KEY, TOP_APP_SECRET))
    request.fields, request.q = "product_id,name", "优衣库"
    return request


def test_topsdk_request_is_accepted(topsdk_search: Any) -> None:
    response = topsdk_search.getResponse()
    assert response["products_search_response"]["total_results"] == 108


def test_topsdk_request_with_a_session_is_accepted(topsdk_search: Any) -> None:
    assert "products_search_response" in topsdk_search.getResponse(authrize="a-user-session")


def test_topsdk_request_with_a_tampered_signature_is_code_25(
    topsdk_search: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_sign = top_base.sign
    monkeypatch.setattr(top_base, "sign", lambda secret, params: tampered(real_sign(secret, params)))
    with pytest.raises(top_base.TopException) as caught:
        topsdk_search.getResponse()
    assert caught.value.errorcode == 25


def test_topsdk_request_with_a_wrong_secret_is_code_25(topsdk_search: Any) -> None:
    topsdk_search.set_app_info(top.appinfo(TOP_APP_KEY, "not-the-secret"))
    with pytest.raises(top_base.TopException) as caught:
        topsdk_search.getResponse()
    assert caught.value.errorcode == 25


# --- taobaopy (in a subprocess: its timestamp is the host's local time) -----------------------------------------

TAOBAOPY_SCRIPT = """
import json, sys
from taobaopy.taobao import DefaultAPIRequest, TaoBaoAPIClient, TaoBaoAPIError

domain, tamper = sys.argv[1], sys.argv[2] == "tamper"

class Tampering(DefaultAPIRequest):
    def sign(self):
        data, files = super().sign()
        data["sign"] = ("0" if data["sign"][0] != "0" else "1") + data["sign"][1:]
        return data, files

app_key, secret = sys.argv[3], sys.argv[4]
client = TaoBaoAPIClient(app_key, secret, domain=domain, fetcher_class=Tampering if tamper else DefaultAPIRequest, retry_count=1)
try:
    print(json.dumps(client.products_search(fields="product_id,name", q="优衣库")))
except TaoBaoAPIError as error:
    print(json.dumps({"error_code": error.code}))
"""


def run_taobaopy(mock_urls: MockUrls, *, tz: str, tamper: bool = False) -> dict[str, Any]:
    domain = str(httpx.URL(mock_urls.top_gateway).copy_with(path="/"))[:-1]  # taobaopy appends /router/rest
    argv = [sys.executable, "-c", TAOBAOPY_SCRIPT, domain, "tamper" if tamper else "plain", TOP_APP_KEY, TOP_APP_SECRET]
    env = {**os.environ, "TZ": tz, "NO_PROXY": "127.0.0.1,localhost"}
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_taobaopy_request_in_shanghai_time_is_accepted(mock_urls: MockUrls) -> None:
    answer = run_taobaopy(mock_urls, tz="Asia/Shanghai")
    assert answer["products_search_response"]["total_results"] == 108


def test_taobaopy_request_with_a_tampered_signature_is_code_25(mock_urls: MockUrls) -> None:
    assert run_taobaopy(mock_urls, tz="Asia/Shanghai", tamper=True) == {"error_code": 25}


def test_taobaopy_on_a_new_york_host_is_code_31_as_on_the_real_gateway(mock_urls: MockUrls) -> None:
    assert run_taobaopy(mock_urls, tz="America/New_York") == {"error_code": 31}
