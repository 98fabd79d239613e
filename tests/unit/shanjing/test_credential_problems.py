"""Credential problems are clear: no token fails before sending, a code alone gets a first token, a refresh
failure says its code once."""

from __future__ import annotations

import pytest

import tbapi
from tests.unit.shanjing.conftest import BASE_URL, REFRESH, FakeShanjing, bearer, fail, make_client, ok, token_answer

ITEM = {"tbItemId": 1, "title": "x"}


def test_a_client_without_any_token_fails_before_sending(fake: FakeShanjing) -> None:
    fake.route("/item/get", ok(ITEM))
    with make_client(fake, access_token=None) as client, pytest.raises(tbapi.ValidationError) as caught:
        client.items.get(1)
    assert caught.value.param == "access_token"
    assert "TBAPI_SHANJING_ACCESS_TOKEN" in str(caught.value)
    assert fake.requests == []


async def test_an_async_client_without_any_token_fails_before_sending(fake: FakeShanjing) -> None:
    from tests.unit.shanjing.conftest import make_async_client

    fake.route("/item/get", ok(ITEM))
    async with make_async_client(fake, access_token=None) as client:
        with pytest.raises(tbapi.ValidationError, match="access_token"):
            await client.items.get(1)
    assert fake.requests == []


def test_create_token_works_on_a_client_without_tokens_and_sends_no_bearer(fake: FakeShanjing) -> None:
    fake.route("/auth/token/create", token_answer(access="first-access-token-1"))
    fake.route("/item/get", ok(ITEM))
    with make_client(fake, access_token=None) as client:
        client.auth.create_token("oauth-code-123")
        client.items.get(1)
    create, get = fake.requests
    assert "authorization" not in create.headers
    assert bearer(get) == "first-access-token-1"


def test_a_refresh_token_alone_refreshes_first_without_a_bearer(fake: FakeShanjing) -> None:
    fake.route("/auth/token/refresh", token_answer(access="refreshed-access-1"))
    fake.route("/item/get", ok(ITEM))
    with make_client(fake, access_token=None, refresh_token=REFRESH) as client:
        client.items.get(1)
    refresh, get = fake.requests
    assert refresh.url.path.endswith("/auth/token/refresh")
    assert "authorization" not in refresh.headers
    assert bearer(get) == "refreshed-access-1"


def test_a_failed_refresh_states_its_code_and_status_once(fake: FakeShanjing, no_sleep: list[float]) -> None:
    fake.route("/auth/token/refresh", fail("InvalidRefreshToken", "refresh token expired"))
    with (
        make_client(fake, access_token=None, refresh_token=REFRESH) as client,
        pytest.raises(tbapi.AuthenticationError) as caught,
    ):
        client.items.get(1)
    text = str(caught.value)
    assert text.count("code=InvalidRefreshToken") == 1
    assert text.count("http_status=200") == 1
    assert "refresh token expired" in text


def test_a_token_read_with_a_trailing_newline_is_sent_stripped(fake: FakeShanjing) -> None:
    fake.route("/item/get", ok(ITEM))
    with make_client(fake, access_token="file-token-0001\n") as client:
        client.items.get(1)
    assert fake.requests[0].headers["authorization"] == "Bearer file-token-0001"


@pytest.mark.parametrize("param", ["access_token", "refresh_token"])
def test_a_token_with_a_control_character_is_refused_without_showing_it(param: str) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        tbapi.ShanjingClient(**{param: "abc\x00secret-part-9"}, base_url=BASE_URL)  # type: ignore[arg-type]
    assert caught.value.param == param
    assert "secret-part-9" not in str(caught.value)
