"""What a newcomer reads before installing: the licence, what the published extras pull in, the README's test example."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_license_file_is_the_mit_license_pyproject_declares() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")


def test_the_published_extras_are_for_users_only() -> None:
    assert set(PYPROJECT["project"]["optional-dependencies"]) == {"cli", "testing", "mock", "redis", "fleet", "otel"}


def test_the_otel_extra_is_the_opentelemetry_api_alone() -> None:
    (requirement,) = PYPROJECT["project"]["optional-dependencies"]["otel"]
    assert requirement.startswith("opentelemetry-api")


def test_the_developers_tools_are_dependency_groups() -> None:
    groups = PYPROJECT["dependency-groups"]
    assert {"dev", "test", "bench", "docs"} <= set(groups)
    assert any(str(r).startswith("pytest==") for r in groups["dev"])


def test_the_readme_says_its_async_test_needs_pytest_asyncio() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    example = readme[readme.index("async def test_a_bad_signature_is_an_authentication_error") :][:1200]
    assert "pytest-asyncio" in example
