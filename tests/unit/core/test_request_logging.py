"""`TBAPI_LOG=debug`: one line per request and per response for both APIs, only the `tbapi` logger configured."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import httpx
import pytest

import tbapi
from tests.waits import record_wait

SJ_ITEM = {"errorCode": None, "data": {"tbItemId": 1, "title": "x"}}
TOP_OK = {"products_search_response": {"total_results": 0, "request_id": "top-rid-1"}}


def _shanjing(*answers: httpx.Response) -> tbapi.ShanjingClient:
    queue = list(answers)
    transport = httpx.MockTransport(lambda r: queue.pop(0) if len(queue) > 1 else queue[0])
    return tbapi.ShanjingClient(
        access_token="log-token-0001",
        base_url="https://sj.test",
        http_client=httpx.Client(transport=transport),
        sleep=record_wait,  # the retry's wait is recorded (the `no_sleep` fixture), not slept
    )


def _lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "tbapi" and r.getMessage().startswith(("request", "response"))
    ]


def test_a_shanjing_call_logs_its_request_and_its_response(caplog: pytest.LogCaptureFixture) -> None:
    answer = httpx.Response(200, json=SJ_ITEM, headers={"x-request-id": "sj-rid-1"})
    with caplog.at_level(logging.DEBUG, logger="tbapi"), _shanjing(answer) as client:
        client.items.get(1)
    request, response = _lines(caplog)
    assert request == "request GET /rest/taobao-global/traffic/item/get (attempt 1)"
    assert response.startswith("response GET /rest/taobao-global/traffic/item/get: HTTP 200 in ")
    assert response.endswith("ms, request id sj-rid-1 (attempt 1)")


def test_a_retried_call_logs_each_attempt(caplog: pytest.LogCaptureFixture, no_sleep: list[float]) -> None:
    busy, good = httpx.Response(503, text="busy"), httpx.Response(200, json=SJ_ITEM)
    with caplog.at_level(logging.DEBUG, logger="tbapi"), _shanjing(busy, good) as client:
        client.items.get(1)
    lines = _lines(caplog)
    assert [line.rsplit("(", 1)[1] for line in lines] == ["attempt 1)", "attempt 1)", "attempt 2)", "attempt 2)"]
    assert "HTTP 503" in lines[1]


def test_a_top_call_logs_its_method_not_the_gateway_url(caplog: pytest.LogCaptureFixture) -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json=TOP_OK))
    top = tbapi.TopClient(
        app_key="12345678",
        app_secret="log-secret-1",
        base_url="https://gw.test/router/rest",
        http_client=httpx.Client(transport=transport),
    )
    with caplog.at_level(logging.DEBUG, logger="tbapi"), top:
        top.products.search(fields="product_id", q="x")
    request, response = (r.getMessage() for r in caplog.records if r.name == "tbapi")  # and no other line
    assert request == "request TOP taobao.products.search (attempt 1)"
    assert response.startswith("response TOP taobao.products.search: HTTP 200 in ")
    assert "request id top-rid-1" in response  # from the envelope: TOP sends it in the body


SCRIPT = """
import logging, httpx, tbapi
logging.basicConfig(level=logging.WARNING)
t = httpx.MockTransport(lambda r: httpx.Response(200, json={"errorCode": None, "data": {"tbItemId": 1}}))
with tbapi.ShanjingClient(access_token="sub-token-0001", base_url="https://sj.test", http_client=httpx.Client(transport=t)) as c:
    c.items.get(1)
print(logging.getLogger().level, logging.getLogger("httpx").level)
"""


def test_tbapi_log_with_basic_config_prints_each_line_once_and_leaves_other_loggers_alone() -> None:
    env = {**os.environ, "TBAPI_LOG": "debug"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    lines = [line for line in done.stderr.splitlines() if "item/get" in line]
    assert len(lines) == 2, done.stderr
    assert done.stdout.split() == [str(logging.WARNING), str(logging.NOTSET)]
    assert "sub-token-0001" not in done.stderr
