"""`TopHttpClient` builds the wire request at once: the same bytes as the rewrite of a generated request."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tbapi import ValidationError
from tbapi.top._wire import (
    SESSION_EXTENSION,
    WIRE_EXTENSION,
    TopClock,
    TopHttpClient,
    TopWireAuth,
    WireForm,
    data_params,
    form_params,
)

from .conftest import APP_KEY, GATEWAY, SECRET

FIXED_EPOCH = 1_700_000_000.0

FORMS: list[dict[str, Any]] = [
    {"fields": "product_id,name", "q": "优衣库 T恤 a+b&c=d%20", "page_no": 1, "page_size": 100},
    {"parent_cid": 0, "flag": True, "other": False, "gone": None, "empty": "", "cids": [1]},
    {"weird name": "x=y", "tuple": ("a",), "float": 1.5},
    {},
]


def sent(client_class: type[httpx.Client], method: str, data: dict[str, Any], session: str | None) -> httpx.Request:
    """The request a client with `TopWireAuth` sends for `POST /{method}` + `data`."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    clock = TopClock(now=lambda: FIXED_EPOCH)
    auth = TopWireAuth(app_key=APP_KEY, app_secret=SECRET, session=None, sign_method="hmac-sha256", clock=clock)
    with client_class(base_url=GATEWAY, auth=auth, transport=httpx.MockTransport(handler)) as client:
        extensions = {SESSION_EXTENSION: session} if session else None
        request = client.build_request(
            "POST",
            f"/{method}",
            data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            extensions=extensions,
        )
        client.send(request)
    (request,) = seen
    return request


@pytest.mark.parametrize("data", FORMS)
@pytest.mark.parametrize("session", [None, "user-session"])
def test_prebuilt_wire_request_is_the_rewritten_one(data: dict[str, Any], session: str | None) -> None:
    fast = sent(TopHttpClient, "taobao.itemcats.get", data, session)
    slow = sent(httpx.Client, "taobao.itemcats.get", data, session)
    assert isinstance(fast.extensions.get(WIRE_EXTENSION), WireForm)  # the fast path was taken
    assert WIRE_EXTENSION not in slow.extensions
    assert (fast.method, fast.url, fast.content) == (slow.method, slow.url, slow.content)
    # The same header fields and values (an empty body's Content-Length may stand before or after Host).
    assert sorted(fast.headers.multi_items()) == sorted(slow.headers.multi_items())
    assert SESSION_EXTENSION not in fast.extensions
    assert SESSION_EXTENSION not in slow.extensions


def test_data_params_are_what_form_params_reads_back_from_httpx_encoding() -> None:
    for data in FORMS:
        request = httpx.Request("POST", "https://gw.test/m", data=data)
        assert data_params(data) == form_params(request)


@pytest.mark.parametrize(
    ("data", "problem"),
    [({"cids": ["1", "1"]}, "given more than once"), ({"sign": "x"}, "system parameter")],
)
def test_prebuilt_form_is_checked_like_the_rewritten_one(data: dict[str, Any], problem: str) -> None:
    for client_class in (TopHttpClient, httpx.Client):
        with pytest.raises(ValidationError, match=problem):
            sent(client_class, "taobao.itemcats.get", data, None)


def test_other_requests_are_rewritten_as_before() -> None:
    seen: list[httpx.Request] = []
    auth = TopWireAuth(app_key=APP_KEY, app_secret=SECRET, session=None, sign_method="md5", clock=TopClock())

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    transport = httpx.MockTransport(handler)
    with TopHttpClient(base_url=GATEWAY, auth=auth, transport=transport) as client:
        client.post("/taobao.itemcats.get", data={"parent_cid": "0"}, params={"fields": "cid"})
    (request,) = seen
    assert WIRE_EXTENSION not in request.extensions
    assert request.url.path == "/router/rest"
    assert request.url.params["method"] == "taobao.itemcats.get"
    assert dict(httpx.QueryParams(request.content.decode())) == {"fields": "cid", "parent_cid": "0"}


def test_stamping_again_replaces_the_system_parameters() -> None:
    times = iter([FIXED_EPOCH, FIXED_EPOCH + 60])
    auth = TopWireAuth(
        app_key=APP_KEY, app_secret=SECRET, session=None, sign_method="md5", clock=TopClock(now=lambda: next(times))
    )
    form = WireForm("taobao.time.get", {}, None)
    request = httpx.Request("POST", GATEWAY)
    first = auth.stamp(request, form).url.params
    second = auth.stamp(request, form).url.params
    assert len(second.multi_items()) == len(first.multi_items())
    assert first["timestamp"] != second["timestamp"]
    assert first["sign"] != second["sign"]


def test_wire_form_repr_hides_the_session() -> None:
    assert "secret-session" not in repr(WireForm("taobao.time.get", {}, "secret-session"))
