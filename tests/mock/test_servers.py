"""`make mock` and the test fixture share `running_mocks`: it starts every server and leaves nothing behind."""

from __future__ import annotations

import socket

import httpx
import pytest

from mock.servers import HOST, free_port, running_mocks


def is_listening(url: str) -> bool:
    parsed = httpx.URL(url)
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((parsed.host, parsed.port or 80)) == 0


def test_running_mocks_serves_both_specs_and_the_gateway_then_stops_them_all() -> None:
    with running_mocks() as urls:
        exports = urls.exports()
        answers = [
            httpx.get(f"{urls.shanjing}/rest/taobao-global/traffic/item/imgsearch?image_id=1").status_code,
            httpx.post(f"{urls.top_prism}/taobao.products.search", data={"q": "x", "fields": "name"}).status_code,
            httpx.get(urls.top_gateway).json()["error_response"]["code"],
        ]
        served = [urls.shanjing, urls.top_prism, urls.top_gateway]
    assert answers == [401, 200, 21]  # Prism wants a Bearer token; the gateway wants a `method`
    assert exports == [
        f"export TBAPI_SHANJING_BASE_URL={urls.shanjing}",
        "export TBAPI_SHANJING_ACCESS_TOKEN=mock-access-token  # Prism accepts any Bearer token",
        f"export TBAPI_TOP_BASE_URL={urls.top_gateway}",
        "export TBAPI_TOP_APP_KEY=12345678 TBAPI_TOP_APP_SECRET=helloworld",
    ]
    assert not any(is_listening(url) for url in served)


def test_servers_stop_when_the_process_that_started_them_is_killed() -> None:
    import json
    import signal
    import subprocess
    import sys
    import time

    from mock.servers import ROOT

    script = (
        "import json, time; from mock.servers import running_mocks\n"
        "with running_mocks() as u:\n"
        "    print(json.dumps([u.shanjing, u.top_prism, u.top_gateway]), flush=True); time.sleep(120)\n"
    )
    starter = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert starter.stdout is not None
    served = json.loads(starter.stdout.readline())
    assert all(is_listening(url) for url in served)
    starter.send_signal(signal.SIGKILL)  # no `finally`, no fixture teardown
    starter.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(is_listening(url) for url in served) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(is_listening(url) for url in served)


def test_make_mock_prints_the_exports_and_the_top_methods_it_serves() -> None:
    import signal
    import subprocess
    import sys

    from mock.servers import ROOT

    argv = [sys.executable, "mock/servers.py", "--free-ports"]
    runner = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert runner.stdout is not None
    try:
        printed = [runner.stdout.readline() for _ in range(5)]
    finally:
        runner.send_signal(signal.SIGTERM)  # stops the servers as Ctrl-C does
        runner.wait(timeout=20)
    assert "export TBAPI_TOP_APP_KEY=12345678 TBAPI_TOP_APP_SECRET=helloworld\n" in printed
    assert printed[-1] == (
        "# TOP methods served: taobao.itemcats.get, taobao.itemprops.get, taobao.itempropvalues.get,"
        " taobao.products.search\n"
    )


def test_running_mocks_refuses_a_port_something_listens_on_before_starting_any_server() -> None:
    with socket.socket() as holder:
        holder.bind((HOST, 0))
        holder.listen()
        taken = int(holder.getsockname()[1])
        others = (free_port(), free_port())
        with pytest.raises(RuntimeError, match=f"port {taken} is taken"), running_mocks((taken, *others)):
            pass
    assert not any(is_listening(f"http://{HOST}:{port}") for port in others)
