"""Per-call options, as openai-python has them: `extra_headers`, `extra_query`, `extra_body` and `timeout` on
every public call.

The twins (`twins.py`) take them off a call's keyword arguments, checked before anything is sent, and make
them current while the call's effects run (for an iterator, while each of its steps runs). The httpx clients
of both APIs add the current ones to every request they build meanwhile (`CallOptions.onto`; TOP's own in
`top/_wire.py`, where extra parameters are signed): the call's retries and the look-up that settles an
order's unknown outcome included. A token refresh runs without them (`outside`): it serves every call that
waits for it. A fan-out's jobs inherit them (`contextvars`: tasks copy them, `fanout.py` hands them to its
threads).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import json
from collections.abc import AsyncGenerator, Generator, Mapping
from typing import Any, TypedDict, TypeVar

import attrs
import httpx

from .._exceptions import ValidationError
from .._support.config import Timeout, checked_timeout
from .._support.context import holding
from .._support.validation import headers_option

T = TypeVar("T")


class PerCall(TypedDict, total=False):
    """The per-call options as a flow declares them (`**per_call: Unpack[PerCall]`), so that a type checker sees
    them on every public call (a `ParamSpec` cannot add keyword arguments to a flow's own). The twin takes them
    off before the flow runs: a flow never reads `per_call`."""

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, str | int | float | bool] | None
    extra_body: Mapping[str, object] | None
    timeout: float | httpx.Timeout | None


# The keyword arguments every public call takes besides its own.
NAMES = frozenset(PerCall.__annotations__)


@dataclasses.dataclass(frozen=True, kw_only=True)
class PerCallFields:
    """The per-call options as fields of the dataclass of a method's parameters (`shanjing/_bulk.py`, `many`):
    there a type checker reads the method's keywords from the fields. The same names and types as `PerCall`
    (a test keeps them equal)."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, str | int | float | bool] | None = None
    extra_body: Mapping[str, object] | None = None
    timeout: float | httpx.Timeout | None = None


def _query(query: object) -> dict[str, str]:
    """Query parameters as sent: names and values strings (booleans JSON-style, as the generated code writes them)."""
    if not isinstance(query, Mapping):
        raise ValidationError(
            "extra_query", f"must be a mapping of parameter names to values, got {type(query).__name__}"
        )
    checked: dict[str, str] = {}
    for name, value in query.items():
        if not isinstance(name, str) or not name:
            raise ValidationError("extra_query", f"parameter names must be non-empty strings, got {name!r}")
        if isinstance(value, bool):
            checked[name] = "true" if value else "false"
        elif isinstance(value, str | int | float):
            checked[name] = str(value)
        else:
            raise ValidationError(f"extra_query[{name!r}]", f"must be a string or a number, got {type(value).__name__}")
    return checked


def _body(body: object) -> dict[str, Any]:
    if not isinstance(body, Mapping) or not all(isinstance(name, str) and name for name in body):
        raise ValidationError("extra_body", "must be a mapping of non-empty parameter names to values")
    return dict(body)


@attrs.frozen
class CallOptions:
    """The per-call options of one call, checked."""

    headers: dict[str, str] = attrs.field(factory=dict)
    query: dict[str, str] = attrs.field(factory=dict)
    body: dict[str, Any] = attrs.field(factory=dict)
    timeout: Timeout | None = None

    @classmethod
    def taken(cls, kwargs: dict[str, Any]) -> CallOptions | None:
        """The per-call options among a call's keyword arguments, removed from them; None if none is given."""
        if not kwargs or NAMES.isdisjoint(kwargs):
            return None
        headers, query = kwargs.pop("extra_headers", None), kwargs.pop("extra_query", None)
        body, timeout = kwargs.pop("extra_body", None), kwargs.pop("timeout", None)
        if headers is None and query is None and body is None and timeout is None:
            return None
        return cls(
            {} if headers is None else headers_option("extra_headers", headers),
            {} if query is None else _query(query),
            {} if body is None else _body(body),
            None if timeout is None else checked_timeout(timeout),
        )

    def onto(self, arguments: dict[str, Any]) -> dict[str, Any]:
        """`httpx.Client.build_request` arguments with these options added: headers and query parameters (over
        the call's own), the body's parameters into a JSON object or form body (a request without one has no
        body to add to), the timeout."""
        arguments = dict(arguments)
        if self.headers:
            arguments["headers"] = {**(arguments.get("headers") or {}), **self.headers}
        if self.query:
            arguments["params"] = {**(arguments.get("params") or {}), **self.query}
        if self.body:
            if isinstance(arguments.get("json"), Mapping):
                arguments["json"] = {**arguments["json"], **self._json_body()}
            elif isinstance(arguments.get("data"), Mapping) or arguments.get("files") is not None:
                arguments["data"] = {**(arguments.get("data") or {}), **self.body}
        if self.timeout is not None:
            arguments["timeout"] = self.timeout
        return arguments

    def _json_body(self) -> dict[str, Any]:
        try:
            json.dumps(self.body)
        except (TypeError, ValueError) as exc:
            raise ValidationError("extra_body", f"must be JSON-serializable ({exc})") from None
        return self.body


current: contextvars.ContextVar[CallOptions | None] = contextvars.ContextVar("tbapi_call_options", default=None)


def applied(options: CallOptions | None) -> contextlib.AbstractContextManager[None]:
    """`options` current (None: none) while the block runs."""
    return holding(current, options)


def outside() -> contextlib.AbstractContextManager[None]:
    """No call's options current while the block runs (a token refresh)."""
    return applied(None)


def stepped_sync(items: Generator[T, None, None], options: CallOptions) -> Generator[T, None, None]:
    """An iterator's items, each step (and its closing) run with `options` current."""
    try:
        while True:
            with applied(options):
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item
    finally:
        with applied(options):
            items.close()


async def stepped_async(items: AsyncGenerator[T, None], options: CallOptions) -> AsyncGenerator[T, None]:
    """The async twin of `stepped_sync`."""
    try:
        while True:
            with applied(options):
                try:
                    item = await anext(items)
                except StopAsyncIteration:
                    return
            yield item
    finally:
        with applied(options):
            await items.aclose()
