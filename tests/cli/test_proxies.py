"""The command goes through the proxy the environment names (`HTTP_PROXY` …, minus `NO_PROXY`) on the clients'
own pools — single calls and `--from` runs alike — and a proxy that fails is named in the error it prints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.loopback import ApiServer, ForwardProxy, closed_port, forward_proxy

TOKEN = "access-token-0001"
pytestmark = pytest.mark.usefixtures("no_proxy_settings")


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ForwardProxy]:
    with forward_proxy() as server:
        monkeypatch.setenv("HTTP_PROXY", server.url)
        yield server


@pytest.mark.timeout(30)
def test_a_call_goes_through_the_environments_proxy(run: Run, api: ApiServer, proxy: ForwardProxy) -> None:
    result = run("--json", "shanjing", "item-get", "7", "--base-url", api.url, "--access-token", TOKEN)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tbItemId"] == 7
    assert len(proxy.forwarded) == 1


@pytest.mark.timeout(30)
def test_a_top_call_goes_through_the_environments_proxy(run: Run, api: ApiServer, proxy: ForwardProxy) -> None:
    keys = ("--app-key", "12345678", "--app-secret", "helloworld")
    result = run("--json", "top", "call", "taobao.time.get", "--base-url", api.top_url, *keys)
    assert result.exit_code == 0, result.output
    assert len(proxy.forwarded) == 1


@pytest.mark.timeout(30)
def test_a_bulk_run_goes_through_the_environments_proxy(
    run: Run, api: ApiServer, proxy: ForwardProxy, tmp_path: Path
) -> None:
    ids, out = tmp_path / "ids.txt", tmp_path / "items.jsonl"
    ids.write_text("1\n2\n3\n", encoding="utf-8")
    args = ("--base-url", api.url, "--access-token", TOKEN, "--from", str(ids), "--output", str(out))
    result = run("shanjing", "item-get", *args)
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert len(proxy.forwarded) == 3


@pytest.mark.timeout(30)
def test_no_proxy_is_honoured(run: Run, api: ApiServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    result = run("--json", "shanjing", "item-get", "7", "--base-url", api.url, "--access-token", TOKEN)
    assert result.exit_code == 0, result.output
    assert proxy.carried == 0


@pytest.mark.timeout(30)
def test_a_proxy_nothing_listens_on_is_named(run: Run, api: ApiServer, monkeypatch: pytest.MonkeyPatch) -> None:
    dead = f"127.0.0.1:{closed_port()}"
    monkeypatch.setenv("HTTP_PROXY", f"http://{dead}")
    args = ("--base-url", api.url, "--access-token", TOKEN, "--max-retries", "0")
    result = run("shanjing", "item-get", "7", *args)
    assert result.exit_code != 0
    assert f"proxy {dead}" in result.output
    assert api.address not in result.output
