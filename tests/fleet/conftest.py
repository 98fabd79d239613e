"""A real Redis server for the fleet tests: started once per session on a free loopback port, stopped by PID."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from mock.redis_server import free_port, running_redis


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
