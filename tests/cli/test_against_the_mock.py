"""The installed `tbapi` command as a real subprocess against the mock (Prism + the TOP gateway front)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mock.servers import MockUrls

pytestmark = pytest.mark.mock
CONSOLE_SCRIPT = Path(sys.executable).with_name("tbapi")
SEED_PIC_URL = "https://img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg"


def tbapi(*args: str, urls: MockUrls | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}
    if urls is not None:  # what `make mock` prints to export
        env.update(TBAPI_SHANJING_BASE_URL=urls.shanjing, TBAPI_TOP_BASE_URL=urls.top_gateway)
    argv = [sys.executable, "-m", "tbapi", *args]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_the_console_script_prints_its_help() -> None:
    result = subprocess.run([str(CONSOLE_SCRIPT), "--help"], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0
    assert "Usage: tbapi" in result.stdout


def test_shanjing_image_search_against_the_mock_prints_json(mock_urls: MockUrls) -> None:
    result = tbapi(
        "--mock", "--json", "shanjing", "image-search", "--pic-url", SEED_PIC_URL, "--language", "en", urls=mock_urls
    )
    assert [item["tbItemId"] for item in json.loads(result.stdout)] == [689542173310, 701234567891]


def test_top_products_search_against_the_mock_prints_json(mock_urls: MockUrls) -> None:
    args = ("top", "products-search", "--q", "优衣库", "--fields", "product_id,name", "--mock", "--json")
    assert json.loads(tbapi(*args, urls=mock_urls).stdout)["total_results"] == 108


def test_an_error_example_of_the_mock_exits_with_its_code(mock_urls: MockUrls) -> None:
    result = tbapi("--mock", "--example", "expiredToken", "shanjing", "item-get", "1", urls=mock_urls)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr


def test_token_create_against_the_mock_needs_no_access_token(mock_urls: MockUrls, tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    result = tbapi("--mock", "shanjing", "token-create", "0_501419_code", "--token-file", str(path), urls=mock_urls)
    assert result.returncode == 0, result.stderr
    assert json.loads(path.read_text())["access_token"]
