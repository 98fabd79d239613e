"""TLS on both pools: `verify=` (True, False, a CA bundle path or an `ssl.SSLContext`) and a client certificate
(`cert=`), against a loopback HTTPS stand-in whose certificates a throwaway CA (`trustme`) signs."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

import tbapi
from tests.loopback import ApiServer, api_server
from tests.unit.core.four_clients import KINDS, answered, one_call


@pytest.fixture(autouse=True)
def no_tls_or_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what a test sets: no CA bundle or proxy from the developer's environment."""
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def server_context(ca: trustme.CA, *, client_certificates: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    if client_certificates:  # only clients with a certificate the CA signed
        context.verify_mode = ssl.CERT_REQUIRED
        ca.configure_trust(context)
    return context


@pytest.fixture
def https_api(ca: trustme.CA) -> Iterator[ApiServer]:
    with api_server(tls=server_context(ca)) as server:
        yield server


@pytest.fixture
def mutual_tls_api(ca: trustme.CA) -> Iterator[ApiServer]:
    with api_server(tls=server_context(ca, client_certificates=True)) as server:
        yield server


@pytest.fixture
def client_pem(ca: trustme.CA, tmp_path: Path) -> tuple[str, str]:
    """A client certificate the CA signed: (certificate file, key file)."""
    issued = ca.issue_cert("client@example.test")
    cert, key = tmp_path / "client.crt", tmp_path / "client.key"
    issued.cert_chain_pems[0].write_to_path(str(cert))
    issued.private_key_pem.write_to_path(str(key))
    return str(cert), str(key)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_a_ca_bundle_path_verifies_the_server(kind: str, https_api: ApiServer, ca_bundle: str) -> None:
    assert answered(one_call(kind, https_api, verify=ca_bundle))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_an_ssl_context_verifies_the_server(kind: str, https_api: ApiServer, ca: trustme.CA) -> None:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    assert answered(one_call(kind, https_api, verify=context))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_a_server_no_trusted_ca_signed_is_refused_by_default(kind: str, https_api: ApiServer) -> None:
    with pytest.raises(tbapi.APIConnectionError, match="CERTIFICATE_VERIFY_FAILED") as raised:
        one_call(kind, https_api, max_retries=0)
    assert raised.value.request_sent is False
    assert not https_api.seen


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_verify_false_accepts_any_server(kind: str, https_api: ApiServer) -> None:
    assert answered(one_call(kind, https_api, verify=False))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["ShanjingClient", "AsyncTopClient"])
def test_ssl_cert_file_in_the_environment_is_the_default_bundle(
    kind: str, https_api: ApiServer, ca_bundle: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", ca_bundle)
    assert answered(one_call(kind, https_api))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", KINDS)
def test_a_client_certificate_opens_a_server_that_asks_for_one(
    kind: str, mutual_tls_api: ApiServer, ca_bundle: str, client_pem: tuple[str, str]
) -> None:
    assert answered(one_call(kind, mutual_tls_api, verify=ca_bundle, cert=client_pem))


@pytest.mark.timeout(30)
def test_a_client_certificate_in_one_file_is_taken_too(
    mutual_tls_api: ApiServer, ca_bundle: str, client_pem: tuple[str, str], tmp_path: Path
) -> None:
    both = tmp_path / "client.pem"
    both.write_text(Path(client_pem[1]).read_text() + Path(client_pem[0]).read_text())
    assert answered(one_call("TopClient", mutual_tls_api, verify=ca_bundle, cert=str(both)))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["ShanjingClient", "AsyncShanjingClient"])
def test_without_a_client_certificate_such_a_server_is_not_reached(
    kind: str, mutual_tls_api: ApiServer, ca_bundle: str
) -> None:
    with pytest.raises(tbapi.APIConnectionError):
        one_call(kind, mutual_tls_api, verify=ca_bundle, max_retries=0)
    assert not mutual_tls_api.seen


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"verify": "/nowhere/ca.pem"}, "verify"),
        ({"verify": 1}, "verify"),
        ({"cert": "/nowhere/client.pem"}, "cert"),
        ({"cert": ("a", "b", "c", "d")}, "cert"),
        ({"verify": ssl.create_default_context(), "cert": "client.pem"}, "cert"),
        ({"verify": False, "http_client": httpx.Client()}, "verify"),
        ({"cert": "client.pem", "http_client": httpx.Client()}, "cert"),
    ],
    ids=[
        "missing-bundle",
        "not-a-verify",
        "missing-cert",
        "too-many-parts",
        "cert-beside-a-context",
        "own-client",
        "own-client-cert",
    ],
)
def test_bad_tls_options_are_refused_before_sending(options: dict[str, object], param: str) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        tbapi.ShanjingClient(access_token="t" * 16, base_url="https://127.0.0.1:9", **options)  # type: ignore[arg-type]
    assert raised.value.param == param
