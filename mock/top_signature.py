"""An independent TOP signature (not tbapi's): what the gateway front checks, and the tests' oracle.

Standard library only, so that unit tests can use it without the mock's server dependencies (starlette) or
Prism (Node).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping


def signed_text(params: Mapping[str, str]) -> str:
    """`name + value` of every parameter except `sign`, sorted by name.

    Sorting str by code point equals sorting its UTF-8 bytes, which is the order the gateway uses.
    """
    return "".join(name + params[name] for name in sorted(params) if name != "sign")


def top_signature(params: Mapping[str, str], secret: str, sign_method: str) -> str:
    text, key = signed_text(params).encode(), secret.encode()
    if sign_method == "md5":
        digest = hashlib.md5(key + text + key).hexdigest()
    elif sign_method == "hmac":
        digest = hmac.new(key, text, hashlib.md5).hexdigest()
    elif sign_method == "hmac-sha256":
        digest = hmac.new(key, text, hashlib.sha256).hexdigest()
    else:
        raise ValueError(f"unsupported sign_method {sign_method!r}")
    return digest.upper()
