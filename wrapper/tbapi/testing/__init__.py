"""Offline helpers for testing code that uses tbapi.

    import httpx, tbapi
    from tbapi.testing import ExampleTransport

    def test_my_image_search() -> None:
        transport = ExampleTransport()                       # answers from openapi/*.yaml examples
        with tbapi.ShanjingClient(access_token="t", http_client=httpx.Client(transport=transport)) as client:
            assert len(client.items.image_search(pic_url="https://img.alicdn.com/x.jpg")) == 2

    def test_my_error_handling() -> None:
        transport = ExampleTransport(examples={"taobao.products.search": "invalid_signature"})
        with tbapi.TopClient(app_key="k", app_secret="s", http_client=httpx.Client(transport=transport)) as top:
            with pytest.raises(tbapi.AuthenticationError):
                top.products.search(fields="product_id", q="x")

`ExampleTransport` needs PyYAML (`pip install 'tbapi-sdk[testing]'`). The pytest fixtures `tbapi_mock` (the
real Prism mock, from a source checkout with Node) and `example_transport` are in
`tbapi.testing.pytest_plugin`: add `pytest_plugins = ["tbapi.testing.pytest_plugin"]` to your conftest.
"""

from __future__ import annotations

from tbapi import _publish

from ._mock import (
    MOCK_ACCESS_TOKEN,
    MOCK_APP_KEY,
    MOCK_APP_SECRET,
    MockServers,
    MockUnavailable,
    exported_mock,
    find_mock_dir,
    local_mock,
    running_make_mock,
    started_mock_servers,
)
from ._specs import example_names
from ._transport import ExampleTransport

__all__ = [
    "MOCK_ACCESS_TOKEN",
    "MOCK_APP_KEY",
    "MOCK_APP_SECRET",
    "ExampleTransport",
    "MockServers",
    "MockUnavailable",
    "example_names",
    "exported_mock",
    "find_mock_dir",
    "local_mock",
    "running_make_mock",
    "started_mock_servers",
]

_publish()  # these names show as `tbapi.testing.X`
