"""What every example shares: run against the bundled mock (default) or the real services (`--live`).

With the mock, the servers are started for the run (Prism for both specs + the TOP gateway front, via
`tbapi.testing.started_mock_servers`, which needs this source checkout and Node) and the `TBAPI_*`
variables point tbapi at them with the mock's test credentials. With `--live`, tbapi reads your own
`TBAPI_*` credentials and base URLs from the environment.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator

from tbapi.testing import MockUnavailable, started_mock_servers


def parser(description: str) -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(description=description)
    result.add_argument("--live", action="store_true", help="call the real services configured by TBAPI_* variables")
    return result


@contextlib.contextmanager
def services(live: bool) -> Iterator[None]:
    """The real services (`live`), or the bundled mock started for the duration of the block."""
    if live:
        yield
        return
    with contextlib.ExitStack() as stack:
        try:
            mock = stack.enter_context(started_mock_servers())
        except MockUnavailable as exc:  # says what to install or run
            raise SystemExit(f"the bundled mock is not available: {exc}\n(or run with --live)") from None
        saved = dict(os.environ)
        os.environ.update(mock.env())
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(saved)
