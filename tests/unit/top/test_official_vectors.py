"""Both TOP signers against the published vectors: tbapi's, and the independent one that the mock gateway
checks requests with and the tests use as an oracle (`mock/top_signature.py`, standard library only)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from mock.top_signature import signed_text, top_signature
from tbapi.top import sign
from tests.top_vectors import OFFICIAL, OFFICIAL_TEXT, VECTORS

SIGNERS: dict[str, Callable[[Mapping[str, str], str, str], str]] = {"tbapi": sign, "oracle": top_signature}


@pytest.mark.parametrize(("params", "secret", "method", "signature"), VECTORS, ids=lambda v: str(v)[:12])
@pytest.mark.parametrize("signer", SIGNERS)
def test_each_signer_gives_the_published_signature(
    signer: str, params: dict[str, str], secret: str, method: str, signature: str
) -> None:
    assert SIGNERS[signer](params, secret, method) == signature


def test_the_oracle_signs_the_published_text() -> None:
    assert signed_text({**OFFICIAL, "sign": "X"}) == OFFICIAL_TEXT


def test_the_oracle_never_signs_the_sign_parameter() -> None:
    assert top_signature({**OFFICIAL, "sign": "anything"}, "helloworld", "md5") == top_signature(
        OFFICIAL, "helloworld", "md5"
    )


def test_the_oracle_refuses_an_unknown_sign_method() -> None:
    with pytest.raises(ValueError, match="sha1"):
        top_signature(OFFICIAL, "helloworld", "sha1")
