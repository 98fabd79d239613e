"""The secrets watch of this suite (conftest.py) really catches each kind of leak."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import SHANJING_TOKEN, TOP_APP_SECRET
from tests.e2e.conftest import leaks


@pytest.mark.parametrize(
    ("request_", "rule"),
    [
        (httpx.Request("POST", "http://t/router/rest", data={"q": TOP_APP_SECRET}), "app secret"),
        (httpx.Request("GET", f"http://t/x?access_token={SHANJING_TOKEN}"), "access token outside Authorization"),
        (httpx.Request("GET", "http://t/x?refresh_token=e2e-refresh-token-0001"), "refresh token"),
        (httpx.Request("POST", "http://t/router/rest", data={"q": "a-user-session"}), "session outside"),
    ],
)
def test_the_watch_flags_a_credential_where_it_must_not_travel(request_: httpx.Request, rule: str) -> None:
    assert any(rule in leak for leak in leaks(request_))


def test_the_watch_allows_credentials_where_they_belong() -> None:
    allowed = [
        httpx.Request("GET", "http://t/x", headers={"Authorization": f"Bearer {SHANJING_TOKEN}"}),
        httpx.Request("GET", "http://t/rest/taobao-global/auth/token/refresh?refresh_token=e2e-refresh-token-0001"),
        httpx.Request("POST", "http://t/router/rest?method=m&session=a-user-session"),
    ]
    assert [leak for request in allowed for leak in leaks(request)] == []
