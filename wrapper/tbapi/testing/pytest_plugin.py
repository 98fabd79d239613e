"""pytest fixtures of tbapi. Use them with `pytest_plugins = ["tbapi.testing.pytest_plugin"]` in your
`conftest.py` (or `from tbapi.testing.pytest_plugin import tbapi_mock, example_transport`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._mock import MockServers, MockUnavailable, started_mock_servers
from ._transport import ExampleTransport


@pytest.fixture(scope="session")
def tbapi_mock() -> Iterator[MockServers]:
    """The real mock (Prism for both specs + the TOP gateway front), started once per session on free ports.

    Needs a tbapi source checkout (its `mock/`, found via `TBAPI_MOCK_DIR`, the installed package or the
    current directory), Node, `npm ci` done in `mock/`, and the `mock` extra in this Python
    (`pip install 'tbapi-sdk[mock]'`: the TOP gateway front runs on it); the test is skipped otherwise, with the
    reason and the command that fixes it.
    """
    try:
        with started_mock_servers() as servers:
            yield servers
    except MockUnavailable as exc:
        pytest.skip(f"tbapi mock unavailable: {exc}")


@pytest.fixture
def example_transport() -> ExampleTransport:
    """A fresh `ExampleTransport` answering every call with its `success` example."""
    return ExampleTransport()
