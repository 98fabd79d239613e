"""Errors of the `tbapi` command: one readable line (or JSON) on stderr, no traceback, one exit code per kind."""

from __future__ import annotations

import json

import pytest

import tbapi
from tbapi.cli._errors import exit_code_of
from tbapi.testing import ExampleTransport
from tests.cli.conftest import Run

SECRET = "s3cr3t-app-secret-value"
TOKEN = "very-secret-access-token"


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (tbapi.ValidationError("q", "bad"), 2),
        (tbapi.AuthenticationError("no"), 3),
        (tbapi.PermissionDeniedError("no"), 4),
        (tbapi.RateLimitError("slow down"), 5),
        (tbapi.InvalidRequestError("bad"), 6),
        (tbapi.ServerError("down"), 7),
        (tbapi.APIError("other"), 6),
        (tbapi.APIConnectionError(), 8),
        (tbapi.APITimeoutError(), 8),
        (tbapi.ResponseError("not JSON"), 9),
        (tbapi.TbapiError("other"), 1),
    ],
)
def test_each_error_kind_has_its_exit_code(error: tbapi.TbapiError, code: int) -> None:
    assert exit_code_of(error) == code


def test_an_expired_token_exits_3_with_the_code_and_no_traceback(run: Run) -> None:
    result = run("shanjing", "item-get", "1", "--offline", "--example", "expiredToken")
    assert result.exit_code == 3
    assert "code=IllegalAccessToken" in result.stderr
    assert "Traceback" not in result.output


def test_a_rate_limit_exits_5_with_the_wait(run: Run) -> None:
    result = run(
        "top", "products-search", "--q", "x", "--offline", "--example", "api_call_limited", "--max-retries", "0"
    )
    assert result.exit_code == 5
    assert "wait 71 s" in result.stderr


def test_a_rejected_parameter_exits_6(run: Run) -> None:
    result = run("top", "products-search", "--q", "x", "--offline", "--example", "invalid_barcode")
    assert result.exit_code == 6


def test_a_server_failure_exits_7(run: Run) -> None:
    args = ("--offline", "--example", "remote_service_unavailable", "--max-retries", "0")
    assert run("top", "itemcats-get", "--parent-cid", "0", *args).exit_code == 7


def test_a_refused_connection_exits_8(run: Run) -> None:
    args = ("--base-url", "http://127.0.0.1:9", "--access-token", TOKEN, "--max-retries", "0")
    assert run("shanjing", "item-get", "1", *args).exit_code == 8


def test_an_argument_refused_before_sending_exits_2(run: Run) -> None:
    result = run("shanjing", "image-search", "--offline")
    assert result.exit_code == 2
    assert "pic_url / image_id / image" in result.stderr


def test_a_bad_command_line_exits_2(run: Run) -> None:
    assert run("shanjing", "item-get", "not-a-number").exit_code == 2


def test_missing_top_credentials_exit_2_with_a_hint(run: Run) -> None:
    result = run("top", "products-search", "--q", "x")
    assert result.exit_code == 2
    assert "TBAPI_TOP_APP_KEY" in result.stderr


def test_json_errors_are_a_json_object_on_stderr(run: Run) -> None:
    result = run("--json", "--offline", "--example", "invalid_signature", "top", "products-search", "--q", "x")
    error = json.loads(result.stderr)["error"]
    assert (error["type"], error["code"], error["exit_code"]) == ("AuthenticationError", 25, 3)


def test_an_example_name_no_spec_has_is_a_usage_error(run: Run) -> None:
    result = run("shanjing", "item-get", "1", "--offline", "--example", "noSuchExample")
    assert result.exit_code == 2
    assert "expiredToken" in result.stderr  # the names there are


def test_an_example_another_operation_has_is_a_readable_error(run: Run) -> None:
    result = run("shanjing", "item-get", "1", "--offline", "--example", "invalid_signature")
    assert result.exit_code == 6
    assert "it has: success" in result.stderr


def test_ctrl_c_with_json_prints_a_json_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: ExampleTransport, request: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ExampleTransport, "handle_request", interrupted)
    result = run("--json", "shanjing", "item-get", "1", "--offline")
    assert result.exit_code == 130
    assert json.loads(result.stderr)["error"] == {
        "type": "KeyboardInterrupt",
        "message": "interrupted",
        "exit_code": 130,
    }


def test_secrets_given_as_flags_are_never_printed(run: Run) -> None:
    args = ("--app-key", "k", "--app-secret", SECRET, "--session", TOKEN, "--offline", "--example", "invalid_session")
    result = run("--json", "top", "call", "taobao.products.search", f"q={SECRET}", *args)
    assert result.exit_code == 3
    assert SECRET not in result.output
    assert TOKEN not in result.output


def test_an_access_token_is_never_printed_in_an_error(run: Run) -> None:
    args = ("--base-url", "http://127.0.0.1:9", "--access-token", TOKEN, "--max-retries", "0")
    assert TOKEN not in run("shanjing", "item-get", "1", *args).output


def test_json_after_the_command_prints_the_error_as_json(run: Run) -> None:
    result = run("shanjing", "item-get", "1", "--offline", "--example", "expiredToken", "--json")
    assert (result.exit_code, json.loads(result.stderr)["error"]["code"]) == (3, "IllegalAccessToken")
