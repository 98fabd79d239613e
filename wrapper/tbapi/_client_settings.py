"""What users give a client: its settings, each written once for both APIs.

A client's `__init__` takes the fields of its API's settings class (`@takes(ShanjingSettings[H])`): a type
checker sees them as its keyword parameters, `help()` shows them with their defaults, and the `Args:` of its
docstring are its own followed by those of the groups below where it has none. A settings class is made of
these groups and the API's own (dataclasses: type checkers and `inspect` list a dataclass's fields in the same
order, those of its bases last to first).
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import re
import ssl
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, cast, get_origin

import httpx

from ._engine.flow import SleepFunction
from ._ratelimit.limiter import RateLimiter
from ._support.config import DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER, DEFAULT_TIMEOUT
from ._telemetry.records import AttemptHook, CallHook

if TYPE_CHECKING:
    from ._base_client import Shared

H = TypeVar("H", httpx.Client, httpx.AsyncClient)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Endpoint:
    """Where a client sends, and how long and how often it tries.

    Args:
        max_retries: Retries of a failure that is safe to retry, with backoff and jitter (default 2).
    """

    base_url: str | None = None
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_retry_after: float = DEFAULT_MAX_RETRY_AFTER


@dataclasses.dataclass(frozen=True, kw_only=True)
class PoolSettings(Generic[H]):
    """The connection pool a client sends through.

    Args:
        http_client: An httpx client of your own that tbapi sends through and never closes.
        limits: The size of the client's own pool, an `httpx.Limits` (default 100 connections, all kept
            alive 30 s); with your own `http_client`, set them on it instead.
    """

    http_client: H | None = None
    limits: httpx.Limits | None = None
    max_concurrency: int | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Behaviour:
    """How a client waits, connects and reports.

    Args:
        sleep: What waits between retries instead of `time.sleep` / `asyncio.sleep`: a function of the
            seconds (for the async client it may be a coroutine function).
        verify: True (the certifi bundle, or `SSL_CERT_FILE` / `SSL_CERT_DIR`), False, a CA bundle path or an
            `ssl.SSLContext`.
        cert: A client certificate: a file holding certificate and key, or (certificate, key) or
            (certificate, key, password).
        default_headers: Headers sent with every call.
        telemetry: Report through OpenTelemetry when `opentelemetry-api` is installed (default True; README,
            "Observability"): a span per call and per request, and metrics, through the global providers.
        on_attempt: A function handed a `tbapi.AttemptRecord` for each request on the wire.
        on_call: A function handed a `tbapi.CallRecord` for each call (Prometheus, StatsD, logs).
    """

    sleep: SleepFunction | None = None
    rate_limit: float | RateLimiter | None = None
    proxy: str | httpx.URL | httpx.Proxy | None = None
    verify: bool | str | os.PathLike[str] | ssl.SSLContext = True
    cert: str | tuple[str, str] | tuple[str, str, str] | None = None
    default_headers: Mapping[str, str] | None = None
    telemetry: bool = True
    on_attempt: AttemptHook | None = None
    on_call: CallHook | None = None


S = ParamSpec("S")
Given = TypeVar("Given")
ARG = re.compile(r"^ {4}(\w+): ", re.MULTILINE)  # an entry of a cleaned docstring's `Args:` section


def _args(doc: str) -> dict[str, str]:
    """The entries of a docstring's `Args:` section by name, each with its continuation lines (none: {})."""
    parts = inspect.cleandoc(doc).split("\nArgs:\n", 1)
    section = parts[1].split("\n\n", 1)[0] + "\n" if len(parts) == 2 else ""
    starts = [match.start() for match in ARG.finditer(section)]
    ends = [*starts[1:], len(section)] if starts else []
    return {section[a:].split(":", 1)[0].strip(): section[a:b] for a, b in zip(starts, ends, strict=True)}


def _documented(doc: str, settings: type) -> str:
    """`doc` with an `Args:` entry for every field of `settings`, in their order: its own, else the one of the
    group that declares the field (`TypeError` for a field described by neither)."""
    described: dict[str, str] = {}
    for group in reversed(settings.__mro__):
        described.update(_args(group.__doc__ or "") if dataclasses.is_dataclass(group) else {})
    described.update(_args(doc))
    fields = [field.name for field in dataclasses.fields(settings)]
    missing = [name for name in fields if name not in described]
    if missing:
        raise TypeError(f"no description of {missing} in the docstring of {settings.__name__}'s client")
    head, rest = inspect.cleandoc(doc).split("\nArgs:\n", 1)
    tail = rest.split("\n\n", 1)[1] if "\n\n" in rest else ""
    args = "".join(described[name] for name in fields)
    return f"{head}\nArgs:\n{args}\n{tail}".rstrip()


def takes(
    settings: Callable[S, Given],
) -> Callable[[Callable[[Any, Given, Shared | None], None]], Callable[Concatenate[Any, S], None]]:
    """`@takes(ShanjingSettings[H])` on `def __init__(self, given, shared)`: the `__init__` users call takes the
    fields of the settings class as keywords (and `_shared`, which only `with_options` passes) and hands them
    over as one settings object. A wrong keyword is a `TypeError` as Python words it."""
    made: Any = get_origin(settings) or settings
    fields = frozenset(field.name for field in dataclasses.fields(made))

    def taking(init: Callable[[Any, Given, Shared | None], None]) -> Callable[Concatenate[Any, S], None]:
        def __init__(self: Any, /, *, _shared: Shared | None = None, **given: Any) -> None:
            stray = next((name for name in given if name not in fields), None)
            if stray is not None:
                raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument {stray!r}")
            init(self, made(**given), _shared)

        shown = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        __init__.__signature__ = inspect.Signature(  # type: ignore[attr-defined]  # what called_as shows
            [*shown, *inspect.signature(made).parameters.values()]
        )
        __init__.__annotations__ = {
            **{field.name: field.type for field in dataclasses.fields(made)},
            "_shared": "Shared | None",
            "return": "None",
        }
        __init__.__doc__ = _documented(init.__doc__ or "", made)
        __init__.__qualname__ = init.__qualname__
        return cast(Callable[Concatenate[Any, S], None], __init__)  # it takes the fields as keywords

    return taking
