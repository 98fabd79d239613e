"""The output file of a bulk command: the run that owns it, what it holds, and how it is rewritten.

One output file, one run: a run holds an OS lock (`flock`) on `FILE.lock` (beside the file the output path
resolves to, so a symlink or another path to it shares it) for its whole life, and writes its pid in it. A
second run on the same file refuses at once, naming the holder. The lock file stays when the run ends
(removing it could let two runs lock two different files); it is harmless to delete between runs.

The output file itself is never replaced — a symlink stays a link to it, a reader's open handle stays valid:
it is appended to, and `--retry-failed` (or a line cut short by a crash) rewrites it in place. That rewrite
first saves the new content whole beside it (`.FILE.rewrite`); a run that finds such a journal (the last
one died mid-rewrite) finishes that rewrite before anything else, so a crash leaves the old content or the
new one, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
import click

from .._support.files import write_atomically

LOCK_SUFFIX = ".lock"


def resolved(output: str) -> Path:
    """The file an output path names, through any symlink (it need not exist yet)."""
    return Path(os.path.realpath(output))


def is_stream(output: str) -> bool:
    """Is the output a device or a pipe (`/dev/stdout`, a FIFO), not a file? A directory is an `OSError`."""
    try:
        mode = os.stat(output).st_mode  # through symlinks
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), output)
    return not stat.S_ISREG(mode)


# --- the run that owns it --------------------------------------------------------------------------------


@contextlib.contextmanager
def owned(path: Path) -> Iterator[None]:
    """Hold the run's lock on `path` (a file, or one to be made) until the block ends; a usage error at once,
    naming the holder's pid, when another run holds it."""
    fd = os.open(f"{path}{LOCK_SUFFIX}", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise click.UsageError(
                f"{path} is being written by another tbapi run (pid {_holder(fd)}): "
                "wait for it to end, or choose another --output"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    """The pid the holding run wrote in the lock file ("unknown" in the instant before it has)."""
    text = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip()
    return text if text.isdigit() else "unknown"


# --- what it holds ---------------------------------------------------------------------------------------


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


def prepare_output(path: Path, *, resume: bool, retry_failed: bool) -> frozenset[int]:
    """Make `path` (owned by this run) ready to be appended to; the ids to skip (their result is in it)."""
    finish_interrupted_rewrite(path)
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


# --- rewriting it in place -------------------------------------------------------------------------------


def journal_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.rewrite")


def rewrite(path: Path, lines: Iterable[bytes]) -> None:
    """Give the file these lines, in place, crash-safe through its journal (see the module docstring)."""
    content = b"".join(line + b"\n" for line in lines)
    journal = journal_of(path)
    _save_whole(journal, content)
    _overwrite(path, content)
    journal.unlink()


def finish_interrupted_rewrite(path: Path) -> None:
    """Finish the rewrite a run that died left in the journal."""
    journal = journal_of(path)
    if journal.exists():
        _overwrite(path, journal.read_bytes())
        journal.unlink()


def _save_whole(path: Path, content: bytes) -> None:
    """A new file that appears whole or not at all (the journal: only the run that owns the output writes it)."""
    write_atomically(path, [content])


def _overwrite(path: Path, content: bytes) -> None:
    """The same file (same inode) with `content`: written over from the start, cut to its length, synced."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o644), "wb") as out:
        out.write(content)
        out.truncate(len(content))
        out.flush()
        os.fsync(out.fileno())
