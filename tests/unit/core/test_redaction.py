"""Redaction replaces secret values, never the words of a message."""

from __future__ import annotations

import pytest

import tbapi
from tbapi import APIError, ResponseError
from tbapi._logs import redact, register_secret


def test_a_missing_access_token_message_keeps_its_words() -> None:
    message = redact("access_token: must be a non-empty string")
    assert message == "access_token: must be a non-empty string"


def test_a_missing_app_secret_message_keeps_its_words() -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        tbapi.TopClient(app_key="12345678", app_secret=None)
    assert str(caught.value) == "app_secret: missing: pass app_secret= or set TBAPI_TOP_APP_SECRET"


def test_a_bearer_placeholder_in_a_message_is_kept() -> None:
    text = "The request has no valid 'Authorization: Bearer <token>' header."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abcdefgh12345", "Authorization: Bearer [redacted]"),
        ("x-access-token: mock-access-token", "x-access-token: [redacted]"),
        ("GET /x?session=expired&a=1", "GET /x?session=[redacted]&a=1"),
        ('{"session": "expired"}', '{"session": "[redacted]"}'),
        ("the session: expired.", "the session: expired."),
    ],
)
def test_values_are_redacted_and_words_kept(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_an_error_body_keeps_its_shape_with_secrets_replaced() -> None:
    register_secret("echoed-secret-77")
    error = APIError("x", body={"errorCode": "E", "echo": ["echoed-secret-77"], "access_token": "unregistered-1"})
    assert error.body == {"errorCode": "E", "echo": ["[redacted]"], "access_token": "[redacted]"}


def test_the_raw_body_of_a_response_error_is_redacted() -> None:
    register_secret("echoed-secret-78")
    error = ResponseError("bad", raw_body="<html>echoed-secret-78</html>")
    assert "echoed-secret-78" not in (error.raw_body or "")
