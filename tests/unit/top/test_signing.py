"""`tbapi.top.sign`: the official vectors and the properties of the TOP signature."""

from __future__ import annotations

import hashlib
import hmac
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tbapi import ValidationError
from tbapi.top import sign
from tests.top_vectors import OFFICIAL, OFFICIAL_TEXT

names = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=12).filter(
    lambda name: name != "sign"
)
values = st.text(st.characters(codec="utf-8"), max_size=20)
param_maps = st.dictionaries(names, values, max_size=8)
sign_methods = st.sampled_from(["md5", "hmac", "hmac-sha256"])


def test_hmac_of_the_official_parameters_is_hmac_md5_of_the_official_concatenation() -> None:
    params = {**OFFICIAL, "sign_method": "hmac"}
    text = OFFICIAL_TEXT.replace("sign_methodmd5", "sign_methodhmac").encode()
    assert sign(params, "helloworld", "hmac") == hmac.new(b"helloworld", text, hashlib.md5).hexdigest().upper()
    assert sign(params, "helloworld", "hmac") == "D56D7858309C31B6251083A874D48273"


@pytest.mark.parametrize(("method", "length"), [("md5", 32), ("hmac", 32), ("hmac-sha256", 64)])
def test_signature_is_upper_case_hex(method: str, length: int) -> None:
    signature = sign(OFFICIAL, "helloworld", method)
    assert len(signature) == length
    assert signature == signature.upper()
    int(signature, 16)


def test_unknown_sign_method_is_refused() -> None:
    with pytest.raises(ValidationError, match="sign_method"):
        sign(OFFICIAL, "helloworld", "sha1")


def test_a_value_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(ValidationError, match="num_iid"):
        sign({"num_iid": 11223344}, "helloworld", "md5")  # type: ignore[dict-item]


def test_empty_secret_is_refused() -> None:
    with pytest.raises(ValidationError, match="secret"):
        sign(OFFICIAL, "", "md5")


@given(params=param_maps, method=sign_methods, seed=st.randoms())
def test_signature_does_not_depend_on_parameter_order(params: dict[str, str], method: str, seed: random.Random) -> None:
    items = list(params.items())
    seed.shuffle(items)
    assert sign(dict(items), "s3cret", method) == sign(params, "s3cret", method)


@given(params=param_maps, method=sign_methods, forged=values)
def test_sign_parameter_is_never_signed(params: dict[str, str], method: str, forged: str) -> None:
    assert sign({**params, "sign": forged}, "s3cret", method) == sign(params, "s3cret", method)


@given(value=values, secret=st.text(st.characters(codec="utf-8"), min_size=1, max_size=10))
def test_any_unicode_value_is_hashed_as_utf8(value: str, secret: str) -> None:
    text = f"q{value}".encode()
    key = secret.encode()
    assert sign({"q": value}, secret, "md5") == hashlib.md5(key + text + key).hexdigest().upper()
    assert sign({"q": value}, secret, "hmac-sha256") == hmac.new(key, text, hashlib.sha256).hexdigest().upper()


@given(params=param_maps)
def test_parameters_are_sorted_by_name_bytes(params: dict[str, str]) -> None:
    text = "".join(name + params[name] for name in sorted(params, key=lambda n: n.encode())).encode()
    assert sign(params, "k3y!", "hmac") == hmac.new(b"k3y!", text, hashlib.md5).hexdigest().upper()


def test_chinese_value_changes_the_signature_as_utf8_not_latin1() -> None:
    params = {**OFFICIAL, "q": "优衣库"}
    utf8 = OFFICIAL_TEXT.replace("num_iid11223344", "num_iid11223344q优衣库").encode("utf-8")
    assert sign(params, "helloworld", "md5") == hashlib.md5(b"helloworld" + utf8 + b"helloworld").hexdigest().upper()
