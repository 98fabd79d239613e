"""Text no request can carry (a lone surrogate has no UTF-8 form) is found wherever it is, and named."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import tbapi
from tbapi._support.validation import check_sendable, credential, longest_text

LONE = "ab\udc80"


@attrs.define
class Model:
    title: str
    tags: list[str]


@pytest.mark.parametrize(
    ("arguments", "param"),
    [
        ({"keyword": LONE}, "keyword"),
        ({"filters": ["ok", LONE]}, "filters[1]"),
        ({"params": {"fields": LONE}}, "params.fields"),
        ({"body": Model(title=LONE, tags=[])}, "title"),  # a generated request body's fields as the caller named them
        ({"body": Model(title="ok", tags=["x", LONE])}, "tags[1]"),
    ],
)
def test_unsendable_text_is_a_validation_error_naming_where_it_is(arguments: dict[str, Any], param: str) -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        check_sendable(arguments)
    assert raised.value.param == param
    assert "at position 2" in raised.value.message


def test_sendable_text_of_any_script_passes() -> None:
    check_sendable({"keyword": "优衣库 男装 😀", "body": Model(title="T恤", tags=["夏季"]), "page": 2})


def test_a_credential_with_a_lone_surrogate_is_refused_without_showing_it() -> None:
    with pytest.raises(tbapi.ValidationError) as raised:
        credential("app_secret", "Zq7xK" + LONE)
    assert raised.value.param == "app_secret"
    assert "surrogate" in raised.value.message
    assert "Zq7xK" not in raised.value.message


def test_the_longest_argument_is_blamed_for_a_url_too_long() -> None:
    assert longest_text({"keyword": "x" * 10, "filters": ["y" * 50], "page": 3}) == ("filters", 50)
