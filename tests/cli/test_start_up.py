"""What a `tbapi` command imports before it runs: the API group it uses, no other (a fleet command that calls
no API starts without the clients and the generated code; `--version` without any group)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import click

from tbapi.cli._params import SpecChoice

from .conftest import Run

HEAVY = ("tbapi._generated", "tbapi.shanjing._client", "tbapi.top")
NOWHERE = "redis://127.0.0.1:1"  # no Redis answers there: the command runs and ends with a connection error


def heavy_modules_after(*argv: str) -> list[str]:
    """The client and generated modules loaded once `tbapi argv…` has run, in a new interpreter."""
    code = (
        "import json, sys\nfrom tbapi.cli import main\ntry:\n"
        f"    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_the_version_loads_no_client() -> None:
    assert heavy_modules_after("--version") == []


def test_fleet_status_loads_no_client() -> None:
    assert heavy_modules_after("fleet", "status", "monday", "--redis", NOWHERE) == []


def test_fleet_submit_loads_no_client() -> None:
    assert heavy_modules_after("fleet", "submit", "monday", "--from", "/dev/null", "--redis", NOWHERE) == []


def test_a_shanjing_command_loads_its_client() -> None:
    assert "tbapi.shanjing._client" in heavy_modules_after("shanjing", "item-get", "--help")


def test_a_language_not_in_the_spec_is_refused_before_anything_runs(run: Run) -> None:
    result = run("fleet", "submit", "monday", "--from", "/dev/null", "--language", "xx", "--redis", NOWHERE)
    assert result.exit_code == 2
    assert "'xx' is not one of 'en', 'ja', 'ko', 'ru', 'vi'" in result.output


def test_the_languages_of_the_spec_are_listed_in_the_help(run: Run) -> None:
    assert "--language [en|ja|ko|ru|vi]" in run("fleet", "submit", "--help").output


def spec_choices(group: click.Group) -> list[tuple[str, SpecChoice]]:
    """Every option of every command under `group` whose values come from a spec enum."""
    found = []
    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        if isinstance(command, click.Group):
            found += spec_choices(command)
        elif command is not None:
            found += [
                (f"{name} {param.name}", param.type) for param in command.params if isinstance(param.type, SpecChoice)
            ]
    return found


def test_each_spec_choice_offers_the_values_of_its_generated_enum(cli: click.Group) -> None:
    choices = spec_choices(cli)
    assert {where for where, _ in choices} >= {"search sort", "order-query status", "submit language"}
    for _, choice in choices:
        enum = importlib.import_module(f"tbapi._generated.shanjing_client.models.{choice.enum}")
        assert choice.choices == tuple(sorted(getattr(enum, f"{choice.enum.upper()}_VALUES")))
