"""The TOP signature (the `sign` system parameter: MD5, HMAC-MD5 or HMAC-SHA256 of the sorted parameters):
one pure function, no I/O, no state."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Literal, get_args

from .._exceptions import ValidationError

SignMethod = Literal["md5", "hmac", "hmac-sha256"]
SIGN_METHODS: frozenset[str] = frozenset(get_args(SignMethod))


def signed_text(params: Mapping[str, str]) -> bytes:
    """`name + value` of every parameter except `sign`, sorted by the UTF-8 bytes of the names, UTF-8 encoded.

    UTF-8 keeps the order of code points, so sorting the names as strings sorts them by their UTF-8 bytes
    (without encoding each name for the sort: a name that cannot be encoded fails at the `encode` below).
    """
    names = sorted(name for name in params if name != "sign")
    return "".join(name + params[name] for name in names).encode("utf-8")


def sign(params: Mapping[str, str], secret: str, sign_method: str) -> str:
    """The TOP signature of `params` (already-serialized string values, exactly as sent), upper-case hex.

    `sign_method` is `md5` (MD5 of secret + text + secret), `hmac` (HMAC-MD5) or `hmac-sha256`.
    The parameter `sign` itself is never signed; every other parameter given is, empty or not, so pass
    exactly the parameters that go on the wire (system and business, without file parameters).

    Raises:
        tbapi.ValidationError: an unknown `sign_method`, an empty secret, or a value that is not a string.
    """
    if sign_method not in SIGN_METHODS:
        raise ValidationError("sign_method", f"must be one of md5, hmac, hmac-sha256, got {sign_method!r}")
    if not isinstance(secret, str) or not secret:
        raise ValidationError("secret", "must be a non-empty string")
    for name, value in params.items():
        if not isinstance(value, str):
            raise ValidationError(name, f"must be serialized to a string before signing, got {type(value).__name__}")
    text, key = signed_text(params), secret.encode("utf-8")
    if sign_method == "md5":
        digest = hashlib.md5(key + text + key).hexdigest()
    elif sign_method == "hmac":
        digest = hmac.new(key, text, hashlib.md5).hexdigest()
    else:
        digest = hmac.new(key, text, hashlib.sha256).hexdigest()
    return digest.upper()
