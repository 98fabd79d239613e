"""The pip command tbapi's messages give for a missing extra names where this tbapi came from: a clone's
folder (PyPI's tbapi-sdk may be another version, or not published yet), else the distribution's name."""

from __future__ import annotations

import json
from pathlib import Path

from tbapi._version import requirement

ROOT = Path(__file__).resolve().parents[3]


def direct_url(url: str, **info: object) -> str:
    return json.dumps({"url": url, **info})


def test_an_install_from_a_clone_is_extended_from_that_clone() -> None:
    assert requirement("fleet", direct_url(ROOT.as_uri(), dir_info={})) == f"'{ROOT}[fleet]'"


def test_an_editable_install_of_a_clone_stays_editable() -> None:
    assert requirement("mock", direct_url(ROOT.as_uri(), dir_info={"editable": True})) == f"-e '{ROOT}[mock]'"


def test_a_wheel_or_an_index_install_is_extended_by_the_distributions_name() -> None:
    wheel = direct_url("file:///tmp/tbapi_sdk-0.1.0-py3-none-any.whl", archive_info={})
    assert [requirement("cli", wheel), requirement("cli", None)] == ["'tbapi-sdk[cli]'", "'tbapi-sdk[cli]'"]


def test_a_clone_since_removed_is_not_offered(tmp_path: Path) -> None:
    assert requirement("redis", direct_url((tmp_path / "gone").as_uri(), dir_info={})) == "'tbapi-sdk[redis]'"
