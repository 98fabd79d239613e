"""Configuration is validated up front, and secrets are scrubbed from every text tbapi makes."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest

import tbapi
from tbapi import APIError, ValidationError
from tbapi._base_client import ClientOptions
from tbapi._logs import logger, redact, register_secret
from tbapi._support.config import checked_base_url


@pytest.mark.parametrize(
    "url",
    ["https://eco.taobao.com/router/rest", "http://127.0.0.1:4010", "http://localhost:8080", "http://[::1]:9"],
)
def test_https_and_loopback_http_are_accepted(url: str) -> None:
    assert checked_base_url(url) == url


@pytest.mark.parametrize("url", ["http://eco.taobao.com/router/rest", "http://10.0.0.5", "ftp://x", "nonsense"])
def test_plain_http_to_another_host_and_non_urls_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="base_url"):
        checked_base_url(url)


@pytest.mark.parametrize(("timeout", "max_retries"), [(0, 2), (-1, 2), (30, -1), (30, True)])
def test_bad_timeout_or_max_retries_is_refused(timeout: float, max_retries: int) -> None:
    with pytest.raises(ValidationError):
        ClientOptions(base_url="https://x", timeout=timeout, max_retries=max_retries)


def test_registered_secret_is_scrubbed_from_exception_text() -> None:
    register_secret("s3cr3t-value-123")
    error = APIError("token s3cr3t-value-123 is invalid", sub_message="got s3cr3t-value-123")
    assert "s3cr3t-value-123" not in str(error)
    assert "s3cr3t-value-123" not in (error.sub_message or "")


@pytest.mark.parametrize(
    "text",
    [
        "Authorization: Bearer abcdefgh12345",
        "GET /x?access_token=abcdefgh12345&a=1",
        '{"refresh_token": "abcdefgh12345"}',
        "app_secret=abcdefgh12345",
    ],
)
def test_credential_shaped_values_are_scrubbed_even_unregistered(text: str) -> None:
    assert "abcdefgh12345" not in redact(text)


def test_log_records_of_the_tbapi_logger_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    register_secret("another-secret-456")
    with caplog.at_level(logging.DEBUG, logger="tbapi"):
        logger.debug("using %s", "another-secret-456")
    assert "another-secret-456" not in caplog.text
    assert "[redacted]" in caplog.text


def test_clients_and_their_copies_keep_max_retry_after() -> None:
    import tbapi

    with tbapi.ShanjingClient(access_token="tok-for-policy-test", max_retry_after=5) as shanjing:
        assert shanjing.max_retry_after == 5.0
        assert shanjing.with_options(max_retry_after=1).max_retry_after == 1.0
    with tbapi.TopClient(app_key="k", app_secret="secret-for-policy-test", max_retry_after=7) as top:
        assert top.max_retry_after == 7.0
        assert top.with_options(max_retry_after=2).max_retry_after == 2.0


@pytest.mark.parametrize("value", [-1, "soon", True])
def test_a_bad_max_retry_after_is_refused(value: object) -> None:
    import tbapi

    with pytest.raises(ValidationError, match="max_retry_after"):
        tbapi.ShanjingClient(access_token="tok-for-policy-test", max_retry_after=value)  # type: ignore[arg-type]


URL_PASSWORD = "url-pass-word-31"
PASSWORD_URL = f"https://user:{URL_PASSWORD}@api.test"


def test_the_password_of_any_url_in_a_text_is_redacted() -> None:
    assert redact("GET https://bob:never-registered-1@h.test/x failed") == "GET https://bob:[redacted]@h.test/x failed"


def echo_url(request: httpx.Request) -> httpx.Response:
    """A server that says which URL it was asked for, in its body and its headers."""
    return httpx.Response(400, json={"message": f"no route {request.url}"}, headers={"X-Url": str(request.url)})


def test_a_base_url_password_is_in_no_repr() -> None:
    clients = [
        tbapi.ShanjingClient(base_url=PASSWORD_URL, access_token="t" * 8),
        tbapi.AsyncShanjingClient(base_url=PASSWORD_URL, access_token="t" * 8),
        tbapi.TopClient(base_url=PASSWORD_URL, app_key="12345678", app_secret="s" * 8),
    ]
    assert [URL_PASSWORD in repr(client) for client in clients] == [False, False, False]


def shown(error: tbapi.APIError, logs: str) -> str:
    return f"{error} {error!r} {error.body!r} {list(error.headers.items())!r} {error.request!r} {logs}"


def test_a_base_url_password_is_in_no_error_or_log_line(caplog: pytest.LogCaptureFixture) -> None:
    http = httpx.Client(transport=httpx.MockTransport(echo_url))
    caplog.set_level(logging.DEBUG)
    client = tbapi.ShanjingClient(base_url=PASSWORD_URL, access_token="t" * 8, http_client=http, max_retries=0)
    with client, pytest.raises(tbapi.APIError) as raised:
        client.items.get(1)
    assert "api.test" in str(raised.value.body)  # the echo arrived, without the password
    assert URL_PASSWORD not in shown(raised.value, caplog.text)
    assert URL_PASSWORD.encode() not in pickle.dumps(raised.value)


async def test_a_base_url_password_is_in_no_error_or_log_line_async(caplog: pytest.LogCaptureFixture) -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(echo_url))
    caplog.set_level(logging.DEBUG)
    async with tbapi.AsyncShanjingClient(
        base_url=PASSWORD_URL, access_token="t" * 8, http_client=http, max_retries=0
    ) as client:
        with pytest.raises(tbapi.APIError) as raised:
            await client.items.get(1)
    assert "api.test" in str(raised.value.body)
    assert URL_PASSWORD not in shown(raised.value, caplog.text)
    assert URL_PASSWORD.encode() not in pickle.dumps(raised.value)
