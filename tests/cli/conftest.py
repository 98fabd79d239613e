"""Running the `tbapi` command in-process through click's `CliRunner`, offline (no network, no Node)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from tbapi.cli import command

Run = Callable[..., Result]
ENV_NAMES = (
    "TBAPI_SHANJING_ACCESS_TOKEN",
    "TBAPI_SHANJING_REFRESH_TOKEN",
    "TBAPI_SHANJING_BASE_URL",
    "TBAPI_SHANJING_TOKEN_FILE",
    "TBAPI_TOP_APP_KEY",
    "TBAPI_TOP_APP_SECRET",
    "TBAPI_TOP_SESSION",
    "TBAPI_TOP_BASE_URL",
)


@pytest.fixture
def cli() -> click.Group:
    return command()


@pytest.fixture
def run(cli: click.Group, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run("shanjing", "item-get", "1", env={...})`: the command's Result, with a clean TBAPI_* environment."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke


def parsed(result: Result) -> Any:
    """The JSON the command printed on stdout."""
    return json.loads(result.stdout)
