"""What a newcomer meets first: where tokens come from, token-create keeping them, JSON errors wherever `--json`
is written, and a `TBAPI_LOG` that is not a level."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run

# Nothing listens on port 9: a command that sent a request would exit 8 (connection failed), not 2.
NOWHERE = ("--base-url", "http://127.0.0.1:9", "--max-retries", "0")


def test_token_create_without_a_token_file_refuses_before_sending(run: Run) -> None:
    result = run("shanjing", "token-create", "0_501419_code", *NOWHERE)
    assert (result.exit_code, "nowhere to keep the tokens" in result.stderr) == (2, True)
    assert "--token-file" in result.stderr


def test_token_create_refuses_a_token_file_it_cannot_write(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    result = run("shanjing", "token-create", "0_501419_code", "--token-file", str(tmp_path / "a-file" / "t.json"))
    assert (result.exit_code, "is not a folder" in result.stderr) == (2, True)


def test_token_create_keeps_the_tokens_in_the_token_file_the_environment_names(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    result = run("--offline", "shanjing", "token-create", "0_501419_code", env={"TBAPI_SHANJING_TOKEN_FILE": str(path)})
    assert (result.exit_code, path.is_file()) == (0, True)


def test_a_missing_token_is_explained_in_cli_terms_before_sending(run: Run) -> None:
    result = run("shanjing", "item-get", "689542173310", *NOWHERE)
    assert result.exit_code == 2
    said = result.stderr
    assert [words for words in ("--access-token", "--token-file", "tbapi shanjing token-create") if words in said] == [
        "--access-token",
        "--token-file",
        "tbapi shanjing token-create",
    ]
    assert "oauth/authorize" in said  # where a first token comes from
    assert "access_token=" not in said  # no Python keyword arguments on a command line


@pytest.mark.parametrize(
    "args",
    [
        ("--json", "shanjing", "item-get", "not-a-number"),
        ("shanjing", "--json", "item-get", "not-a-number"),
        ("shanjing", "item-get", "not-a-number", "--json"),
        ("shanjing", "item-gett", "1", "--json"),
        ("--no-such-option", "--json"),
        ("shanjing", "token-create", "0_501419_code", "--json"),
    ],
    ids=lambda args: " ".join(args),
)
def test_a_bad_command_line_is_a_json_error_wherever_json_is_written(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    error = json.loads(result.stderr)["error"]
    assert (result.exit_code, error["type"], error["exit_code"]) == (2, "UsageError", 2)


def test_a_tbapi_error_is_json_when_json_follows_the_command(run: Run) -> None:
    result = run("shanjing", "item-get", "689542173310", *NOWHERE, "--json")
    error = json.loads(result.stderr)["error"]
    assert (error["type"], error["param"], error["exit_code"]) == ("ValidationError", "--access-token", 2)


def _tbapi_version(log: str) -> str:
    env = {**os.environ, "TBAPI_LOG": log}
    argv = [sys.executable, "-m", "tbapi", "--version"]
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True, timeout=60).stderr


def test_an_unknown_tbapi_log_value_warns() -> None:
    assert "TBAPI_LOG='verbose' is not a level tbapi knows (debug or info)" in _tbapi_version("verbose")


def test_a_known_tbapi_log_value_does_not_warn() -> None:
    assert "not a level" not in _tbapi_version("INFO")
