"""The `tbapi` command (`python -m tbapi`): every call of both APIs from the terminal.

It needs the `cli` extra (`pip install 'tbapi-sdk[cli]'`: click and rich; PyYAML for `--offline`).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .._version import install_command

if TYPE_CHECKING:
    import click


def command() -> click.Group:
    """The `tbapi` click group (for `click.testing.CliRunner`); its groups are imported as their commands run."""
    from ._app import cli

    return cli


def main(argv: list[str] | None = None) -> None:
    """Run the `tbapi` command (the console script's entry point)."""
    try:
        group = command()
    except ImportError as exc:  # pragma: no cover - depends on the installation
        print(f"tbapi: the tbapi command needs the cli extra: {install_command('cli')} ({exc})", file=sys.stderr)
        raise SystemExit(2) from exc
    group.main(args=argv, prog_name="tbapi")


__all__ = ["command", "main"]
