"""`TopHttpClient` builds the wire request at once (the one TOP wire path): the form as httpx encodes it."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

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


def httpx_form(data: dict[str, Any]) -> dict[str, str]:
    """What httpx itself would put in a form body for `data=`, without the empty values TOP does not send."""
    content = httpx.Request("POST", GATEWAY, data=data).content.decode("utf-8")
    return {name: value for name, value in parse_qsl(content, keep_blank_values=True) if value != ""}


@pytest.mark.parametrize("data", FORMS)
@pytest.mark.parametrize("session", [None, "user-session"])
def test_wire_request_is_the_gateway_with_the_form_httpx_would_encode(
    data: dict[str, Any], session: str | None
) -> None:
    request = sent(TopHttpClient, "taobao.itemcats.get", data, session)
    assert isinstance(request.extensions.get(WIRE_EXTENSION), WireForm)
    assert (request.method, str(request.url.copy_with(query=None))) == ("POST", GATEWAY)
    assert request.url.params["method"] == "taobao.itemcats.get"
    assert request.url.params.get("session") == session
    assert dict(parse_qsl(request.content.decode("utf-8"))) == httpx_form(data)
    assert request.headers.get("content-type") == (
        "application/x-www-form-urlencoded; charset=utf-8" if httpx_form(data) else None
    )
    assert SESSION_EXTENSION not in request.extensions


def test_data_params_are_what_httpx_would_encode() -> None:
    for data in FORMS:
        assert data_params(data) == httpx_form(data)


@pytest.mark.parametrize(
    ("data", "problem"),
    [({"cids": ["1", "1"]}, "given more than once"), ({"sign": "x"}, "system parameter")],
)
def test_wire_form_is_checked(data: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        sent(TopHttpClient, "taobao.itemcats.get", data, None)


def test_a_request_of_another_shape_is_refused() -> None:
    auth = TopWireAuth(app_key=APP_KEY, app_secret=SECRET, session=None, sign_method="md5", clock=TopClock())
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={}))
    with (
        TopHttpClient(base_url=GATEWAY, auth=auth, transport=transport) as client,
        pytest.raises(ValidationError, match=r"POST /\{method\} with a form"),
    ):
        client.post("/taobao.itemcats.get", data={"parent_cid": "0"}, params={"fields": "cid"})


def test_the_auth_flow_refuses_a_request_the_top_client_did_not_build() -> None:
    auth = TopWireAuth(app_key=APP_KEY, app_secret=SECRET, session=None, sign_method="md5", clock=TopClock())
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with (
        httpx.Client(auth=auth, transport=transport) as client,
        pytest.raises(ValidationError, match="built by the TOP client"),
    ):
        client.post("https://gw.test/router/rest/taobao.itemcats.get", data={"parent_cid": "0"})


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
