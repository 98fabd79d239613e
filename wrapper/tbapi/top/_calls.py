"""The decisions of a TOP call, written once as flows and driven by both clients.

attempt:  send (the generated operation, or any method through the same auth flow and transport)
          → an `error_response` becomes its tbapi error, a success envelope its inner object
clock:    code 31 → take the offset from the gateway's `Date` header, send again once
retry:    the one engine of `tbapi._retry` (isp.*, 1/10, bans, connection failures), each attempt re-signed
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import httpx
import taobao_top_client
from taobao_top_client.models import ErrorResponseEnvelope
from taobao_top_client.types import FieldValueError

from .._exceptions import InvalidRequestError, ResponseError, TbapiError
from .._flow import Call, Endpoint, Flow, T
from .._retry import RetryPolicy, retrying
from ._errors import TIMESTAMP_INVALID, top_error
from ._wire import SESSION_EXTENSION, TopClock

_READ_VERBS = frozenset({"get", "search", "query", "list", "count"})
_PARSE_FAILURES = (KeyError, TypeError, ValueError, AttributeError)


@attrs.frozen
class Context:
    """What a flow needs from its client: the generated client (its httpx client signs), the policy, the clock."""

    generated: taobao_top_client.Client
    policy: RetryPolicy
    clock: TopClock


@attrs.frozen
class Operation:
    """A generated TOP operation: its method name, module, success envelope and the envelope's key."""

    method: str
    endpoint: Endpoint
    envelope: type[Any]

    @property
    def response_key(self) -> str:
        return response_key(self.method)


def response_key(method: str) -> str:
    """`taobao.products.search` → `products_search_response` (other prefixes are kept)."""
    name = method.removeprefix("taobao.")
    return f"{name.replace('.', '_')}_response"


def is_read_method(method: str) -> bool:
    """TOP names reads `….get` / `….search` / …: safe to send again after a server fault."""
    return method.rsplit(".", 1)[-1] in _READ_VERBS


def top_retrying(attempt: Callable[[], Flow[T]], ctx: Context, *, what: str, idempotent: bool) -> Flow[T]:
    """`attempt` under the retry policy, correcting the clock once on code 31."""
    corrected = False

    def with_clock() -> Flow[T]:
        nonlocal corrected
        try:
            return (yield from attempt())
        except InvalidRequestError as error:
            # The gateway refused the request before dispatching it: sending again is always safe.
            if error.code != TIMESTAMP_INVALID or corrected or not ctx.clock.correct_from(error.headers):
                raise
            corrected = True
        return (yield from attempt())

    return (yield from retrying(with_clock, ctx.policy, idempotent=idempotent, what=what))


def operation_flow(ctx: Context, operation: Operation, body: Any) -> Flow[Any]:
    """Send a generated operation; return the inner object of its success envelope (a generated model)."""

    def attempt() -> Flow[Any]:
        try:
            response = yield Call(operation.endpoint, ctx.generated, {"body": body})
        except FieldValueError as exc:  # the success envelope matched, one of its values has the wrong type
            raise ResponseError(f"{operation.method}: {exc}") from exc
        except _PARSE_FAILURES as exc:
            if isinstance(exc, TbapiError):
                raise
            raise ResponseError(
                f"{operation.method}: the answer matches neither envelope of the spec ({exc!r})"
            ) from exc
        return success_of(response, operation)

    return (yield from top_retrying(attempt, ctx, what=operation.method, idempotent=True))


def success_of(response: Any, operation: Operation) -> Any:
    parsed = response.parsed
    if isinstance(parsed, ErrorResponseEnvelope):
        raise top_error(
            parsed.error_response.to_dict(),
            method=operation.method,
            headers=response.headers,
            http_status=int(response.status_code),
            body=parsed.to_dict(),
        )
    if isinstance(parsed, operation.envelope):
        return getattr(parsed, operation.response_key)
    raise ResponseError(
        f"{operation.method}: unexpected answer (HTTP {int(response.status_code)})",
        raw_body=response.content.decode("utf-8", errors="replace"),
        http_status=int(response.status_code),
    )


class AnyMethod:
    """An `Endpoint` for any TOP method: `POST {gateway}/{method}` with the parameters as a form body.

    It goes through the same httpx client as the generated operations, so `TopWireAuth` rewrites and signs
    it and `CheckedTransport` checks and parses the answer.
    """

    @staticmethod
    def _request(
        http: httpx.Client | httpx.AsyncClient, method: str, params: dict[str, str], session: str | None
    ) -> httpx.Request:
        extensions = {SESSION_EXTENSION: session} if session else None
        return http.build_request("POST", f"/{method}", data=params, extensions=extensions)

    def sync_detailed(
        self, *, client: taobao_top_client.Client, method: str, params: dict[str, str], session: str | None
    ) -> httpx.Response:
        http = client.get_httpx_client()
        return http.send(self._request(http, method, params, session))

    async def asyncio_detailed(
        self, *, client: taobao_top_client.Client, method: str, params: dict[str, str], session: str | None
    ) -> httpx.Response:
        http = client.get_async_httpx_client()
        return await http.send(self._request(http, method, params, session))


ANY_METHOD = AnyMethod()


def any_method_flow(ctx: Context, method: str, params: dict[str, str], session: str | None) -> Flow[dict[str, Any]]:
    """Send any TOP method; return its `…_response` object as a dict."""

    def attempt() -> Flow[dict[str, Any]]:
        response = yield Call(ANY_METHOD, ctx.generated, {"method": method, "params": params, "session": session})
        return response_object(method, response)

    return (yield from top_retrying(attempt, ctx, what=method, idempotent=is_read_method(method)))


def response_object(method: str, response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    if isinstance(body, dict) and isinstance(body.get("error_response"), dict):
        raise top_error(
            body["error_response"], method=method, headers=response.headers, http_status=response.status_code, body=body
        )
    if isinstance(body, dict):
        inner = body.get(response_key(method))
        if inner is None:  # a gateway naming the envelope otherwise: accept its single `…_response` key
            candidates = [v for k, v in body.items() if k.endswith("_response")]
            inner = candidates[0] if len(candidates) == 1 else None
        if isinstance(inner, dict):
            return inner
    raise ResponseError(
        f"{method}: expected {{{response_key(method)!r}: {{…}}}} or an error_response",
        raw_body=response.text,
        http_status=response.status_code,
    )
