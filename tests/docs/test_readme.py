"""Every Python block of the README runs as written against the bundled mock: in a fresh interpreter, from the
checkout's root, with the environment `make mock` prints (and a Redis for the fleet block). A block of test
functions runs under pytest, as its reader would run it. A newcomer who pastes a block meets no undefined
name, no missing file and no error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock.redis_server import running_redis
from mock.servers import MockUrls
from tbapi.testing import MockServers

pytestmark = [pytest.mark.mock, pytest.mark.timeout(120)]

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
# What a block prints that proves it did what its text says, by a line of the block.
PRINTS = {
    'image_search(image="examples/assets/shoe.png"': "689542173310 39.90 ",  # the Quickstart's uploaded photo
    '"Prefer": "example=invalidParameter"': "refused as the example says: InvalidParameter",
}


def block_id(block: str) -> str:
    """The block's place: the README heading above it."""
    above = README[: README.index(block)]
    headings: list[str] = re.findall(r"^#+ (.+)$", above, re.MULTILINE)
    return headings[-1]


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with running_redis() as url:
        yield url


@pytest.fixture
def user_env(mock_urls: MockUrls, redis_url: str) -> dict[str, str]:
    """This environment without the developer's TBAPI_* settings, plus what `make mock` exports."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}
    mock = MockServers(shanjing=mock_urls.shanjing, top_gateway=mock_urls.top_gateway)
    return {**env, **mock.env(), "REDIS_URL": redis_url}


def test_the_readme_has_python_blocks_and_a_quickstart() -> None:
    assert len(BLOCKS) >= 8
    assert "Quickstart" in [block_id(block) for block in BLOCKS]


@pytest.mark.parametrize("block", [b for b in BLOCKS if "def test_" not in b], ids=block_id)
def test_a_block_runs_as_written_against_the_mock(block: str, user_env: dict[str, str]) -> None:
    run = subprocess.run([sys.executable, "-c", block], cwd=ROOT, env=user_env, capture_output=True, text=True)
    assert (run.returncode, run.stderr) == (0, ""), run.stdout
    assert [shown for line, shown in PRINTS.items() if line in block and shown not in run.stdout] == []


def test_the_proofs_are_in_the_readme() -> None:
    assert [line for line in PRINTS if not any(line in block for block in BLOCKS)] == []


@pytest.mark.parametrize("block", [b for b in BLOCKS if "def test_" in b], ids=block_id)
def test_a_block_of_tests_passes_under_pytest(block: str, user_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "test_from_the_readme.py").write_text(block, encoding="utf-8")
    plugins = ["-p", "no:cacheprovider", "-p", "pytest_asyncio.plugin", "-o", "asyncio_mode=auto"]
    argv = [sys.executable, "-m", "pytest", "-q", *plugins, str(tmp_path)]
    # Only the plugin a reader needs (pytest-asyncio): loading every plugin of this venv takes seconds.
    env = {**user_env, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    run = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True)
    tests = len(re.findall(r"^(?:async )?def test_", block, re.MULTILINE))
    assert f"{tests} passed" in run.stdout, run.stdout + run.stderr
