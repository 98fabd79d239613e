"""The bulk commands (`item-get --from`, `product-get --from`): ids in, one JSON line per id out, resumable.

The output file is the job's state. Each line is one id's result — `{"item_id": …, "item": {…}}` or
`{"item_id": …, "error": {"type", "message", "code"}}` — written whole in one write and flushed as it
comes, so after a crash or Ctrl-C the file holds every finished id and no partial line. `--resume` skips
the ids it holds; `--retry-failed` first rewrites it without its error lines (atomically), then fetches
those ids again: no id is ever in the file twice.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

import attrs
import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from .._exceptions import TbapiError, ValidationError
from .._logs import redact
from .._support.files import write_atomically
from ..shanjing._args import int_id
from ._errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED

STDIO = "-"


class Result(Protocol):
    """What a bulk call yields per id (`tbapi.shanjing.BulkResult`)."""

    @property
    def item_id(self) -> int | str: ...
    @property
    def item(self) -> Any: ...
    @property
    def error(self) -> TbapiError | None: ...


# --- the id file -----------------------------------------------------------------------------------------


def read_ids(lines: Iterable[str], source: str) -> list[int]:
    """The ids of an id file, each once in file order: one per line; blank lines and `# comments` ignored."""
    ids: dict[int, None] = {}
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            ids.setdefault(int_id("item_id", text))
        except ValidationError:
            raise click.BadParameter(f"{source}:{number}: not an item id: {text!r}", param_hint="--from") from None
    return list(ids)


# --- the output file -------------------------------------------------------------------------------------


@attrs.frozen
class Held:
    """What an output file already holds: the ids with a result, the ids with an error, its lines."""

    ok: frozenset[int]
    failed: frozenset[int]
    lines: list[tuple[int, bool, bytes]]  # (id, ok, the line as written)
    torn: bool  # the last line was cut short (a kill -9 or a full disk mid-write)


def parse_line(raw: bytes, where: str) -> tuple[int, bool]:
    """(id, ok) of one line of a bulk output file; a line that is not one is a usage error."""
    try:
        record = json.loads(raw)
    except ValueError:
        record = None
    item_id = record.get("item_id") if isinstance(record, dict) else None
    if not isinstance(item_id, int) or isinstance(item_id, bool) or ("item" in record) == ("error" in record):
        raise click.UsageError(f"{where}: not a line of a tbapi bulk output file")
    return item_id, "item" in record


def read_output(path: Path) -> Held:
    data = path.read_bytes()
    chunks = data.split(b"\n")
    torn = chunks[-1] != b""  # everything after the last newline: never a finished line
    lines = []
    for number, raw in enumerate(chunks[:-1], 1):
        if raw.strip():
            item_id, ok = parse_line(raw, f"{path}:{number}")
            lines.append((item_id, ok, raw))
    ok_ids = frozenset(i for i, ok, _ in lines if ok)
    return Held(ok=ok_ids, failed=frozenset(i for i, ok, _ in lines if not ok) - ok_ids, lines=lines, torn=torn)


def rewrite(path: Path, lines: Iterable[bytes]) -> None:
    """Replace the file's content atomically: a crash leaves either the old file or the new one."""
    write_atomically(path, (line + b"\n" for line in lines))


def prepare_output(path: Path, *, resume: bool, retry_failed: bool) -> frozenset[int]:
    """Make `path` ready to be appended to; the ids to skip (their result is in it already)."""
    if not path.exists() or path.stat().st_size == 0:
        return frozenset()
    if not (resume or retry_failed):
        raise click.UsageError(
            f"{path} already holds results: --resume continues it (--retry-failed also fetches its errors again)"
        )
    held = read_output(path)
    if held.torn or (retry_failed and held.failed):
        kept = [raw for item_id, ok, raw in held.lines if ok or not retry_failed or item_id in held.ok]
        rewrite(path, kept)
    return held.ok if retry_failed else held.ok | held.failed


class JsonLines:
    """Appends one JSON line per result: one write of the whole line, then a flush."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self._stream.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        self._stream.flush()


@contextlib.contextmanager
def opened(output: str) -> Iterator[JsonLines]:
    if output == STDIO:
        yield JsonLines(sys.stdout.buffer)
        return
    with open(output, "ab") as stream:
        yield JsonLines(stream)


def result_line(item_id: int, result: Result) -> dict[str, Any]:
    """The JSON line of one id: the item's wire dict, or the error's type, message and code."""
    if result.error is None:
        return {"item_id": item_id, "item": result.item.to_dict()}
    error = result.error
    code = getattr(error, "code", None)
    return {
        "item_id": item_id,
        "error": {"type": type(error).__name__, "message": redact(error.message), "code": code},
    }


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

    def run(self, fetch: Fetch, console: Console) -> int:
        """Fetch what the output lacks, line by line; print the summary; the exit code."""
        skip = frozenset() if self.output == STDIO else self._prepare()
        todo = [i for i in self.ids if i not in skip]
        tally = Tally(skipped=len(self.ids) - len(todo))
        try:
            with opened(self.output) as out, progress_bar(self.label, len(todo), console) as update:
                for result in fetch(todo):
                    out.write(result_line(int(result.item_id), result))
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

    def _prepare(self) -> frozenset[int]:
        return prepare_output(Path(self.output), resume=self.resume, retry_failed=self.retry_failed)
