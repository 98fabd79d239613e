"""The scripts in examples/ run against the mock (as `--live` with the mock's URLs and test credentials)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mock.servers import MockUrls, free_port
from tbapi.testing import MockServers

pytestmark = pytest.mark.mock
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run_example(name: str, urls: MockUrls, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}
    env.update(MockServers(shanjing=urls.shanjing, top_gateway=urls.top_gateway).env())
    argv = [sys.executable, str(EXAMPLES / name), "--live", *args]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=True).stdout


def test_image_search_from_a_local_file(mock_urls: MockUrls) -> None:
    assert "shoe.png: 2 look-alike item(s)" in run_example("image_search.py", mock_urls)


def test_products_search_walks_the_pages_and_says_why_it_stopped_short_of_the_total(mock_urls: MockUrls) -> None:
    output = run_example("products_search.py", mock_urls).splitlines()
    assert [line for line in output if not line.startswith("  ")] == [
        "Page 1: 3 product(s); the gateway reports 108 in all",
        "Walked the pages: 3 product(s)",
        "The walk ended at a short page, before the 108 reported: the gateway sent no more.",
    ]


def test_order_flow_renders_creates_queries_and_cancels(mock_urls: MockUrls) -> None:
    output = run_example("order_flow.py", mock_urls)
    assert [line.split(":")[0] for line in output.splitlines()] == ["撞库", "render", "create", "query", "cancel"]


def test_demo_searches_by_image_and_products(mock_urls: MockUrls) -> None:
    output = run_example("demo.py", mock_urls)
    assert "look-alike item(s)" in output
    assert "TOP products search: 108" in output


def test_price_monitor_writes_a_csv_of_prices_in_yuan(mock_urls: MockUrls, tmp_path: Path) -> None:
    prices = tmp_path / "prices.csv"
    output = run_example("price_monitor.py", mock_urls, "--csv", str(prices))
    with prices.open(newline="", encoding="utf-8") as rows:
        table = list(csv.DictReader(rows))
    assert len({row["item_id"] for row in table}) == 12
    assert table[0]["price"] == "39.90"
    assert "12 item(s), 0 error(s)" in output


def test_validate_live_checks_the_spec_through_a_prism_proxy(mock_urls: MockUrls) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}
    env.update(MockServers(shanjing=mock_urls.shanjing, top_gateway=mock_urls.top_gateway).env())
    port = str(free_port())
    argv = [sys.executable, str(EXAMPLES / "validate_live.py"), "--upstream", mock_urls.shanjing, "--port", port]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=90, check=False)
    assert (result.returncode, result.stdout.count("  ok  ")) == (0, 9)


def test_console_traces_prints_each_call_s_span_and_its_requests_under_the_application_s(mock_urls: MockUrls) -> None:
    output = run_example("console_traces.py", mock_urls)
    span_names = {line[:32].strip() for line in output.splitlines()}  # each span's line starts with its name
    assert span_names >= {
        "nightly prices",
        "top taobao.products.search",
        "POST",
        "shanjing items.get_many",
        "shanjing items.get",
        "GET",
    }


def test_prometheus_metrics_counts_the_calls_by_api_operation_and_outcome(mock_urls: MockUrls) -> None:
    output = run_example("prometheus_metrics.py", mock_urls)
    assert (
        'tbapi_calls_total{api="shanjing",operation="items.get",outcome="ok"} 8.0' in output,
        'tbapi_calls_total{api="top",operation="taobao.products.search",outcome="ok"} 1.0' in output,
        'tbapi_request_seconds_count{api="top",operation="taobao.products.search",status="200"} 1.0' in output,
    ) == (True, True, True)


@pytest.mark.parametrize(
    ("name", "module", "package"),
    [
        ("console_traces.py", "opentelemetry.sdk", "opentelemetry-sdk"),
        ("prometheus_metrics.py", "prometheus_client", "prometheus-client"),
    ],
)
def test_an_example_without_the_package_it_needs_says_the_pip_command(name: str, module: str, package: str) -> None:
    hidden = f"import runpy, sys; sys.modules[{module!r}] = None; sys.path.insert(0, {str(EXAMPLES)!r})\n"
    code = hidden + f"runpy.run_path({str(EXAMPLES / name)!r}, run_name='__main__')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert (run.returncode, "Traceback" in run.stderr) == (1, False)
    assert f"this example needs {package}: pip install {package}" in run.stderr
