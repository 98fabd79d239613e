"""Proxies: the clients' own pools (aiohttp for async, a pool per thread for sync) send through the proxy the
environment names (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, minus `NO_PROXY`, as httpx's `trust_env`), or the
`proxy=` option, which wins; a proxy's password never shows; a proxy that fails is named in the error.

Every test runs against a loopback API stand-in through a loopback forward proxy that counts what it carries
(`tests/loopback.py`): CONNECT tunnels for https://, absolute-URI requests for http://.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator
from importlib.util import find_spec

import httpx
import pytest
import trustme

import tbapi
from tests.loopback import ApiServer, ForwardProxy, api_server, closed_port, forward_proxy
from tests.unit.core.four_clients import KINDS, answered, one_call

pytestmark = pytest.mark.usefixtures("no_proxy_settings")
PASSWORD = "proxy-pass-5f2c9a"


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    with forward_proxy() as server:
        yield server


@pytest.fixture
def tls_api(ca: trustme.CA) -> Iterator[ApiServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with api_server(tls=context) as server:
        yield server


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_http_proxy_from_the_environment_carries_the_calls(
    kind: str, api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert answered(one_call(kind, api))
    assert len(proxy.forwarded) == 1
    assert proxy.forwarded[0].startswith(api.url + "/")
    assert len(api.seen) == 1


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_https_proxy_from_the_environment_tunnels_the_calls(
    kind: str, tls_api: ApiServer, proxy: ForwardProxy, ca_bundle: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    assert answered(one_call(kind, tls_api, verify=ca_bundle))
    assert proxy.tunnels == [tls_api.address]
    assert len(tls_api.seen) == 1


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["ShanjingClient", "AsyncTopClient"])
def test_all_proxy_serves_every_scheme(
    kind: str, api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    assert answered(one_call(kind, api))
    assert proxy.carried == 1


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["TopClient", "AsyncShanjingClient"])
def test_a_proxy_for_the_other_scheme_is_not_used(
    kind: str, api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)  # the stand-in is http://
    assert answered(one_call(kind, api))
    assert proxy.carried == 0
    assert len(api.seen) == 1


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["ShanjingClient", "AsyncShanjingClient", "TopClient"])
@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "example.com, 127.0.0.1", "*"])
def test_no_proxy_hosts_are_reached_directly(
    kind: str, no_proxy: str, api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    assert answered(one_call(kind, api))
    assert proxy.carried == 0


@pytest.mark.timeout(30)
def test_no_proxy_for_another_host_still_proxies(
    api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.2,example.com")
    assert answered(one_call("ShanjingClient", api))
    assert proxy.carried == 1


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_the_proxy_option_wins_over_the_environment(
    kind: str, api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("NO_PROXY", "*")
    assert answered(one_call(kind, api, proxy=proxy.url))
    assert proxy.carried == 1


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_a_proxy_asking_for_credentials_gets_those_of_the_proxy_url(kind: str, api: ApiServer) -> None:
    with forward_proxy(credentials=("proxy-user", PASSWORD)) as guarded:
        assert answered(one_call(kind, api, proxy=guarded.url))
    assert guarded.carried == 1
    assert guarded.authorizations[-1] is not None


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_a_proxy_nothing_listens_on_is_named_in_the_error(kind: str, api: ApiServer) -> None:
    dead = f"127.0.0.1:{closed_port()}"
    with pytest.raises(tbapi.APIConnectionError) as raised:
        one_call(kind, api, proxy=f"http://{dead}", max_retries=0)
    assert dead in str(raised.value)
    assert "proxy" in str(raised.value)
    assert api.address not in str(raised.value)
    assert raised.value.request_sent is False
    assert not api.seen


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_a_proxy_that_refuses_the_tunnel_is_named_in_the_error(kind: str, tls_api: ApiServer, ca_bundle: str) -> None:
    with forward_proxy(refuse=True) as refusing, pytest.raises(tbapi.APIConnectionError) as raised:
        one_call(kind, tls_api, proxy=refusing.url, verify=ca_bundle, max_retries=0)
    assert f"The proxy {refusing.address} refused" in str(raised.value)
    assert tls_api.address not in str(raised.value)
    assert raised.value.request_sent is False
    assert not tls_api.seen


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_the_proxy_password_never_shows(
    kind: str, tls_api: ApiServer, ca_bundle: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with forward_proxy(credentials=("proxy-user", "a-wrong-one")) as guarded:
        url = guarded.url.replace("a-wrong-one", PASSWORD)
        with pytest.raises(tbapi.APIConnectionError) as raised:
            one_call(kind, tls_api, proxy=url, verify=ca_bundle, max_retries=0)
    shown = [str(raised.value), repr(raised.value), repr(raised.value.request), caplog.text]
    assert guarded.address in str(raised.value)
    assert not any(PASSWORD in text for text in shown)


@pytest.mark.timeout(30)
def test_a_password_in_an_environment_proxy_never_shows(
    tls_api: ApiServer, ca_bundle: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with forward_proxy(credentials=("proxy-user", "another-one")) as guarded:
        monkeypatch.setenv("HTTPS_PROXY", guarded.url.replace("another-one", PASSWORD))
        with pytest.raises(tbapi.APIConnectionError) as raised:
            one_call("ShanjingClient", tls_api, verify=ca_bundle, max_retries=0)
    shown = [str(raised.value), repr(raised.value), repr(raised.value.request), caplog.text]
    assert guarded.address in str(raised.value)
    assert not any(PASSWORD in text for text in shown)


@pytest.mark.parametrize(
    ("proxy", "problem"),
    [(42, "must be a URL"), ("http://", "no host"), ("ftp://127.0.0.1:21", "Unknown scheme")],
    ids=["not-a-url", "no-host", "unknown-scheme"],
)
def test_a_bad_proxy_is_refused_before_sending(proxy: object, problem: str) -> None:
    with pytest.raises(tbapi.ValidationError, match=problem) as raised:
        tbapi.ShanjingClient(access_token="t" * 16, base_url="http://127.0.0.1:9", proxy=proxy)  # type: ignore[arg-type]
    assert raised.value.param == "proxy"


def test_the_async_pool_refuses_a_socks_proxy() -> None:
    with pytest.raises(tbapi.ValidationError, match="http:// and https:// proxies") as raised:
        tbapi.AsyncShanjingClient(access_token="t" * 16, base_url="http://127.0.0.1:9", proxy="socks5://127.0.0.1:1080")
    assert raised.value.param == "proxy"


def test_a_socks_proxy_without_socksio_is_refused_when_the_client_is_made() -> None:
    assert find_spec("socksio") is None  # no dependency of tbapi's, nor pinned in the dev venv
    with pytest.raises(tbapi.ValidationError, match="socksio") as raised:
        tbapi.TopClient(app_key="12345678", app_secret="helloworld", proxy="socks5://127.0.0.1:1080")
    assert raised.value.param == "proxy"


def test_a_proxy_with_your_own_http_client_is_refused() -> None:
    with pytest.raises(tbapi.ValidationError, match="your own http_client") as raised:
        tbapi.TopClient(
            app_key="12345678", app_secret="helloworld", proxy="http://127.0.0.1:3128", http_client=httpx.Client()
        )
    assert raised.value.param == "proxy"


# Which proxy the environment names for a URL, as `httpx.Client(trust_env=True)` picks it (checked against httpx
# 0.28.1): hosts a loopback test cannot reach, so the route itself is asked for.
ROUTES = [
    ({"HTTPS_PROXY": "http://p:1"}, "https://a.example.com", "p:1"),
    ({"HTTPS_PROXY": "http://p:1"}, "http://a.example.com", None),
    ({"ALL_PROXY": "p:2", "NO_PROXY": "example.com"}, "https://example.com", None),
    ({"ALL_PROXY": "p:2", "NO_PROXY": "example.com"}, "https://a.example.com", None),
    ({"ALL_PROXY": "p:2", "NO_PROXY": "example.com"}, "https://badexample.com", "p:2"),
    ({"HTTP_PROXY": "http://p:1", "NO_PROXY": ".example.com"}, "http://example.com", "p:1"),
    ({"HTTP_PROXY": "http://p:1", "NO_PROXY": ".example.com"}, "http://a.example.com", None),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "localhost,::1,10.0.0.1"}, "https://localhost:8443", None),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "localhost,::1,10.0.0.1"}, "https://[::1]", None),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "localhost,::1,10.0.0.1"}, "https://10.0.0.2", "p:1"),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "https://secure.com"}, "https://secure.com", None),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "https://secure.com"}, "https://other.com", "p:1"),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "example.com:8443"}, "https://example.com:8443", None),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "example.com:8443"}, "https://example.com", "p:1"),
]


@pytest.mark.parametrize(("environment", "url", "proxy"), ROUTES)
def test_the_environments_routes_are_read_as_httpx_reads_them(
    environment: dict[str, str], url: str, proxy: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tbapi._http.network import environment_proxy

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    found = environment_proxy(httpx.URL(url))
    assert (None if found is None else f"{found.url.host}:{found.url.port}") == proxy
