"""Logging under the `tbapi` logger, and the redaction of secrets wherever text is made.

Clients register their secrets (tokens, refresh tokens, app secrets, sessions) here when they get them;
`redact` replaces those values in any text, and `RedactingFilter` redacts every record of the `tbapi`
logger where it is made (and, once a client is made, of the `httpx` logger, which logs each request URL), so
no caller has to remember to. Only secret *values* are replaced, never the words around them:
`access_token: must be a non-empty string` stays readable.

`TBAPI_LOG=debug|info` sets the level of the `tbapi` logger only (other libraries' loggers are the
application's business) and adds a stderr handler that steps aside once the application has configured
handlers of its own (`logging.basicConfig`), so no line is printed twice.
"""

from __future__ import annotations

import contextvars
import logging
import os
import re
import sys
import threading

logger = logging.getLogger("tbapi")

REDACTED = "[redacted]"
_MIN_SECRET_LENGTH = 4  # shorter values would redact ordinary words
_secrets: set[str] = set()
_lock = threading.Lock()
_pattern: re.Pattern[str] | None = None

# Values that look like credentials in text we never registered: `Bearer <value>`, `key=value` (query
# strings, forms), `"key": "value"` (JSON) and `key: value` (headers). A value is a run of token characters
# (RFC 6750); `<token>`, `[redacted]` or a sentence after the key are not values.
CREDENTIAL_KEYS = ("access_token", "refresh_token", "app_secret", "client_secret", "secret", "session", "sign")
_KEYS = "|".join(key.replace("_", "[_-]") for key in CREDENTIAL_KEYS)
_CREDENTIAL_SHAPES = re.compile(
    r"(?i)(?P<lead>\bbearer(?P<bearer_gap>\s+)"
    rf"|(?<![a-z])(?:{_KEYS})[\"']?(?P<gap1>\s*)(?P<sep>[=:])(?P<gap2>\s*)(?P<quote>[\"']?))"
    r"(?P<value>[A-Za-z0-9\-._~+/]+=*)"
)
# The password of a URL's user information (`https://user:password@host`): always a value.
_URL_PASSWORD = re.compile(r"(?i)(?P<lead>\b[a-z][a-z0-9+.-]*://[^\s/?#@:]*:)[^\s/?#@]+(?=@)")
# An unquoted value after `key: ` or `Bearer ` that is one plain word (a message, not a token) is kept.
_WORD = re.compile(r"[A-Za-z]+")
_LONGEST_WORD = 20


def register_secret(value: str | None) -> None:
    """Remember a secret so that it is redacted from every message tbapi makes from now on."""
    global _pattern
    if not value or len(value) < _MIN_SECRET_LENGTH or value in _secrets:
        return
    with _lock:
        _secrets.add(value)
        ordered = sorted(_secrets, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(s) for s in ordered))


def _is_value(match: re.Match[str]) -> bool:
    """Does the match hold a credential value (not a word of a message)?"""
    if match.group("quote") or (match.group("sep") == "=" and not match.group("gap2")):
        return True  # JSON strings and query / form values are data
    core = match.group("value").rstrip(".")
    return not (_WORD.fullmatch(core) and len(core) < _LONGEST_WORD)


def _redact_shape(match: re.Match[str]) -> str:
    return match.group("lead") + REDACTED if _is_value(match) else match.group(0)


def redact(text: str) -> str:
    """`text` with every registered secret, every credential-shaped value and every URL's password replaced
    by `[redacted]`."""
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    if "@" in text:
        text = _URL_PASSWORD.sub(lambda match: match.group("lead") + REDACTED, text)
    return _CREDENTIAL_SHAPES.sub(_redact_shape, text)


def _any_case(key: str) -> str:
    """A pattern of `key` in any case, `_` or `-` between its words; the same names as `name.lower() == key`
    (the Kelvin sign is the one other letter whose lower case is ASCII), without the regex engine's slow
    case-insensitive matching."""
    letters = {"_": "[_-]", "k": "[kK\u212a]"}
    return "".join(letters.get(c, f"[{c}{c.upper()}]") for c in key)


# A credential parameter of a query with a value (`&` put before the query's first one): one scan in C for an `&`
# followed by a credential name, where splitting the query into its parameters cost a URL several times as much.
_QUERY_CREDENTIAL = re.compile(f"(&(?:{'|'.join(_any_case(key) for key in CREDENTIAL_KEYS)})=)[^&]+")


def _redacted_parameter(match: re.Match[str]) -> str:
    return match.group(1) + REDACTED  # a function: a template string would be parsed on every substitution


def redact_url(url: str) -> str:
    """`url` with the value of each credential parameter of its query (`session=`, `sign=` …) and every
    registered secret replaced by `[redacted]`: what `redact` does to a URL, at a fraction of its cost (a
    telemetry attribute is made for every request)."""
    base, question, query = url.partition("?")
    if question:
        marked = "&" + query
        redacted = _QUERY_CREDENTIAL.sub(_redacted_parameter, marked)
        if redacted is not marked:  # (CPython's `sub` hands back the very string when nothing matched)
            url = f"{base}?{redacted[1:]}"
    return redact_secrets(url)


def redact_secrets(text: str) -> str:
    """`text` with every registered secret replaced (not the credential shapes `redact` looks for as well)."""
    pattern = _pattern
    return text if pattern is None else pattern.sub(REDACTED, text)


def contains_secret(text: str) -> bool:
    """Would `redact` change `text`?"""
    return redact(text) != text


class RedactingFilter(logging.Filter):
    """Formats each record once, redacted, so handlers never see a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


# The attempt (1 = the first send) of the call being made in this thread or task, for the request log lines.
current_attempt: contextvars.ContextVar[int] = contextvars.ContextVar("tbapi_attempt", default=1)


class _StderrUnlessConfigured(logging.StreamHandler):  # type: ignore[type-arg]
    """stderr for `TBAPI_LOG`, silent once the application gave the root logger handlers (they get the lines)."""

    def emit(self, record: logging.LogRecord) -> None:
        if not logging.getLogger().handlers:
            super().emit(record)


# Loggers of the libraries under tbapi whose lines can carry a secret: httpx logs every request URL at
# INFO, and the TOP `session` and the Shanjing `refresh_token` travel in query strings. A filter on a logger
# sees the records made by that logger, so each is named (httpcore's lines carry no URL or header).
_THIRD_PARTY_LOGGERS = ("httpx",)


def _redact_logger(name: str) -> None:
    target = logging.getLogger(name)
    if not any(isinstance(f, RedactingFilter) for f in target.filters):
        target.addFilter(RedactingFilter())


def redact_library_loggers() -> None:
    """Redact the records of the libraries tbapi sends through. Called when a client is made (not at import:
    importing tbapi changes no other library's logging); idempotent."""
    for name in _THIRD_PARTY_LOGGERS:
        _redact_logger(name)


def configure_from_env() -> None:
    """Redact the `tbapi` logger's records; with `TBAPI_LOG=debug|info`, set its level and show its lines."""
    _redact_logger("tbapi")
    level = os.environ.get("TBAPI_LOG", "").lower()
    if level not in {"debug", "info"}:
        if level:  # a typo would otherwise leave the user wondering why nothing is logged
            logger.warning("TBAPI_LOG=%r is not a level tbapi knows (debug or info): ignored", level)
        return
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
    if not any(isinstance(h, _StderrUnlessConfigured) for h in logger.handlers):
        handler = _StderrUnlessConfigured(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


configure_from_env()
