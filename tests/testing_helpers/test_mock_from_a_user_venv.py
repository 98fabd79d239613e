"""The mock from a user's own venv, which may lack the gateway front's Starlette and uvicorn: every entry
point says the exact command that fixes it, and the `tbapi_mock` fixture skips instead of erroring."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Run first in the child: this interpreter "lacks" uvicorn, as a user's venv without `tbapi-sdk[mock]` does.
WITHOUT_UVICORN = "import sys; sys.modules['uvicorn'] = None\n"
# This venv has tbapi installed editable from this checkout (`make install`): the fix installs from it.
FIX = f"-m pip install -e '{ROOT}[mock]'"


def _python(code: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # Neither an exported mock nor a `make mock` on ports 4010-4012 may stand in for the one that cannot start.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")} | {"TBAPI_MOCK_SKIP_MAKE_MOCK": "1"}
    argv = [sys.executable, "-c", WITHOUT_UVICORN + code]
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_starting_the_mock_without_uvicorn_names_the_install_command() -> None:
    done = _python(
        "from tbapi.testing import MockUnavailable, started_mock_servers\n"
        "try:\n    started_mock_servers().__enter__()\nexcept MockUnavailable as e:\n    print(e)\n"
    )
    assert f"{sys.executable} {FIX}" in done.stdout, done.stderr


def test_tbapi_mock_without_uvicorn_exits_2_with_the_install_command() -> None:
    done = _python("from tbapi.cli import main\nmain(['--mock', 'shanjing', 'item-get', '1'])")
    assert done.returncode == 2
    assert FIX in done.stderr


def test_the_fixture_without_uvicorn_skips_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(WITHOUT_UVICORN + 'pytest_plugins = ["tbapi.testing.pytest_plugin"]\n')
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent(
            """
            def test_uses_the_mock(tbapi_mock):
                assert tbapi_mock.shanjing
            """
        )
    )
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TBAPI_")}, "TBAPI_MOCK_DIR": str(ROOT)}
    argv = [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", "-q", str(tmp_path)]
    done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert "1 skipped" in done.stdout, done.stdout
    assert FIX in done.stdout


def test_an_example_without_uvicorn_exits_with_the_install_command() -> None:
    done = _python(
        "import runpy; sys.path.insert(0, 'examples'); sys.argv = ['demo.py']\n"
        "runpy.run_path('examples/demo.py', run_name='__main__')"
    )
    assert done.returncode == 1
    assert FIX in done.stderr
    assert "Traceback" not in done.stderr
