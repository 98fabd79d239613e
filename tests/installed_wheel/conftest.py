"""A wheel built from this checkout, and a fresh venv outside the repository with only that wheel installed.

To stay cheap (the tests run in `make test`), the venv is made without pip, the wheel goes in with `--no-deps`,
and a `.pth` file lends it this venv's site-packages for the dependencies: the tbapi it imports is the wheel's
(this venv has tbapi only as an editable install, which a `.pth` does not load).
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import TESTS

REPO = TESTS.parent


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("tbapi_sdk-*.whl")
    return built


@pytest.fixture(scope="session")
def user_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interpreter of a fresh venv with only the wheel installed (dependencies lent by this venv)."""
    env = tmp_path_factory.mktemp("user-venv")
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "lent-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python
