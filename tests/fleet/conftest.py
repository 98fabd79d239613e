"""A real Redis server for the fleet tests (started once per session on a free loopback port, stopped by PID),
and a fleet of worker processes on it (`fleet`) calling a loopback item server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock.redis_server import free_port, running_redis
from tests.cli.item_server import ItemServer, item_server
from tests.fleet.fleet_runner import Fleet, fleet_on


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    with running_redis() as url:
        yield url


@pytest.fixture
def key() -> str:
    """A Redis key of this test's own, so tests share the server but never each other's state."""
    return f"tbapi-test:{uuid.uuid4().hex}"


@pytest.fixture
def dead_redis_url() -> str:
    """A loopback port nothing listens on."""
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.fixture
def namespace() -> str:
    """A fleet namespace of this test's own: its stream, runs and workers are nobody else's."""
    return f"tbapi-test:{uuid.uuid4().hex}"


@pytest.fixture
def server() -> Iterator[ItemServer]:
    """The loopback item server the fleet's workers call; id 13 answers that it is no item."""
    with item_server(delay=0.005, missing=frozenset({13})) as running:
        yield running


@pytest.fixture
def fleet(redis_url: str, namespace: str, server: ItemServer, tmp_path: Path) -> Iterator[Fleet]:
    """A fleet on the session's Redis; every worker started is stopped when the test ends."""
    with fleet_on(redis_url, namespace, server, tmp_path) as running:
        yield running
