"""Logging under the `tbapi` logger, and the redaction of secrets wherever text is made.

Clients register their secrets (tokens, refresh tokens, app secrets) here when they get them;
`redact` scrubs them from any text, and `RedactingFilter` scrubs every log record of the `tbapi`
logger where it is made, so no caller has to remember to.
"""

from __future__ import annotations

import logging
import os
import re
import threading

logger = logging.getLogger("tbapi")

REDACTED = "[redacted]"
_MIN_SECRET_LENGTH = 4  # shorter values would redact ordinary words
_secrets: set[str] = set()
_lock = threading.Lock()
_pattern: re.Pattern[str] | None = None
# Values that look like credentials in text we never registered (headers, query strings, JSON).
_CREDENTIAL_SHAPES = re.compile(
    r"(?i)(bearer\s+|(?:access_token|refresh_token|app_secret|secret|session|sign)[\"']?\s*[=:]\s*[\"']?)"
    r"([^\s\"'&,;}]+)"
)


def register_secret(value: str | None) -> None:
    """Remember a secret so that it is scrubbed from every message tbapi makes from now on."""
    global _pattern
    if not value or len(value) < _MIN_SECRET_LENGTH or value in _secrets:
        return
    with _lock:
        _secrets.add(value)
        ordered = sorted(_secrets, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str) -> str:
    """`text` with every registered secret and every credential-shaped value replaced."""
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    return _CREDENTIAL_SHAPES.sub(lambda m: m.group(1) + REDACTED, text)


class RedactingFilter(logging.Filter):
    """Formats each record once, redacted, so handlers never see a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


# Loggers of the libraries under tbapi whose lines can carry a secret: httpx logs every request URL at
# INFO, and the TOP `session` and the Shanjing `refresh_token` travel in query strings. A filter on a logger
# sees the records made by that logger, so each is named (httpcore's lines carry no URL or header).
_THIRD_PARTY_LOGGERS = ("httpx",)


def _configure_from_env() -> None:
    logger.addFilter(RedactingFilter())
    for name in _THIRD_PARTY_LOGGERS:
        logging.getLogger(name).addFilter(RedactingFilter())
    level = os.environ.get("TBAPI_LOG", "").lower()
    if level in {"debug", "info"}:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler.addFilter(RedactingFilter())
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


_configure_from_env()
