"""Fixtures of the reliability suite: the fault server, fast retries, clients pointed at a plan, outcomes."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx_aiohttp import HttpxAiohttpClient

import tbapi
from tests.conftest import TOP_APP_KEY, TOP_APP_SECRET
from tests.fleet.conftest import key, redis_url
from tests.reliability.fault_server import FaultServer, Plan
from tests.reliability.leak_watch import record_watch, watch
from tests.reliability.outcomes import outcome, pytest_runtest_makereport, pytest_sessionfinish
from tests.reliability.spec_examples import example

TIMEOUT = 0.4  # seconds: every connect/read/write wait of the clients in this suite
ACCESS_TOKEN = "sj-access-token-RELIABILITY-0001"
REFRESH_TOKEN = "sj-refresh-token-RELIABILITY-0001"
TOP_SESSION = "top-session-RELIABILITY-0001"
REFRESHED = example("shanjing", "refreshToken")  # what a refresh answers: new secrets
SECRETS = [
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    TOP_SESSION,
    TOP_APP_SECRET,
    REFRESHED["access_token"],
    REFRESHED["refresh_token"],
]
OPENSSL_SELF_SIGNED = [
    *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
    *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
]
QUICKER = 50


def quicker(seconds: float) -> float:
    """The retry engine's own backoff (jittered, never whole seconds) 50 times shorter; a server-requested wait
    (a TOP ban, `Retry-After`: whole seconds) as asked. The decisions stay the engine's."""
    return seconds if float(seconds).is_integer() else seconds / QUICKER


def quick_sleep(seconds: float) -> None:
    """The suite's retry waits, through the clients' public `sleep=` option."""
    time.sleep(quicker(seconds))


async def async_quick_sleep(seconds: float) -> None:
    await asyncio.sleep(quicker(seconds))


@pytest.fixture(autouse=True)
def no_secret_leaves_a_test(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Every test at DEBUG; its logs, tracebacks and error attributes searched for the suite's secrets."""
    yield from watch(monkeypatch, caplog, SECRETS)


@pytest.fixture(autouse=True, scope="session")
def clients_loaded() -> None:
    """The rows time calls, not Python loading a client's modules on first use (lazy `tbapi.X`, each API's
    resources and transports): every client is made and closed once before the suite."""

    async def made_and_closed() -> None:
        for client in (
            tbapi.AsyncShanjingClient(access_token="warm", base_url="http://127.0.0.1:9"),
            tbapi.AsyncTopClient(app_key="warm", app_secret="warm", base_url="http://127.0.0.1:9"),
        ):
            await client.aclose()

    for client in (
        tbapi.ShanjingClient(access_token="warm", base_url="http://127.0.0.1:9"),
        tbapi.TopClient(app_key="warm", app_secret="warm", base_url="http://127.0.0.1:9"),
    ):
        client.close()
    asyncio.run(made_and_closed())


@pytest.fixture(autouse=True, scope="session")
def leak_watch_row() -> Iterator[None]:
    yield
    record_watch()


@pytest.fixture(autouse=True)
def no_tbapi_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's real credentials or URLs never leak into this suite."""
    for name in (
        "TBAPI_SHANJING_ACCESS_TOKEN",
        "TBAPI_SHANJING_REFRESH_TOKEN",
        "TBAPI_SHANJING_BASE_URL",
        "TBAPI_TOP_APP_KEY",
        "TBAPI_TOP_APP_SECRET",
        "TBAPI_TOP_SESSION",
        "TBAPI_TOP_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def self_signed_context(directory: Path) -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1 (made by the openssl CLI)."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [*OPENSSL_SELF_SIGNED, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


@pytest.fixture(scope="session")
def fault_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultServer]:
    """One bounded loopback fault server (plain and TLS listeners) for the whole session."""
    with FaultServer(tls=self_signed_context(tmp_path_factory.mktemp("tls"))) as server:
        yield server


SHANJING_CREDENTIALS = {"access_token": ACCESS_TOKEN, "refresh_token": REFRESH_TOKEN}
TOP_CREDENTIALS = {"app_key": TOP_APP_KEY, "app_secret": TOP_APP_SECRET, "session": TOP_SESSION}


def _options(
    credentials: dict[str, str], url: str, sleep: Callable[[float], Any], kwargs: dict[str, Any]
) -> dict[str, Any]:
    """A suite client's arguments: the suite's credentials, `url`, its short timeout and quick sleep, `kwargs`."""
    return {**credentials, "base_url": url, "timeout": TIMEOUT, "sleep": sleep, **kwargs}


def shanjing_client(url: str, **kwargs: Any) -> tbapi.ShanjingClient:
    return tbapi.ShanjingClient(**_options(SHANJING_CREDENTIALS, url, quick_sleep, kwargs))


def async_shanjing_client(url: str, **kwargs: Any) -> tbapi.AsyncShanjingClient:
    return tbapi.AsyncShanjingClient(**_options(SHANJING_CREDENTIALS, url, async_quick_sleep, kwargs))


def top_url(plan_or_url: Plan | str) -> str:
    base = plan_or_url.url if isinstance(plan_or_url, Plan) else plan_or_url
    return f"{base}/router/rest"


def top_client(url: str, **kwargs: Any) -> tbapi.TopClient:
    return tbapi.TopClient(**_options(TOP_CREDENTIALS, url, quick_sleep, kwargs))


def async_top_client(url: str, **kwargs: Any) -> tbapi.AsyncTopClient:
    return tbapi.AsyncTopClient(**_options(TOP_CREDENTIALS, url, async_quick_sleep, kwargs))


ASYNC_TRANSPORTS = ("aiohttp", "httpx")


@dataclass(frozen=True)
class AsyncTransport:
    """An async transport under test: `http_client` None is the clients' default (aiohttp's pool)."""

    name: str
    http_client: httpx.AsyncClient | None


@pytest.fixture(params=ASYNC_TRANSPORTS)
async def async_transport(request: pytest.FixtureRequest) -> AsyncIterator[AsyncTransport]:
    """Each async test runs on both transports: the default, and httpx's own pool as `http_client=`."""
    if request.param == "aiohttp":
        yield AsyncTransport("aiohttp", None)
    else:
        async with httpx.AsyncClient() as http:
            yield AsyncTransport("httpx", http)


@asynccontextmanager
async def counted_async_client(
    transport: str, hook: Callable[[httpx.Request], Any]
) -> AsyncIterator[httpx.AsyncClient]:
    """A user client on `transport` whose request hook sees every attempt (no server sees a refused one)."""
    cls = HttpxAiohttpClient if transport == "aiohttp" else httpx.AsyncClient
    async with cls(event_hooks={"request": [hook]}) as http:
        yield http


class Stopwatch:
    """`with Stopwatch() as watch:` … `watch.elapsed` in seconds (monotonic)."""

    def __enter__(self) -> Stopwatch:
        self.started = time.monotonic()
        self.elapsed = 0.0
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.elapsed = time.monotonic() - self.started


# The shared outcome recording, and the fleet suite's real Redis (a session's bundled redis-server, a key per test).
__all__ = ["key", "outcome", "pytest_runtest_makereport", "pytest_sessionfinish", "redis_url"]
