"""Credentials as users really hold them, and errors that could carry them: nothing leaks, nothing hangs.

- a credential read from a file or the environment (trailing newline, surrounding spaces) is sent stripped;
- one with a control character inside is refused with a `ValidationError` naming it, before anything is sent;
- a third-party exception whose text holds a secret (a proxy echoing the request) is not chained as is;
- a server echoing a token, refresh token or session in its error body: `e.body`, `e.response`, `e.request`
  and the whole traceback are redacted.
Both APIs, sync and async, against the loopback fault server.
"""

from __future__ import annotations

import asyncio
import json
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

import tbapi
from tests.conftest import TOP_APP_SECRET
from tests.reliability import conftest as suite
from tests.reliability.fault_server import FaultServer, Plan, Respond
from tests.reliability.one_call import SJ_ITEM, SJ_OK, TOP_OK, TOP_SEARCH
from tests.reliability.outcomes import Record

pytestmark = pytest.mark.timeout(30)

ITEM_ID = 689542173310
BOUND_S = 2.0  # a handful of loopback round trips with ~10 ms backoff, on 2 slow cores
SECRETS = [suite.ACCESS_TOKEN, suite.REFRESH_TOKEN, suite.TOP_SESSION, TOP_APP_SECRET]


@dataclass(frozen=True)
class Caller:
    """One call of one API through one kind of client, with the client's keyword arguments overridable."""

    api: str
    call: str
    route: str
    ok: Respond
    run: Callable[[str, dict[str, Any]], Any]  # (plan URL, client kwargs) -> result


def _sj_sync(url: str, kwargs: dict[str, Any]) -> Any:
    with suite.shanjing_client(url, **kwargs) as client:
        return client.items.get(ITEM_ID)


def _sj_async(url: str, kwargs: dict[str, Any]) -> Any:
    async def run() -> Any:
        async with suite.async_shanjing_client(url, **kwargs) as client:
            return await client.items.get(ITEM_ID)

    return asyncio.run(run())


def _top_sync(url: str, kwargs: dict[str, Any]) -> Any:
    with suite.top_client(suite.top_url(url), **kwargs) as client:
        return client.products.search(fields=["product_id", "name"], q="优衣库")


def _top_async(url: str, kwargs: dict[str, Any]) -> Any:
    async def run() -> Any:
        async with suite.async_top_client(suite.top_url(url), **kwargs) as client:
            return await client.products.search(fields=["product_id", "name"], q="优衣库")

    return asyncio.run(run())


CALLERS = [
    Caller("Shanjing", "items.get (sync)", SJ_ITEM, SJ_OK, _sj_sync),
    Caller("Shanjing", "items.get (async)", SJ_ITEM, SJ_OK, _sj_async),
    Caller("TOP", "products.search (sync)", TOP_SEARCH, TOP_OK, _top_sync),
    Caller("TOP", "products.search (async)", TOP_SEARCH, TOP_OK, _top_async),
]
IDS = [f"{c.api}-{c.call}" for c in CALLERS]


def _outcome(caller: Caller, **fields: Any) -> dict[str, Any]:
    return {"area": "secrets", "api": caller.api, "call": caller.call, "bound_s": BOUND_S, **fields}


def _exceptions(error: BaseException) -> Iterator[BaseException]:
    """`error` and everything chained to it."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [error]
    while stack:
        exc = stack.pop()
        if exc is None or id(exc) in seen:
            continue
        seen.add(id(exc))
        yield exc
        stack += [exc.__cause__, exc.__context__]


def exposed(error: BaseException) -> str:
    """Everything an error shows: its traceback, and the text, repr and attributes of each chained exception."""
    parts = ["".join(traceback.format_exception(error))]
    for exc in _exceptions(error):
        parts += [str(exc), repr(exc)]
        for value in getattr(exc, "__dict__", {}).values():
            parts.append(repr(value))
            if isinstance(value, httpx.Request):
                parts += [str(value.url), repr(value.headers), value.content.decode("utf-8", "replace")]
            if isinstance(value, httpx.Response):
                parts += [repr(value.headers), value.text]
    return "\n".join(parts)


def leaked(error: BaseException) -> list[str]:
    text = exposed(error)
    return [secret for secret in SECRETS if secret in text]


def _run(call: Callable[[], Any]) -> tuple[Any, BaseException | None, float]:
    with suite.Stopwatch() as watch:
        try:
            result, error = call(), None
        except Exception as exc:
            result, error = None, exc
    return result, error, watch.elapsed


# --- what reading a file leaves around a credential ------------------------------------------------------


def _padded_credentials(api: str) -> dict[str, Any]:
    if api == "Shanjing":
        return {"access_token": f"{suite.ACCESS_TOKEN}\n", "refresh_token": f"  {suite.REFRESH_TOKEN}\r\n"}
    return {"app_key": " 12345678\n", "app_secret": f"{TOP_APP_SECRET}\n", "session": f"\t{suite.TOP_SESSION}\n"}


def _sent_credential(caller: Caller, plan: Plan) -> str:
    hit = plan.hits[0]
    return hit.headers["authorization"] if caller.api == "Shanjing" else hit.query["session"]


@pytest.mark.parametrize("caller", CALLERS, ids=IDS)
def test_a_credential_with_surrounding_whitespace_is_sent_stripped(
    fault_server: FaultServer, caller: Caller, outcome: Record
) -> None:
    plan = fault_server.plan({caller.route: [caller.ok]})
    result, error, elapsed = _run(lambda: caller.run(plan.url, _padded_credentials(caller.api)))
    outcome(
        **_outcome(caller, fault="credentials with a trailing newline / surrounding spaces"),
        expected="sent stripped, success in 1 attempt",
        observed="success" if error is None else type(error).__name__,
        attempts=plan.count(),
        elapsed_s=round(elapsed, 3),
    )
    assert error is None, f"expected success, got {error!r}"
    assert result is not None
    assert plan.count() == 1
    assert _sent_credential(caller, plan) in {f"Bearer {suite.ACCESS_TOKEN}", suite.TOP_SESSION}
    assert elapsed < BOUND_S


def _control_credentials(api: str) -> tuple[str, dict[str, Any]]:
    if api == "Shanjing":
        return "access_token", {"access_token": f"{suite.ACCESS_TOKEN[:6]}\n{suite.ACCESS_TOKEN[6:]}"}
    return "session", {"session": f"{suite.TOP_SESSION[:6]}\x00{suite.TOP_SESSION[6:]}"}


@pytest.mark.parametrize("caller", CALLERS, ids=IDS)
def test_a_credential_with_a_control_character_is_refused_before_sending(
    fault_server: FaultServer, caller: Caller, outcome: Record
) -> None:
    plan = fault_server.plan({caller.route: [caller.ok]})
    param, kwargs = _control_credentials(caller.api)
    _, error, elapsed = _run(lambda: caller.run(plan.url, kwargs))
    outcome(
        **_outcome(caller, fault=f"{param} with a control character inside"),
        expected="ValidationError naming it, nothing sent, value not shown",
        observed=type(error).__name__ if error else "success",
        attempts=plan.count(),
        elapsed_s=round(elapsed, 3),
    )
    assert isinstance(error, tbapi.ValidationError)
    assert error.param == param
    assert plan.count() == 0
    assert leaked(error) == []
    assert elapsed < BOUND_S


def test_a_per_call_session_with_a_control_character_is_refused_before_sending(
    fault_server: FaultServer, outcome: Record
) -> None:
    plan = fault_server.plan({"*": [TOP_OK]})
    with suite.top_client(suite.top_url(plan)) as top:
        _, error, elapsed = _run(lambda: top.call(TOP_SEARCH, {"q": "x"}, session=f"{suite.TOP_SESSION}\r\nX-Evil: 1"))
    outcome(
        area="secrets",
        api="TOP",
        call="call(session=…) (sync)",
        fault="per-call session with CR LF inside",
        expected="ValidationError naming session, nothing sent",
        observed=type(error).__name__ if error else "success",
        attempts=plan.count(),
        elapsed_s=round(elapsed, 3),
        bound_s=BOUND_S,
    )
    assert isinstance(error, tbapi.ValidationError)
    assert error.param == "session"
    assert plan.count() == 0
    assert leaked(error) == []


# --- a third-party exception that quotes the request -----------------------------------------------------


def _echoing_proxy(request: httpx.Request) -> httpx.Response:
    raise httpx.ProxyError(f"proxy refused {request.method} {request.url} (headers {dict(request.headers)})")


def _echoing_http_client(call: str) -> httpx.Client | httpx.AsyncClient:
    transport = httpx.MockTransport(_echoing_proxy)
    return httpx.AsyncClient(transport=transport) if "async" in call else httpx.Client(transport=transport)


@pytest.mark.parametrize("caller", CALLERS, ids=IDS)
def test_a_chained_third_party_error_quoting_a_secret_is_scrubbed(
    fault_server: FaultServer, caller: Caller, outcome: Record
) -> None:
    plan = fault_server.plan({caller.route: [caller.ok]})
    http = _echoing_http_client(caller.call)
    _, error, elapsed = _run(lambda: caller.run(plan.url, {"http_client": http}))
    leaks = leaked(error) if error else []
    outcome(
        **_outcome(caller, fault="the transport raises an error quoting the request (token / session)"),
        expected="APIConnectionError; no secret in its traceback, causes or attributes",
        observed=f"{type(error).__name__ if error else 'success'}, {len(leaks)} leaks",
        elapsed_s=round(elapsed, 3),
    )
    assert isinstance(error, tbapi.APIConnectionError)
    assert leaks == []
    assert "ProxyError" in "".join(traceback.format_exception(error))  # the cause is kept, scrubbed
    assert elapsed < BOUND_S


# --- a server that echoes secrets in its error body -------------------------------------------------------


def _echoing_error(api: str, status: int) -> Respond:
    if api == "Shanjing":
        body: dict[str, Any] = {
            "errorCode": "InvalidParameter",
            "errorMsg": f"refused for token {suite.ACCESS_TOKEN}",
            "data": None,
            "echo": {"access_token": suite.ACCESS_TOKEN, "refresh_token": suite.REFRESH_TOKEN},
        }
    else:
        body = {
            "error_response": {
                "code": 40,
                "msg": "Missing required arguments",
                "sub_code": "isv.missing-parameter",
                "sub_msg": f"session {suite.TOP_SESSION} lacks q",
                "session": suite.TOP_SESSION,
            }
        }
    return Respond(status, json.dumps(body).encode("utf-8"))


@pytest.mark.parametrize("status", [200, 400])
@pytest.mark.parametrize("caller", CALLERS, ids=IDS)
def test_secrets_echoed_in_an_error_body_are_redacted_in_the_error(
    fault_server: FaultServer, caller: Caller, status: int, outcome: Record
) -> None:
    plan = fault_server.plan({caller.route: [_echoing_error(caller.api, status)]})
    _, error, elapsed = _run(lambda: caller.run(plan.url, {}))
    leaks = leaked(error) if error else []
    outcome(
        **_outcome(caller, fault=f"HTTP {status} error body echoing the token / refresh token / session"),
        expected="InvalidRequestError; e.body, e.request, e.response redacted",
        observed=f"{type(error).__name__ if error else 'success'}, {len(leaks)} leaks",
        attempts=plan.count(),
        elapsed_s=round(elapsed, 3),
    )
    assert isinstance(error, tbapi.InvalidRequestError)
    assert error.body  # kept, with the secrets replaced
    assert leaks == []
    assert plan.count() == 1
    assert elapsed < BOUND_S
