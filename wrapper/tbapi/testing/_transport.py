"""`ExampleTransport`: an httpx transport that answers every call of both APIs from the specs' named examples."""

from __future__ import annotations

import email.utils
import json
import threading
from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl

import httpx

from ._specs import Example, Operation, operations

ExampleChoice = str | Sequence[str]
PREFER_EXAMPLE = "example="
TOP_INVALID_METHOD = 22  # what the real gateway answers for an unknown `method`


def _names(choice: ExampleChoice) -> list[str]:
    names = [choice] if isinstance(choice, str) else list(choice)
    if not names or not all(isinstance(n, str) and n for n in names):
        raise ValueError(f"an example choice is a name or a non-empty list of names, got {choice!r}")
    return names


def _operation_keys(op: Operation) -> tuple[str, ...]:
    return (op.operation_id,) if op.top_method is None else (op.operation_id, op.top_method)


def _checked_choices(examples: Mapping[str, ExampleChoice]) -> dict[str, list[str]]:
    """The choices by operation id; unknown operations or example names raise `ValueError` at once."""
    by_key = {key: op for op in operations() for key in _operation_keys(op)}
    chosen: dict[str, list[str]] = {}
    for key, choice in examples.items():
        op = by_key.get(key)
        if op is None:
            raise ValueError(f"no operation {key!r}; known: {', '.join(sorted(by_key))}")
        names = _names(choice)
        unknown = [n for n in names if n not in op.examples]
        if unknown:
            raise ValueError(f"{key} has no example {unknown[0]!r}; it has: {', '.join(op.examples)}")
        chosen[op.operation_id] = names
    return chosen


def _top_method(request: httpx.Request) -> str | None:
    """The TOP method of a request: the wire's `?method=`, or a `/taobao.x.y` path (the spec's own shape)."""
    method: str | None = request.url.params.get("method")
    if method:
        return method
    last = request.url.path.rsplit("/", 1)[-1]
    return last if last.startswith("taobao.") else None


def _find_operation(request: httpx.Request) -> Operation | None:
    top_method = _top_method(request)
    for op in operations():
        if top_method is not None:
            if op.top_method == top_method:
                return op
        elif op.top_method is None and op.http_method == request.method and request.url.path.endswith(op.path):
            return op
    return None


def _preferred(request: httpx.Request) -> str | None:
    """The example asked for with `Prefer: example=<name>` (as Prism reads it)."""
    prefer: str = request.headers.get("prefer", "")
    for part in prefer.split(","):
        part = part.strip()
        if part.startswith(PREFER_EXAMPLE):
            return part.removeprefix(PREFER_EXAMPLE)
    return None


def _json_response(status: int, body: object, media_type: str = "application/json") -> httpx.Response:
    headers = {"Content-Type": media_type, "Date": email.utils.formatdate(usegmt=True)}
    return httpx.Response(status, headers=headers, content=json.dumps(body, ensure_ascii=False).encode("utf-8"))


def _not_routed(request: httpx.Request, top_method: str | None) -> httpx.Response:
    if top_method is not None:
        error = {"code": TOP_INVALID_METHOD, "msg": "Invalid method", "sub_msg": f"{top_method} is not in top.yaml"}
        return _json_response(200, {"error_response": error})
    problem = {"title": "Not Found", "status": 404, "detail": f"no operation for {request.method} {request.url.path}"}
    return _json_response(404, problem, "application/problem+json")


def _missing_example(op: Operation, name: str) -> Example:
    detail = f"{op.operation_id} has no example {name!r}; it has: {', '.join(op.examples)}"
    problem = {"title": "Unknown example", "status": 422, "detail": detail}
    return Example(name, 422, "application/problem+json", problem)


class ExampleTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers every Shanjing and TOP call from the named examples of `openapi/*.yaml`: no network, no Node.

        transport = ExampleTransport(examples={"imageSearch": "expiredToken"})
        client = tbapi.ShanjingClient(access_token="t", http_client=httpx.Client(transport=transport))

    One class serves `httpx.Client` and `httpx.AsyncClient`. Requests are routed by path (Shanjing) or by
    the TOP `method` (wire requests to `/router/rest?method=…`, as `TopClient` sends them). Each operation
    answers its `success` example unless `examples` maps its operation id (`imageSearch`,
    `productsSearch`) or TOP method name (`taobao.products.search`) to another example name — or to a list
    of names, answered in turn, the last one repeating (`["expiredToken", "success"]`). A request header
    `Prefer: example=<name>` (Prism's convention) wins over both. An unknown TOP method answers TOP error 22,
    an unknown path HTTP 404. Nothing is validated: run the mock (`make mock`) for that.

    `requests` records every request received, in order, with its body read.

    Args:
        examples: Operation id or TOP method name → the example name (or the list of names, answered in turn)
            to answer it with; every other operation answers `success`.

    Raises:
        ValueError: at construction, for an unknown operation or example name.
    """

    def __init__(self, examples: Mapping[str, ExampleChoice] | None = None) -> None:
        self._choices = _checked_choices(examples or {})
        self._answered: dict[str, int] = {}
        self._lock = threading.Lock()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (sync)."""
        request.read()
        return self._answer(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (async)."""
        await request.aread()
        return self._answer(request)

    def example_for(self, operation_id: str) -> str:
        """The name of the example the next call of `operation_id` will be answered with."""
        names = self._choices.get(operation_id)
        if names is None:
            op = next(o for o in operations() if o.operation_id == operation_id)
            return op.default_example
        return names[min(self._answered.get(operation_id, 0), len(names) - 1)]

    def _answer(self, request: httpx.Request) -> httpx.Response:
        op = _find_operation(request)
        with self._lock:
            self.requests.append(request)
            if op is None:
                return _not_routed(request, _top_method(request))
            example = self._pick(op, _preferred(request))
        return _json_response(example.status, example.body(), example.media_type)

    def _pick(self, op: Operation, preferred: str | None) -> Example:
        if preferred is not None:
            return op.examples.get(preferred) or _missing_example(op, preferred)
        name = self.example_for(op.operation_id)
        self._answered[op.operation_id] = self._answered.get(op.operation_id, 0) + 1
        return op.examples[name]

    def form(self, index: int = -1) -> dict[str, str]:
        """The form body of a recorded request (the TOP business parameters), by position (default: the last)."""
        return dict(parse_qsl(self.requests[index].content.decode("utf-8"), keep_blank_values=True))

    def __repr__(self) -> str:
        return f"ExampleTransport(examples={self._choices!r}, requests={len(self.requests)})"
