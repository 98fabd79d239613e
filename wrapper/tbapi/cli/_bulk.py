"""The bulk commands (`item-get --from`, `product-get --from`): ids in, one JSON line per id out, resumable.

The output file is the job's state. Each line is one id's result — `{"item_id": …, "item": {…}}` or
`{"item_id": …, "error": {"type", "message", "code"}}` — written whole in one write and flushed as it
comes, so after a crash or Ctrl-C the file holds every finished id and no partial line. `--resume` skips
the ids it holds; `--retry-failed` first rewrites it without its error lines (in place, crash-safe), then
fetches those ids again: no id is ever in the file twice. One run owns the file at a time
(`tbapi.cli._bulk_file`).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from .._exceptions import ValidationError
from .._support.validation import int_id
from ..shanjing._changes import Fingerprint, change_line, observed
from ..shanjing._lines import Result, result_line
from ._bulk_file import is_stream, owned, prepare_output, read_output, resolved
from ._errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED
from ._writing import STDOUT, writing

STDIO = "-"


# --- the id file -----------------------------------------------------------------------------------------


def read_ids(lines: Iterable[bytes], source: str) -> list[int]:
    """The ids of an id file, each once in file order: one per line; blank lines and `# comments` ignored.

    The file is UTF-8 (a byte order mark first is allowed); anything else is a usage error naming its line."""
    ids: dict[int, None] = {}
    for number, raw in enumerate(lines, 1):
        text = _decoded(raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw, f"{source}:{number}")
        text = text.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            ids.setdefault(int_id("item_id", text))
        except ValidationError:
            raise click.BadParameter(f"{source}:{number}: not an item id: {text!r}", param_hint="--from") from None
    return list(ids)


def _decoded(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise click.BadParameter(
            f"{where}: not UTF-8 text (byte {raw[error.start]:#04x} at column {error.start + 1})", param_hint="--from"
        ) from None


# --- the output ------------------------------------------------------------------------------------------


class JsonLines:
    """Appends one JSON line per result: one write of the whole line, then a flush."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self._stream.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        self._stream.flush()


@contextlib.contextmanager
def opened(output: str, resume: bool, retry_failed: bool) -> Iterator[tuple[JsonLines, frozenset[int]]]:
    """The output to append to, owned by this run until the block ends, and the ids it holds already."""
    if output == STDIO:
        with writing(STDOUT):
            yield JsonLines(sys.stdout.buffer), frozenset()
        return
    with writing(output):
        if is_stream(output):  # nothing to resume or to own
            with open(output, "ab") as stream:
                yield JsonLines(stream), frozenset()
            return
        path = resolved(output)  # a symlink is written through, never replaced
        with owned(path):
            skip = prepare_output(path, resume=resume, retry_failed=retry_failed)
            with open(path, "ab") as stream:
                yield JsonLines(stream), skip


def last_states(path: Path) -> dict[int, Fingerprint | None]:
    """What a bulk output file says of each of its ids (`--changed-since`): the item's fingerprint, or None
    when the service said the id is not an item; ids whose error says nothing about the item are left out."""
    states: dict[int, Fingerprint | None] = {}
    for item_id, _, raw in read_output(path).lines:
        state = observed(json.loads(raw))
        if state is None or isinstance(state, dict):
            states[item_id] = state
    return states


# --- progress and summary --------------------------------------------------------------------------------


class RateColumn(ProgressColumn):
    """Results per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("?/s" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")


@attrs.define
class Tally:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = attrs.Factory(time.perf_counter)

    def summary(self) -> str:
        seconds = time.perf_counter() - self.started
        return f"{self.ok} ok, {self.failed} failed, {self.skipped} skipped in {seconds:.1f} s"


@contextlib.contextmanager
def progress_bar(label: str, total: int, console: Console) -> Iterator[Callable[[Tally], None]]:
    """A bar on `console` when it is a terminal: done/total, rate, ETA and failures; `update(tally)` moves it."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
    )
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=total, failed=0)
        yield lambda tally: progress.update(task, completed=tally.ok + tally.failed, failed=tally.failed)


# --- the command -----------------------------------------------------------------------------------------


Fetch = Callable[[list[int]], Iterable[Result]]


@attrs.frozen
class BulkJob:
    """One run of a bulk command: where ids come from and go, and how to fetch them."""

    label: str
    ids: list[int]
    output: str
    resume: bool = False
    retry_failed: bool = False
    # With `--changed-since`: the last state of each id; only the change lines are written.
    changed_since: dict[int, Fingerprint | None] | None = None

    def run(self, fetch: Fetch, console: Console) -> int:
        """Fetch what the output lacks, line by line; print the summary; the exit code."""
        with opened(self.output, self.resume, self.retry_failed) as (out, skip):
            todo = [i for i in self.ids if i not in skip]
            tally = Tally(skipped=len(self.ids) - len(todo))
            try:
                with progress_bar(self.label, len(todo), console) as update:
                    for result in fetch(todo):
                        self._write(out, result_line(int(result.item_id), result))
                        if result.error is None:
                            tally.ok += 1
                        else:
                            tally.failed += 1
                        update(tally)
            except KeyboardInterrupt:
                console.print(f"tbapi: interrupted: {tally.summary()} (--resume continues)", highlight=False)
                return EXIT_INTERRUPTED
        console.print(tally.summary(), highlight=False)
        return EXIT_SOME_FAILED if tally.failed else EXIT_OK

    def _write(self, out: JsonLines, line: dict[str, Any]) -> None:
        if self.changed_since is None:
            out.write(line)
        elif (change := change_line(self.changed_since.get(line["item_id"]), line)) is not None:
            out.write(change)
