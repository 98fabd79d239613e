"""The real mock servers (Prism for both specs + the TOP gateway front) of a tbapi source checkout.

They live in the repository's `mock/` (pinned Prism via npm, so Node is needed) and are not part of the
wheel. `find_mock_dir` looks in the checkout it is given, then in `$TBAPI_MOCK_DIR`, then in the checkout
tbapi is imported from, then in the current directory and its parents. The servers' logs go to a temporary
folder, never into the checkout.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import httpx

from .._support.config import is_loopback
from .._version import install_command

ENV_MOCK_DIR = "TBAPI_MOCK_DIR"
# Set (to anything but "" or "0"): a `make mock` running on the fixed ports is not used, the bundled mock is started.
ENV_SKIP_MAKE_MOCK = "TBAPI_MOCK_SKIP_MAKE_MOCK"
HOST = "127.0.0.1"
# The fixed ports of `make mock`: Shanjing Prism, TOP Prism, TOP gateway front.
FIXED_SHANJING_URL = f"http://{HOST}:4010"
FIXED_TOP_GATEWAY_URL = f"http://{HOST}:4012/router/rest"
# The test credentials the mock accepts (the gateway front's defaults; Prism accepts any Bearer token).
MOCK_ACCESS_TOKEN = "mock-access-token"
MOCK_APP_KEY = "12345678"
MOCK_APP_SECRET = "helloworld"


class MockUnavailable(RuntimeError):
    """The mock cannot be started here: no source checkout with `mock/`, no Node, or Prism not installed."""


@attrs.frozen
class MockServers:
    """Base URLs of running mocks, and clients for them with the mock's test credentials."""

    shanjing: str
    top_gateway: str

    def env(self) -> dict[str, str]:
        """The `TBAPI_*` variables that point tbapi (and the `tbapi` command) at these mocks."""
        return {
            "TBAPI_SHANJING_BASE_URL": self.shanjing,
            "TBAPI_SHANJING_ACCESS_TOKEN": MOCK_ACCESS_TOKEN,
            "TBAPI_TOP_BASE_URL": self.top_gateway,
            "TBAPI_TOP_APP_KEY": MOCK_APP_KEY,
            "TBAPI_TOP_APP_SECRET": MOCK_APP_SECRET,
        }

    def shanjing_client(self, **kwargs: Any) -> Any:
        """A `tbapi.ShanjingClient` for the Shanjing mock (keyword arguments override the defaults)."""
        from tbapi import ShanjingClient

        return ShanjingClient(**{"base_url": self.shanjing, "access_token": MOCK_ACCESS_TOKEN, **kwargs})

    def top_client(self, **kwargs: Any) -> Any:
        """A `tbapi.TopClient` for the TOP gateway front (keyword arguments override the defaults)."""
        from tbapi import TopClient

        defaults = {"base_url": self.top_gateway, "app_key": MOCK_APP_KEY, "app_secret": MOCK_APP_SECRET}
        return TopClient(**{**defaults, **kwargs})


def _candidates(checkout: Path | None) -> Iterator[Path]:
    if checkout is not None:
        yield checkout.resolve() / "mock"
    configured = os.environ.get(ENV_MOCK_DIR)
    if configured:
        path = Path(configured).resolve()
        yield path if path.name == "mock" else path / "mock"
    yield Path(__file__).resolve().parents[3] / "mock"  # the checkout of an editable install
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        yield folder / "mock"


def find_mock_dir(checkout: Path | None = None) -> Path:
    """The `mock/` folder of a tbapi checkout (`checkout` first, when given) with Prism installed, Node on the
    PATH, and this Python able to run the TOP gateway front."""
    for folder in _candidates(checkout):
        if (folder / "servers.py").is_file() and (folder / "top_gateway.py").is_file():
            if shutil.which("node") is None:
                raise MockUnavailable("the mock needs Node (node on the PATH)")
            if not (folder / "node_modules" / ".bin" / "prism").exists():
                raise MockUnavailable(f"Prism is not installed: run `npm ci` in {folder} (or `make install`)")
            check_gateway_dependencies()
            return folder
    raise MockUnavailable(f"no tbapi source checkout with mock/ found (set {ENV_MOCK_DIR} to one)")


# What the TOP gateway front (mock/top_gateway.py) imports beyond tbapi's own dependencies: the `mock` extra.
GATEWAY_MODULES = {"starlette": "starlette", "uvicorn": "uvicorn", "python_multipart": "python-multipart"}


def check_gateway_dependencies() -> None:
    """The gateway front runs on this interpreter: raise `MockUnavailable` with the command that installs
    what it lacks (`pip install 'tbapi-sdk[mock]'`)."""
    missing = [package for module, package in GATEWAY_MODULES.items() if importlib.util.find_spec(module) is None]
    if missing:
        raise MockUnavailable(
            f"the TOP gateway front needs {', '.join(missing)} in this Python; install them with: "
            f"{sys.executable} -m {install_command('mock')}"
        )


def _servers_module(mock_dir: Path) -> ModuleType:
    name = "tbapi_checkout_mock_servers"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, mock_dir / "servers.py")
    if spec is None or spec.loader is None:
        raise MockUnavailable(f"cannot load {mock_dir / 'servers.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def started_mock_servers(checkout: Path | None = None) -> Iterator[MockServers]:
    """Start Prism for both specs and the TOP gateway front on free loopback ports; stop them afterwards.

    `checkout` is the tbapi source checkout to take the mock from (default: the first `find_mock_dir` finds).
    Their logs go to a temporary folder, removed afterwards.

    Raises:
        MockUnavailable: no checkout with `mock/`, no Node, or Prism not installed.
    """
    servers = _servers_module(find_mock_dir(checkout))
    with contextlib.ExitStack() as stack:
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tbapi-mock-logs-")))
        try:
            urls = stack.enter_context(servers.running_mocks(log_dir=logs))
        except RuntimeError as exc:  # a server exited or did not listen in time: its reason is in the message
            raise MockUnavailable(f"the mock did not start: {exc}") from exc
        yield MockServers(shanjing=urls.shanjing, top_gateway=urls.top_gateway)


def listening(url: str) -> bool:
    """Does something accept connections at the host and port of `url`?"""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or HOST, parts.port or 80), timeout=0.5):
            return True
    except OSError:
        return False


def running_make_mock() -> MockServers | None:
    """The mocks of a `make mock` left running (fixed ports 4010-4012), if any; None when
    `TBAPI_MOCK_SKIP_MAKE_MOCK` is set (a test that must start the bundled mock, whatever runs)."""
    if os.environ.get(ENV_SKIP_MAKE_MOCK, "") not in ("", "0"):
        return None
    if listening(FIXED_SHANJING_URL) and listening(FIXED_TOP_GATEWAY_URL):
        return MockServers(shanjing=FIXED_SHANJING_URL, top_gateway=FIXED_TOP_GATEWAY_URL)
    return None


def _exported_loopback_url(variable: str) -> str | None:
    url = os.environ.get(variable)
    if not url:
        return None
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL:
        return None
    return url if is_loopback(host) else None


def exported_mock() -> MockServers | None:
    """The mock the exported `TBAPI_SHANJING_BASE_URL` and `TBAPI_TOP_BASE_URL` name (what `make mock` prints),
    when both point at this machine."""
    shanjing = _exported_loopback_url("TBAPI_SHANJING_BASE_URL")
    top = _exported_loopback_url("TBAPI_TOP_BASE_URL")
    return MockServers(shanjing=shanjing, top_gateway=top) if shanjing and top else None


@contextlib.contextmanager
def local_mock(checkout: Path | None = None) -> Iterator[MockServers]:
    """A mock to call, as `tbapi --mock` finds one: the exported `TBAPI_*_BASE_URL` of this machine, else a
    `make mock` running on ports 4010-4012, else the bundled mock of `checkout` (see `started_mock_servers`)
    started for the block.

    Raises:
        MockUnavailable: none runs and none can be started.
    """
    running = exported_mock() or running_make_mock()
    if running is not None:
        yield running
        return
    with started_mock_servers(checkout) as started:
        yield started
