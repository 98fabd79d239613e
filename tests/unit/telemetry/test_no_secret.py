"""No secret in any span, event, status or metric attribute tbapi exports, nor in a hook's record: every call of
the scenarios that handle them (signed TOP calls with a session, a ban, a failure naming the session, Shanjing
calls through a retry and a token refresh that hands out new tokens) is swept for every secret it knew."""

from __future__ import annotations

import re

import attrs
import httpx
import pytest

import tbapi
from tests.unit.shanjing.conftest import FakeShanjing, bearer, fail, make_client, ok, token_answer
from tests.unit.top.conftest import SEARCH_OK, FakeGateway, error_body, top_client

from .conftest import Telemetry

SESSION = "6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805479"
APP_SECRET = "helloworld-secret"
ACCESS, REFRESH = "sj-access-4f1d0c2b9a", "sj-refresh-7e6a5b4c3d"
NEW_ACCESS, NEW_REFRESH = "sj-access-new-a1b2c3", "sj-refresh-new-d4e5f6"
SECRETS = (SESSION, APP_SECRET, ACCESS, REFRESH, NEW_ACCESS, NEW_REFRESH)
# Any value after a credential's name that is not the redaction mark (`session=…`, `"sign": "…"`).
CREDENTIAL_VALUE = re.compile(
    r"(?i)\b(session|sign|access_token|refresh_token|app_secret)[\"']?\s*[=:]\s*[\"']?(?!\[redacted\])\w"
)


def exported_texts(otel: Telemetry) -> list[str]:
    texts: list[str] = []
    for span in otel.spans():
        texts += [span.name, str(span.status.description or "")]
        texts += [f"{key}={value!s}" for key, value in (span.attributes or {}).items()]
        for event in span.events:
            texts += [event.name] + [f"{key}={value!s}" for key, value in (event.attributes or {}).items()]
    for name, points in otel.points().items():
        texts += [name] + [f"{key}={value}" for attributes, _ in points for key, value in attributes.items()]
    return texts


def top_scenarios(records: list[object]) -> None:
    banned = error_body(
        7, "App Call limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 1 more seconds"
    )
    refused = error_body(27, f"Invalid session {SESSION}", "invalid-sessionkey", f"session={SESSION} is not valid")
    gateway = FakeGateway(banned, SEARCH_OK, refused)
    options = {"session": SESSION, "app_secret": APP_SECRET, "on_attempt": records.append, "on_call": records.append}
    with top_client(gateway, **options) as top:
        top.products.search(fields=["name"], q="shirt")
        with pytest.raises(tbapi.AuthenticationError):
            top.products.search(fields=["name"], q="shirt")


def shanjing_scenarios(fake: FakeShanjing, records: list[object]) -> None:
    answers = iter([httpx.Response(502, text=f"bad gateway for token {ACCESS}")])

    def item(request: httpx.Request) -> httpx.Response:
        if bearer(request) != NEW_ACCESS:
            return fail("IllegalAccessToken", f"Illegal access token {bearer(request)}")
        return next(answers, None) or ok({"tbItemId": 7, "title": "shirt"})

    fake.route("/traffic/item/get", item)
    fake.route("/auth/token/refresh", token_answer(NEW_ACCESS, NEW_REFRESH))
    with make_client(fake, access_token=ACCESS, refresh_token=REFRESH) as client:
        client.items.get(7)
        list(client.items.get_many([8, 9], concurrency=2))


def test_no_exported_attribute_event_or_metric_holds_a_secret(fake: FakeShanjing, otel: Telemetry) -> None:
    records: list[object] = []
    top_scenarios(records)
    shanjing_scenarios(fake, records)

    texts = exported_texts(otel) + [repr(attrs.asdict(record)) for record in records]  # type: ignore[arg-type]
    leaks = [text for text in texts if any(secret in text for secret in SECRETS) or CREDENTIAL_VALUE.search(text)]
    seen = {text.split("=", 1)[0] for text in texts}
    assert (leaks, {"url.full", "tbapi.token.refresh", "error.type"} <= seen) == ([], True)
