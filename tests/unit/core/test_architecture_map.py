"""ARCHITECTURE.md names real places: every repository path it writes in backticks exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# A path as the map writes it: in backticks, from one of the repository's top-level folders.
PATH = re.compile(r"`((?:wrapper|generated|openapi|mock|tests|bench|tools|docs|examples)/[^`\s]*)`")


def named_paths() -> list[str]:
    return PATH.findall((ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))


def test_the_map_names_the_path_of_a_call_and_the_tests() -> None:
    assert {"wrapper/tbapi/_engine/twins.py", "wrapper/tbapi/_http/transport.py", "tests/unit/core/"} <= set(
        named_paths()
    )


def test_every_path_the_map_names_exists() -> None:
    assert [path for path in named_paths() if not (ROOT / path).exists()] == []
