"""`tbapi.testing` starts the mock of a checkout without writing into it: the servers log to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tbapi.testing import started_mock_servers

pytestmark = pytest.mark.mock
ROOT = Path(__file__).resolve().parents[2]
# What tools other than the mock write (caches, the venv, Prism's packages): not the mock's doing.
NOT_THE_MOCKS = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".hypothesis", "site"}


def files_and_times(root: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in NOT_THE_MOCKS]
        for name in names:
            path = Path(folder, name)
            found[str(path.relative_to(root))] = path.stat().st_mtime_ns
    return found


def test_the_mock_started_by_tbapi_testing_writes_nothing_into_the_checkout() -> None:
    before = files_and_times(ROOT)
    with started_mock_servers(ROOT) as mock, mock.top_client() as top:
        top.itemcats.get(parent_cid=0)
    after = files_and_times(ROOT)
    assert {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)} == set()
