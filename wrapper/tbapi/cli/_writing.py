"""Where the command's output could not go — a full disk, a missing or unwritable directory, a closed pipe —
as one readable line naming the place and its own exit code (`EXIT_OUTPUT`), never an "internal error"."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

import click

from ._errors import EXIT_OUTPUT

STDOUT = "stdout"


class OutputError(click.ClickException):
    """The command's output (`where`: a file or stdout) could not be written."""

    exit_code = EXIT_OUTPUT

    def __init__(self, where: str, error: OSError) -> None:
        super().__init__(f"cannot write {where}: {reason(error)}")

    def show(self, file: object = None) -> None:
        click.secho(f"tbapi: {self.message}", err=True, fg="red")


def reason(error: OSError) -> str:
    if isinstance(error, BrokenPipeError):
        return "the pipe was closed (the program reading it has ended)"
    return error.strerror or type(error).__name__


@contextlib.contextmanager
def writing(where: str) -> Iterator[None]:
    """An `OSError` of the block is an `OutputError` naming `where`."""
    try:
        yield
    except OSError as error:
        if where == STDOUT:
            _discard_stdout()
        raise OutputError(where, error) from None


def flushed_stdout() -> None:
    """Flush stdout now, so that a full disk or a closed pipe is reported, not a traceback at exit."""
    with writing(STDOUT):
        sys.stdout.flush()


def _discard_stdout() -> None:
    """What is still buffered for a stdout that failed goes nowhere (Python would flush it again at exit)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
