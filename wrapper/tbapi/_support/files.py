"""Files tbapi writes (the token file, the CLI's bulk output), replaced atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, chunks: Iterable[bytes], *, mode: int | None = None) -> None:
    """Replace `path`'s content with `chunks`: a crash leaves either the old file or the new one, never a torn one.

    The new content goes to a temporary file in the same directory (so `os.replace` is one rename), synced to
    the disk, given `mode` if set (before anyone can open it under `path`), then renamed over `path`.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.writelines(chunks)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
