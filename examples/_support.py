"""What every example shares: run against the bundled mock (default) or the real services (`--live`).

With the mock, the script calls the one `tbapi --mock` would: the `TBAPI_*_BASE_URL` that `make mock`
exported when they point at this machine, else a `make mock` running on ports 4010-4012, else the mock of
this checkout (Prism for both specs + the TOP gateway front, which needs Node), started for the run. The
`TBAPI_*` variables then point tbapi at it with the mock's test credentials. With `--live`, tbapi reads your
own `TBAPI_*` credentials and base URLs from the environment.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from tbapi.testing import MockUnavailable, local_mock

CHECKOUT = Path(__file__).resolve().parents[1]  # these scripts' own tbapi checkout, wherever they are run from


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
            mock = stack.enter_context(local_mock(CHECKOUT))
        except MockUnavailable as exc:  # says what to install or run
            raise SystemExit(f"the bundled mock is not available: {exc}\n(or run with --live)") from None
        saved = dict(os.environ)
        os.environ.update(mock.env())
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(saved)


@contextlib.contextmanager
def needing(package: str) -> Iterator[None]:
    """The imports of an example that tbapi does not bring: without them, the pip command that installs them
    instead of a traceback."""
    try:
        yield
    except ImportError as exc:
        raise SystemExit(f"this example needs {package}: pip install {package} ({exc})") from None
