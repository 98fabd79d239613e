"""The decisions of a TOP call, written once as flows and driven by both clients.

attempt:  send (`tbapi._engine.calls.send`: the generated operation, or any method through the same httpx client,
          auth flow and transport; an `error_response` was raised there, by `_errors.check_answer`)
          → the success envelope's inner object
clock:    code 31 → take the offset from the gateway's `Date` header, send again once
retry:    the one engine of `tbapi._engine.retry` (isp.*, 1/10, bans, connection failures), each attempt re-signed
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import httpx

from tbapi._generated import taobao_top_client

from .._engine.calls import send
from .._engine.flow import Endpoint, Flow, T
from .._engine.retry import RetryPolicy, retrying
from .._exceptions import InvalidRequestError, ResponseError
from .._http.transport import json_of
from ._errors import TIMESTAMP_INVALID
from ._wire import SESSION_EXTENSION, TopClock

_READ_VERBS = frozenset({"get", "search", "query", "list", "count"})


@attrs.frozen
class Core:
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


def top_retrying(attempt: Callable[[], Flow[T]], core: Core, *, what: str, idempotent: bool) -> Flow[T]:
    """`attempt` under the retry policy, correcting the clock once on code 31."""
    corrected = False

    def with_clock() -> Flow[T]:
        nonlocal corrected
        try:
            return (yield from attempt())
        except InvalidRequestError as error:
            # The gateway refused the request before dispatching it: sending again is always safe.
            if error.code != TIMESTAMP_INVALID or corrected or not core.clock.correct_from(error.headers):
                raise
            corrected = True
        return (yield from attempt())

    return (yield from retrying(with_clock, core.policy, idempotent=idempotent, what=what))


def operation_flow(core: Core, operation: Operation, body: Any) -> Flow[Any]:
    """Send a generated operation; return the inner object of its success envelope (a generated model)."""

    def attempt() -> Flow[Any]:
        response = yield from send(core.generated, operation.endpoint, {"body": body}, operation.method)
        return success_of(response, operation)

    return (yield from top_retrying(attempt, core, what=operation.method, idempotent=True))


def success_of(response: Any, operation: Operation) -> Any:
    """The inner object of the success envelope (an `error_response` was raised by the transport)."""
    parsed = response.parsed
    if isinstance(parsed, operation.envelope):
        return getattr(parsed, operation.response_key)
    raise ResponseError(
        f"{operation.method}: unexpected answer (HTTP {int(response.status_code)})",
        raw_body=response.content.decode("utf-8", errors="replace"),
        http_status=int(response.status_code),
    )


class AnyMethod:
    """An `Endpoint` for any TOP method: `POST {gateway}/{method}` with the parameters as a form body.

    It goes through the same httpx client as the generated operations, so it is built as the wire request,
    stamped and signed the same way, and `CheckedTransport` checks the answer.
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


def any_method_flow(core: Core, method: str, params: dict[str, str], session: str | None) -> Flow[dict[str, Any]]:
    """Send any TOP method; return its `…_response` object as a dict."""

    def attempt() -> Flow[dict[str, Any]]:
        arguments = {"method": method, "params": params, "session": session}
        response = yield from send(core.generated, ANY_METHOD, arguments, method)
        return response_object(method, response)

    return (yield from top_retrying(attempt, core, what=method, idempotent=is_read_method(method)))


def response_object(method: str, response: httpx.Response) -> dict[str, Any]:
    """The `…_response` object of an answer to `method` (an `error_response` was raised by the transport)."""
    body = json_of(response)
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
