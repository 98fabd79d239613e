"""Client configuration: explicit arguments first, then `TBAPI_*` environment variables, then defaults."""

from __future__ import annotations

import ipaddress
import os

import httpx

from .._exceptions import ValidationError
from .._logs import register_secret
from .._telemetry.records import AttemptHook, CallHook
from .validation import int_in_range, parsed_http_url

SHANJING_DEFAULT_BASE_URL = "https://ecommerce-api.shanjing-inc.com"
TOP_DEFAULT_BASE_URL = "https://eco.taobao.com/router/rest"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_AFTER = 60.0  # seconds; see ClientOptions.max_retry_after


def from_env(value: str | None, variable: str) -> str | None:
    """`value` if given, else the environment variable (an empty variable counts as unset)."""
    if value is not None:
        return value
    return os.environ.get(variable) or None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_base_url(url: str, param: str = "base_url") -> str:
    """The URL without a trailing slash; plain http is allowed only to this machine (secrets travel).

    A password in it (`https://user:password@host`) is registered as a secret: no repr, error or log shows it."""
    parsed = parsed_http_url(param, url)
    register_secret(parsed.password)
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise ValidationError(
            param, f"plain http is refused for {parsed.host!r}: credentials would travel unencrypted; use https"
        )
    return url.rstrip("/")


Timeout = float | httpx.Timeout
_TIMEOUT_PARTS = ("connect", "read", "write", "pool")


def _positive_seconds(seconds: object) -> bool:
    return not isinstance(seconds, bool) and isinstance(seconds, int | float) and seconds > 0


def checked_timeout(timeout: Timeout, param: str = "timeout") -> Timeout:
    """A number of seconds (for each of connect, read, write and pool), or an `httpx.Timeout` whose four parts are
    all set: a part left None would let a call wait forever."""
    if isinstance(timeout, httpx.Timeout):
        for part in _TIMEOUT_PARTS:
            seconds = getattr(timeout, part)
            if not _positive_seconds(seconds):
                raise ValidationError(param, f"{part} must be a positive number of seconds, got {seconds!r}")
        return timeout
    if not _positive_seconds(timeout):
        raise ValidationError(param, f"must be a positive number of seconds or an httpx.Timeout, got {timeout!r}")
    return float(timeout)


def longest_wait(timeout: Timeout) -> float:
    """The longest single wait a timeout allows, in seconds (what a lock waited on for a call may take)."""
    if isinstance(timeout, httpx.Timeout):
        return max(float(getattr(timeout, part)) for part in _TIMEOUT_PARTS)
    return timeout


def checked_max_retries(max_retries: int, param: str = "max_retries") -> int:
    return int_in_range(param, max_retries, 0, text=False)


def checked_max_retry_after(seconds: float, param: str = "max_retry_after") -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds >= 0:
        raise ValidationError(param, f"must be a number of seconds ≥ 0, got {seconds!r}")
    return float(seconds)


def checked_telemetry(value: bool, param: str = "telemetry") -> bool:
    if not isinstance(value, bool):
        raise ValidationError(param, f"must be True or False, got {value!r}")
    return value


def checked_on_attempt(hook: AttemptHook | None, param: str = "on_attempt") -> AttemptHook | None:
    if hook is not None and not callable(hook):
        raise ValidationError(param, f"must be a function taking one tbapi.AttemptRecord, got {hook!r}")
    return hook


def checked_on_call(hook: CallHook | None, param: str = "on_call") -> CallHook | None:
    if hook is not None and not callable(hook):
        raise ValidationError(param, f"must be a function taking one tbapi.CallRecord, got {hook!r}")
    return hook
