"""The `tbapi_mock` pytest fixture of `tbapi.testing.pytest_plugin` starts the real mock."""

from __future__ import annotations

import pytest

from tbapi.testing import MockServers, pytest_plugin

pytestmark = pytest.mark.mock
tbapi_mock = pytest_plugin.tbapi_mock  # how a user's conftest picks the fixture up


def test_the_fixture_serves_both_apis(tbapi_mock: MockServers) -> None:
    with tbapi_mock.shanjing_client() as shanjing, tbapi_mock.top_client() as top:
        found = shanjing.items.image_search(pic_url="https://img.alicdn.com/x.jpg")
        page = top.products.search(fields="product_id", q="优衣库")
    assert (len(found), page.total_results) == (2, 108)
