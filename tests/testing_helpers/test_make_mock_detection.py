"""`tbapi --mock`, `local_mock` and the examples call a `make mock` running on ports 4010-4012, unless
`TBAPI_MOCK_SKIP_MAKE_MOCK` is set (then they start the bundled mock, whatever runs there)."""

from __future__ import annotations

import pytest

from tbapi.testing import MockServers, _mock, running_make_mock

AS_MAKE_MOCK = MockServers(shanjing="http://127.0.0.1:4010", top_gateway="http://127.0.0.1:4012/router/rest")


@pytest.fixture
def make_mock_listens(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both fixed ports answer, as with `make mock` running (without taking the ports of this machine)."""
    monkeypatch.delenv("TBAPI_MOCK_SKIP_MAKE_MOCK", raising=False)
    monkeypatch.setattr(_mock, "listening", lambda url: url in (AS_MAKE_MOCK.shanjing, AS_MAKE_MOCK.top_gateway))


@pytest.mark.usefixtures("make_mock_listens")
@pytest.mark.parametrize(("setting", "found"), [(None, AS_MAKE_MOCK), ("0", AS_MAKE_MOCK), ("1", None)])
def test_a_running_make_mock_is_used_unless_the_setting_skips_it(
    monkeypatch: pytest.MonkeyPatch, setting: str | None, found: MockServers | None
) -> None:
    if setting is not None:
        monkeypatch.setenv("TBAPI_MOCK_SKIP_MAKE_MOCK", setting)
    assert running_make_mock() == found
