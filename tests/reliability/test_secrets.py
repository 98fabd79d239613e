"""Secrets: whole runs against the mock at DEBUG logging, then every log line, repr, exception text and
byte on the wire is searched for the tokens, refresh tokens, session and app secret."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import tbapi
from mock.servers import MockUrls
from tests.conftest import TOP_APP_SECRET
from tests.reliability.conftest import (
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    TOP_SESSION,
    shanjing_client,
    top_client,
    top_url,
)
from tests.reliability.fault_server import FaultServer
from tests.reliability.outcomes import Record, with_fields
from tests.reliability.spec_examples import example

pytestmark = pytest.mark.timeout(60)

REFRESHED = example("shanjing", "refreshToken")  # what Prism answers a refresh with: new secrets
SHANJING_SECRETS = [ACCESS_TOKEN, REFRESH_TOKEN, REFRESHED["access_token"], REFRESHED["refresh_token"]]
TOP_SECRETS = [TOP_APP_SECRET, TOP_SESSION]
ITEM_ID = 689542173310


@pytest.fixture
def outcome(outcome: Record) -> Record:
    """The fields the rows of this module share (a row may give its own instead)."""
    return with_fields(outcome, area="secrets")


class Wire(httpx.BaseTransport):
    """The real transport, recording every request exactly as it goes out."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def wire_text(request: httpx.Request) -> str:
    headers = "".join(f"{k}: {v}\n" for k, v in request.headers.items())
    return f"{request.method} {request.url}\n{headers}\n{request.content.decode('utf-8', 'replace')}"


class Seen:
    """Everything a user or an operator could see: log lines, reprs, exception texts."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def add(self, *objects: Any) -> None:
        for obj in objects:
            self.texts.append(repr(obj))
            self.texts.append(str(obj))
            if isinstance(obj, BaseException):
                self.texts.extend(repr(value) for value in vars(obj).values())

    def leaks(self, secrets: list[str], logs: list[logging.LogRecord]) -> list[str]:
        texts = self.texts + [record.getMessage() for record in logs]
        texts += [logging.Formatter().formatException(r.exc_info) for r in logs if r.exc_info]
        return [secret for secret in secrets for text in texts if secret in text]


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """DEBUG for everything (tbapi, httpx, httpcore), as `TBAPI_LOG=debug` plus a verbose root logger."""
    with caplog.at_level(logging.DEBUG):
        yield caplog


def _shanjing_run(url: str, wire: Wire, seen: Seen, prefer: str | None = None) -> None:
    headers = {"Prefer": prefer} if prefer else {}
    http = httpx.Client(transport=wire, headers=headers)
    with http, shanjing_client(url, http_client=http, timeout=10) as client:
        seen.add(client, client.token, client.token_store)
        try:
            client.items.get(ITEM_ID)
            client.items.search("T恤", page_size=5)
            client.orders.query(page_size=5)
            seen.add(client.auth.refresh(), client.token)
        except tbapi.TbapiError as error:
            seen.add(error, error.__cause__, error.__context__)


def _top_run(url: str, wire: Wire, seen: Seen, *, secret: str = TOP_APP_SECRET, prefer: str | None = None) -> None:
    headers = {"Prefer": prefer} if prefer else {}
    http = httpx.Client(transport=wire, headers=headers)
    with http, top_client(url, app_secret=secret, http_client=http, timeout=10) as client:
        seen.add(client)
        try:
            client.products.search(fields=["product_id", "name"], q="优衣库")
            client.itemcats.get(parent_cid=0)
            client.call("taobao.itemprops.get", {"cid": 50011999})
        except tbapi.TbapiError as error:
            seen.add(error, error.__cause__, error.__context__)


RUN_CALLS = {"Shanjing": "get/search/query/refresh", "TOP": "search/itemcats/call"}  # what a whole run calls


def _wire_of(api: str, urls: MockUrls) -> Wire:
    """Every request of a whole run of `api` against the mock, exactly as it went out."""
    wire = Wire()
    if api == "Shanjing":
        _shanjing_run(urls.shanjing, wire, Seen())
    else:
        _top_run(urls.top_gateway, wire, Seen())
    return wire


def _wire_row(outcome: Record, api: str, wire: Wire, expected: str, observed: str) -> None:
    """The report row of a look at the wire traffic of a whole run of `api`."""
    fault, call = f"{api} wire traffic", RUN_CALLS[api]
    outcome(fault=fault, api=api, call=call, expected=expected, observed=observed, cases=len(wire.requests))


@pytest.mark.mock
def test_shanjing_access_token_travels_only_in_the_authorization_header(mock_urls: MockUrls, outcome: Record) -> None:
    wire = _wire_of("Shanjing", mock_urls)
    elsewhere = [
        r for r in wire.requests if ACCESS_TOKEN in wire_text(r).replace(r.headers.get("authorization", ""), "")
    ]
    observed = f"{len(elsewhere)} requests with it elsewhere"
    _wire_row(outcome, "Shanjing", wire, "access token only in Authorization", observed)
    assert wire.requests[0].headers["authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert elsewhere == []


@pytest.mark.mock
def test_shanjing_refresh_token_travels_only_in_the_refresh_call(mock_urls: MockUrls, outcome: Record) -> None:
    wire = _wire_of("Shanjing", mock_urls)
    carrying = [r.url.path for r in wire.requests if REFRESH_TOKEN in wire_text(r)]
    _wire_row(outcome, "Shanjing", wire, "refresh token only in the refresh call", f"carried by {carrying}")
    assert carrying == ["/rest/taobao-global/auth/token/refresh"]


def _runs_at_debug(api: str, urls: MockUrls, seen: Seen) -> list[str]:
    """Whole runs of `api` that also fail (a refused token; a wrong signature, a bad session), seen by `seen`:
    the secrets they hold."""
    if api == "Shanjing":
        _shanjing_run(urls.shanjing, Wire(), seen)
        _shanjing_run(urls.shanjing, Wire(), seen, prefer="example=expiredToken")  # refresh, replay, error
        return SHANJING_SECRETS
    _top_run(urls.top_gateway, Wire(), seen)
    _top_run(urls.top_gateway, Wire(), seen, secret=TOP_APP_SECRET + "-wrong")  # code 25
    _top_run(urls.top_gateway, Wire(), seen, prefer="example=invalid_session")  # code 27
    return [*TOP_SECRETS, TOP_APP_SECRET + "-wrong"]


DEBUG_RUNS = {  # the report row of each API's runs: what was run, what must hold
    "Shanjing": ("Shanjing run at DEBUG, incl. a refused token", "no secret in logs, reprs, errors"),
    "TOP": ("TOP run at DEBUG, incl. bad signature and bad session", "no secret or session in logs, reprs, errors"),
}


@pytest.mark.mock
@pytest.mark.parametrize("api", ["Shanjing", "TOP"])
def test_a_run_at_debug_shows_no_secret_in_logs_reprs_or_errors(
    api: str, mock_urls: MockUrls, debug_logs: pytest.LogCaptureFixture, outcome: Record
) -> None:
    seen = Seen()
    secrets = _runs_at_debug(api, mock_urls, seen)
    leaks = seen.leaks(secrets, debug_logs.records)
    fault, expected = DEBUG_RUNS[api]
    outcome(
        fault=fault,
        api=api,
        call=RUN_CALLS[api],
        expected=expected,
        observed=f"{len(leaks)} leaks in {len(seen.texts) + len(debug_logs.records)} texts",
        cases=len(seen.texts) + len(debug_logs.records),
    )
    assert len(debug_logs.records) > 0
    assert leaks == []


@pytest.mark.mock
def test_top_app_secret_never_goes_on_the_wire(mock_urls: MockUrls, outcome: Record) -> None:
    wire = _wire_of("TOP", mock_urls)
    carrying = [r for r in wire.requests if TOP_APP_SECRET in wire_text(r)]
    _wire_row(
        outcome, "TOP", wire, "app secret never sent", f"{len(carrying)} of {len(wire.requests)} requests carry it"
    )
    assert len(wire.requests) == 3
    assert carrying == []


@pytest.mark.mock
def test_top_session_travels_only_as_the_session_parameter(mock_urls: MockUrls) -> None:
    wire = _wire_of("TOP", mock_urls)
    elsewhere = [r for r in wire.requests if TOP_SESSION in wire_text(r).replace(f"session={TOP_SESSION}", "")]
    assert all(r.url.params["session"] == TOP_SESSION for r in wire.requests)
    assert elsewhere == []


@pytest.mark.parametrize(
    "url", ["http://example.com", "http://10.0.0.1:8080", "http://127.0.0.1.nip.io", "http://localhost.evil.test"]
)
@pytest.mark.parametrize("api", ["Shanjing", "TOP"])
def test_plain_http_to_a_non_loopback_host_is_refused(api: str, url: str) -> None:
    make = (lambda: shanjing_client(url)) if api == "Shanjing" else (lambda: top_client(top_url(url)))
    with pytest.raises(tbapi.ValidationError, match="plain http is refused"):
        make()


@pytest.mark.parametrize("url", ["http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1"])
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    shanjing_client(url).close()
    top_client(top_url(url)).close()


def _one_call(api: str, url: str) -> None:
    if api == "Shanjing":
        with shanjing_client(url, max_retries=0) as client:
            client.items.get(ITEM_ID)
    else:
        with top_client(top_url(url), max_retries=0) as client:
            client.products.search(fields=["product_id"], q="x")


@pytest.mark.parametrize("api", ["Shanjing", "TOP"])
def test_tls_certificate_is_verified_by_default(fault_server: FaultServer, api: str, outcome: Record) -> None:
    plan = fault_server.plan([], tls=True)
    with pytest.raises(tbapi.APIConnectionError, match="CERTIFICATE_VERIFY_FAILED") as raised:
        _one_call(api, plan.url)
    outcome(
        fault="https to a loopback server with a self-signed certificate",
        api=api,
        call="one call",
        expected="APIConnectionError (certificate verify failed), nothing sent",
        observed=type(raised.value).__name__,
        attempts=plan.count(),
    )
    assert plan.count() == 0  # nothing, not even the request line, reached the server
    assert re.search("request_sent", repr(vars(raised.value))) is not None
