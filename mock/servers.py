"""Start and stop the mock servers: Prism for each spec, and the TOP gateway front.

`python mock/servers.py` (what `make mock` runs) starts them on fixed loopback ports, prints the
`export` lines for the SDK, and stops everything on Ctrl-C. The test suite imports `running_mocks`
and starts the same servers on free ports, so a `make mock` left running never collides with it.

With `--calls-per-second N` (or `TBAPI_MOCK_CALLS_PER_SECOND=N`; `make mock CALLS_PER_SECOND=N`) the mock
plays a call limit, to try a fleet offline: the TOP gateway front bans an app key over N calls a second as
the real gateway does (code 7, `This ban will last for N more seconds`), and a front before the Shanjing
Prism answers a token over N calls a second with HTTP 429 and `Retry-After` (`mock/limit_front.py`).
`--ban-seconds` (or `TBAPI_MOCK_BAN_SECONDS`, default 1) is how long a ban lasts.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from tbapi.testing import MOCK_ACCESS_TOKEN, MOCK_APP_KEY, MOCK_APP_SECRET

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "mock" / "node_modules" / ".bin" / "prism"
GATEWAY = ROOT / "mock" / "top_gateway.py"
HOST = "127.0.0.1"
FIXED_PORTS = (4010, 4011, 4012)  # Shanjing Prism, TOP Prism, TOP gateway front
READY_TIMEOUT_S = 60.0
LOG_TAIL_LINES = 15


@dataclass(frozen=True)
class MockUrls:
    shanjing: str  # Prism serving openapi/shanjing.yaml
    top_prism: str  # Prism serving openapi/top.yaml, one path per TOP method
    top_gateway: str  # the gateway front: real TOP wire requests at /router/rest

    def exports(self) -> list[str]:
        """The shell lines that point tbapi at these mocks, with the credentials they accept."""
        app_key = os.environ.get("TOP_GATEWAY_APP_KEY", MOCK_APP_KEY)  # the gateway front's own defaults
        app_secret = os.environ.get("TOP_GATEWAY_APP_SECRET", MOCK_APP_SECRET)
        return [
            f"export TBAPI_SHANJING_BASE_URL={self.shanjing}",
            f"export TBAPI_SHANJING_ACCESS_TOKEN={MOCK_ACCESS_TOKEN}  # Prism accepts any Bearer token",
            f"export TBAPI_TOP_BASE_URL={self.top_gateway}",
            f"export TBAPI_TOP_APP_KEY={app_key} TBAPI_TOP_APP_SECRET={app_secret}",
        ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def check_free(ports: tuple[int, ...]) -> None:
    """Refuse ports something already listens on: a server started there would die at once while the
    readiness check, answered by whatever holds the port, said that the mock was up."""
    for port in ports:
        with socket.socket() as sock:
            if sock.connect_ex((HOST, port)) == 0:
                raise RuntimeError(
                    f"port {port} is taken (another `make mock`? `tbapi --mock` and the examples use one left"
                    " running); stop what listens there, or start one on free ports: `python mock/servers.py --free-ports`"
                )


LOG_DIR = ROOT / ".tbapi-run"  # server output (git-ignored)
_PR_SET_PDEATHSIG = 1
# Loaded here, not in the child: after fork only the call itself should run.
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None


def _die_with_parent(parent_pid: int) -> Callable[[], None]:
    """Make a server exit when the process that started it dies, even by SIGKILL (Linux).

    The `finally` of `running_mocks` cannot run when pytest is killed outright (SIGKILL, a CI timeout);
    without this the servers, each in its own session, would outlive it and keep their ports and CPU.
    """

    def in_child() -> None:
        if _prctl is not None:
            _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
            if os.getppid() != parent_pid:  # the parent died before prctl: nobody would signal us
                os._exit(1)

    return in_child


def _spawn(argv: list[str], env: Mapping[str, str] | None = None, *, log: Path | None) -> subprocess.Popen[bytes]:
    output = None
    if log is not None:
        log.parent.mkdir(exist_ok=True)
        output = log.open("wb")  # each run starts its log afresh
    try:
        # A new session per server, so stopping it also stops anything it spawned.
        return subprocess.Popen(
            argv,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,
            preexec_fn=_die_with_parent(os.getpid()),
        )
    finally:
        if output is not None:
            output.close()  # the child has its own copy


def _prism(spec: str, port: int, log: Path | None) -> subprocess.Popen[bytes]:
    if not PRISM.exists():
        raise RuntimeError(f"{PRISM} is missing: run `npm ci` in mock/ (make test does)")
    argv = [str(PRISM), "mock", str(ROOT / "openapi" / spec), "-h", HOST, "-p", str(port)]
    return _spawn([*argv, "-v", "error", "--errors"], log=log)


@dataclass(frozen=True)
class Limit:
    """The calls per second the mock lets each app key / token make, and how long an overrun bans it."""

    calls_per_second: int
    ban_seconds: float = 1.0


def _gateway(
    port: int, upstream: str, clock_skew_s: int, log: Path | None, *, limit: Limit | None = None
) -> subprocess.Popen[bytes]:
    argv = [sys.executable, str(GATEWAY), "--host", HOST, "--port", str(port), "--upstream", upstream]
    env = {"TOP_GATEWAY_CLOCK_SKEW_SECONDS": str(clock_skew_s)}
    if limit is not None:
        env["TOP_GATEWAY_CALLS_PER_SECOND"] = str(limit.calls_per_second)
        env["TOP_GATEWAY_BAN_SECONDS"] = str(limit.ban_seconds)
    return _spawn(argv, env, log=log)


def _limit_front(port: int, upstream: str, limit: Limit, log: Path | None) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "mock.limit_front", "--host", HOST, "--port", str(port), "--upstream", upstream]
    argv += ["--calls-per-second", str(limit.calls_per_second), "--ban-seconds", str(limit.ban_seconds)]
    return _spawn(argv, log=log)


def _log_tail(log: Path | None) -> str:
    """The last lines of a server's log, to say why it stopped (empty when it logs to the terminal)."""
    if log is None:
        return ""
    try:
        lines = log.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "; its log ends:\n" + "\n".join(lines[-LOG_TAIL_LINES:]) if lines else ""


def _wait_until_listening(port: int, proc: subprocess.Popen[bytes], deadline: float, log: Path | None = None) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"mock server on port {port} exited with {proc.returncode}{_log_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"mock server on port {port} did not start within {READY_TIMEOUT_S:.0f}s")


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@contextlib.contextmanager
def running_mocks(
    ports: tuple[int, int, int] | None = None,
    *,
    gateway_clock_skew_s: int = 0,
    log_dir: Path | None = LOG_DIR,
    limit: Limit | None = None,
) -> Iterator[MockUrls]:
    """Run both Prism instances and the gateway front until the block ends.

    Their output goes to `log_dir/*.log` (by default the checkout's `.tbapi-run/`), or to this terminal when
    `log_dir` is None. With a
    `limit`, the Shanjing URL is a limit front before the Shanjing Prism (which then listens on a free port).
    """
    if ports is not None:
        check_free(ports)
    sj_port, top_port, gw_port = ports or (free_port(), free_port(), free_port())
    urls = MockUrls(
        shanjing=f"http://{HOST}:{sj_port}",
        top_prism=f"http://{HOST}:{top_port}",
        top_gateway=f"http://{HOST}:{gw_port}/router/rest",
    )
    procs: list[subprocess.Popen[bytes]] = []
    try:
        names = ("prism-shanjing", "prism-top", "top-gateway")
        logs = tuple(None if log_dir is None else log_dir / f"{name}.log" for name in names)
        sj_prism_port = free_port() if limit else sj_port
        procs.append(_prism("shanjing.yaml", sj_prism_port, logs[0]))
        procs.append(_prism("top.yaml", top_port, logs[1]))
        procs.append(_gateway(gw_port, urls.top_prism, gateway_clock_skew_s, logs[2], limit=limit))
        ports_and_logs = [(sj_prism_port, logs[0]), (top_port, logs[1]), (gw_port, logs[2])]
        if limit is not None:
            front_log = None if log_dir is None else log_dir / "shanjing-limit-front.log"
            procs.append(_limit_front(sj_port, f"http://{HOST}:{sj_prism_port}", limit, front_log))
            ports_and_logs.append((sj_port, front_log))
        deadline = time.monotonic() + READY_TIMEOUT_S
        for (port, log), proc in zip(ports_and_logs, procs, strict=True):
            _wait_until_listening(port, proc, deadline, log)
        yield urls
    finally:
        stop(procs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--free-ports", action="store_true", help="use free ports, not 4010-4012")
    parser.add_argument(
        "--calls-per-second",
        type=int,
        default=int(os.environ.get("TBAPI_MOCK_CALLS_PER_SECOND") or 0),
        help="play a call limit per app key / token (0: none; env TBAPI_MOCK_CALLS_PER_SECOND)",
    )
    parser.add_argument(
        "--ban-seconds",
        type=float,
        default=float(os.environ.get("TBAPI_MOCK_BAN_SECONDS") or 1),
        help="how long an overrun bans (env TBAPI_MOCK_BAN_SECONDS, default 1)",
    )
    args = parser.parse_args()
    ports = None if args.free_ports else FIXED_PORTS
    limit = Limit(args.calls_per_second, args.ban_seconds) if args.calls_per_second > 0 else None
    with contextlib.ExitStack() as stack:
        try:
            urls = stack.enter_context(running_mocks(ports, limit=limit))
        except RuntimeError as exc:  # a port taken, Prism missing, a server that exited: said in one line
            sys.exit(f"mock not started: {exc}")
        print("\n".join(urls.exports()), flush=True)
        print(f"# TOP methods served: {', '.join(sorted(_served_top_methods()))}", flush=True)
        if limit is not None:
            print(f"# call limit: {limit.calls_per_second}/s per app key and per token, {limit.ban_seconds:g} s bans")
        print(f"# mock servers up; their logs are in {LOG_DIR}/; Ctrl-C stops them", file=sys.stderr, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


def _served_top_methods() -> frozenset[str]:
    """What the gateway front serves (its own reading of openapi/top.yaml)."""
    sys.path.insert(0, str(GATEWAY.parent))
    methods: frozenset[str] = importlib.import_module(GATEWAY.stem).served_methods()
    return methods


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the servers as Ctrl-C does
    main()
