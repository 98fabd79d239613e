"""The scripts in examples/ run from a user's venv (tbapi installed from the wheel, not the checkout) without
`TBAPI_MOCK_DIR`, from any directory: they start the mock of their own checkout, or call the one `make mock`
exported, as `tbapi --mock` does."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from mock.servers import MockUrls
from tbapi.testing import MockServers

from .conftest import REPO

pytestmark = [pytest.mark.mock, pytest.mark.timeout(180)]


def run_example(user_python: Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    argv = [str(user_python), str(REPO / "examples" / "image_search.py")]
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


def without_tbapi_settings() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}


def test_an_example_run_from_elsewhere_starts_the_mock_of_its_checkout(user_python: Path, tmp_path: Path) -> None:
    done = run_example(user_python, tmp_path, without_tbapi_settings())
    assert "shoe.png: 2 look-alike item(s)" in done.stdout, done.stderr


def test_an_example_calls_the_mock_make_mock_exported(user_python: Path, tmp_path: Path, mock_urls: MockUrls) -> None:
    exported = MockServers(shanjing=mock_urls.shanjing, top_gateway=mock_urls.top_gateway).env()
    done = run_example(user_python, tmp_path, {**without_tbapi_settings(), **exported})
    assert ("shoe.png: 2 look-alike item(s)" in done.stdout, done.stderr) == (True, "")
