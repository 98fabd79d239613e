"""TOP gateway front: checks real TOP wire requests at `/router/rest`, then forwards them to Prism.

Prism cannot route on the `method` parameter, so this front stands where `https://eco.taobao.com/router/rest`
stands. It checks each request as the real gateway does (required system parameters, timestamp, version,
format, signature), answering HTTP 200 with an `error_response` when a check fails, and otherwise forwards the
business parameters to Prism as `POST {upstream}/{method}` (a UTF-8 form body). Any correct TOP client can
be pointed at it.

    python mock/top_gateway.py --host 127.0.0.1 --port 4012 --upstream http://127.0.0.1:4011

Environment: TOP_GATEWAY_APP_KEY (default 12345678), TOP_GATEWAY_APP_SECRET (default helloworld),
TOP_GATEWAY_CLOCK_SKEW_SECONDS (default 0; the gateway's clock is real time plus this), TOP_GATEWAY_UPSTREAM
(Prism's base URL, when --upstream is not given), TOP_GATEWAY_CALLS_PER_SECOND (default unset: no cap; else the
calls per second each app key may make before a ban, answered as the real gateway does: code 7,
`accesscontrol.limited-by-api-access-count`, `This ban will last for N more seconds`) and
TOP_GATEWAY_BAN_SECONDS (default 1, how long such a ban lasts).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import email.utils
import hmac
import json
import math
import os
import re
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

try:  # imported from the `mock` package (the tests, `mock.limit_front`)
    from mock.top_signature import top_signature
except ModuleNotFoundError:  # run as a script (`python mock/top_gateway.py`): its own folder is on the path
    from top_signature import top_signature  # type: ignore[import-not-found, no-redef]

TOP_SPEC = Path(__file__).resolve().parent.parent / "openapi" / "top.yaml"
FALLBACK_METHODS = frozenset(
    {"taobao.products.search", "taobao.itemcats.get", "taobao.itemprops.get", "taobao.itempropvalues.get"}
)
SYSTEM_PARAMS = frozenset(
    {
        "method",
        "app_key",
        "timestamp",
        "v",
        "format",
        "sign_method",
        "sign",
        "session",
        "partner_id",
        "simplify",
        "target_app_key",
    }
)
SIGN_METHODS = frozenset({"md5", "hmac", "hmac-sha256"})
GMT8 = timezone(timedelta(hours=8))  # Asia/Shanghai has had no daylight saving time since 1991
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
EPOCH_MILLIS = re.compile(r"[0-9]{1,16}")
MAX_CLOCK_SKEW_S = 10 * 60
VALIDATION_HEADER = "X-Tbapi-Mock-Validation"

Params = dict[str, str]
Clock = Callable[[], float]  # epoch seconds of the gateway's clock


class TopError(Exception):
    """A failed gateway check, answered as an `error_response` with HTTP 200 (as the real gateway does)."""

    def __init__(self, code: int, msg: str, sub_msg: str | None = None, sub_code: str | None = None) -> None:
        super().__init__(f"{code} {msg}")
        self.code, self.msg, self.sub_code, self.sub_msg = code, msg, sub_code, sub_msg

    def response(self) -> JSONResponse:
        body: dict[str, object] = {"code": self.code, "msg": self.msg}
        if self.sub_code is not None:
            body["sub_code"] = self.sub_code
        if self.sub_msg is not None:
            body["sub_msg"] = self.sub_msg
        body["request_id"] = secrets.token_hex(6)
        return JSONResponse({"error_response": body})


# --- the checks, in the gateway's order ---------------------------------------------------------------


@dataclass(frozen=True)
class GatewayConfig:
    app_key: str
    app_secret: str
    methods: frozenset[str]
    clock: Clock


def parse_timestamp(value: str) -> float:
    """Epoch seconds of a TOP timestamp: epoch milliseconds, or `yyyy-MM-dd HH:mm:ss` in GMT+8."""
    if EPOCH_MILLIS.fullmatch(value):
        return int(value) / 1000
    return datetime.strptime(value, TIMESTAMP_FORMAT).replace(tzinfo=GMT8).timestamp()


def check_method(params: Params, config: GatewayConfig) -> None:
    if not params.get("method"):
        raise TopError(21, "Missing Method")
    if params["method"] not in config.methods:
        raise TopError(22, "Invalid Method", f"this mock serves only {', '.join(sorted(config.methods))}")


def check_app_key(params: Params, config: GatewayConfig) -> None:
    if not params.get("app_key"):
        raise TopError(28, "Missing App Key")
    if params["app_key"] != config.app_key:
        raise TopError(29, "Invalid App Key")


def check_timestamp(params: Params, config: GatewayConfig) -> None:
    if not params.get("timestamp"):
        raise TopError(30, "Missing timestamp")
    try:
        sent_at = parse_timestamp(params["timestamp"])
    except ValueError:
        raise TopError(31, "Invalid timestamp", "expected yyyy-MM-dd HH:mm:ss (GMT+8) or epoch ms") from None
    skew = sent_at - config.clock()
    if abs(skew) > MAX_CLOCK_SKEW_S:
        raise TopError(31, "Invalid timestamp", f"{skew:+.0f}s from the gateway's clock (allowed ±10 min)")


def check_version(params: Params, config: GatewayConfig) -> None:
    if not params.get("v"):
        raise TopError(32, "Missing version")
    if params["v"] != "2.0":
        raise TopError(33, "Invalid version")


def check_format(params: Params, config: GatewayConfig) -> None:
    # The real gateway defaults to xml; this mock speaks json only, so a client that forgets
    # `format=json` fails here instead of passing a test it would fail in production.
    if params.get("format") != "json":
        raise TopError(23, "Invalid format", "this mock gateway answers format=json only")


def check_signature(params: Params, config: GatewayConfig) -> None:
    sign_method = params.get("sign_method", "md5")  # md5 when absent, as the real gateway
    if sign_method not in SIGN_METHODS:
        raise TopError(25, "Invalid signature", f"unsupported sign_method {sign_method!r}")
    if not params.get("sign"):
        raise TopError(24, "Missing signature")
    expected = top_signature(params, config.app_secret, sign_method)
    if not hmac.compare_digest(expected.encode(), params["sign"].upper().encode()):
        raise TopError(25, "Invalid signature")


CHECKS = (check_method, check_app_key, check_timestamp, check_version, check_format, check_signature)


def check_request(params: Params, config: GatewayConfig) -> None:
    for check in CHECKS:
        check(params, config)


# --- reading and forwarding -----------------------------------------------------------------------------


async def read_params(request: Request) -> Params:
    """Query parameters merged with the form body's (the body wins); multipart file parts are left out."""
    params = dict(request.query_params)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        # Parsed here rather than by Starlette, which would read raw (unescaped) bytes as latin-1.
        body = (await request.body()).decode("utf-8")
        params.update(parse_qsl(body, keep_blank_values=True, encoding="utf-8", errors="strict"))
    elif content_type.startswith("multipart/form-data"):
        async with request.form() as form:
            params.update((name, value) for name, value in form.multi_items() if isinstance(value, str))
    return params


def business_params(params: Params) -> Params:
    return {name: value for name, value in params.items() if name not in SYSTEM_PARAMS}


def validation_failure(problem_body: bytes) -> Response:
    """Prism's 422 as the gateway's code 41, flagged by a header so tests can fail on it."""
    messages = _problem_messages(problem_body)
    response = TopError(41, "Invalid Arguments", "; ".join(messages), "isv.invalid-parameter").response()
    response.headers[VALIDATION_HEADER] = "failed"
    return response


def _problem_messages(problem_body: bytes) -> list[str]:
    try:
        problem: Any = json.loads(problem_body)
    except ValueError:
        return [problem_body.decode(errors="replace")]
    if not isinstance(problem, dict):
        return [str(problem)]
    details = [
        f"{'.'.join(map(str, item.get('location', [])))}: {item.get('message', '')}"
        for item in problem.get("validation", [])
        if isinstance(item, dict)
    ]
    return details or [str(problem.get("detail", "request validation failed"))]


async def forward(upstream: httpx.AsyncClient, request: Request, params: Params) -> Response:
    headers = {"Prefer": request.headers["prefer"]} if "prefer" in request.headers else {}
    answer = await upstream.post(f"/{params['method']}", data=business_params(params), headers=headers)
    if answer.status_code == 422:
        return validation_failure(answer.content)
    return Response(answer.content, answer.status_code, media_type=answer.headers.get("content-type"))


# --- the app ------------------------------------------------------------------------------------------


def served_methods(spec: Path = TOP_SPEC) -> frozenset[str]:
    """The spec's `x-top-method` values; a regex keeps the mock free of a YAML dependency."""
    if not spec.exists():
        return FALLBACK_METHODS
    return frozenset(re.findall(r"^\s*x-top-method:\s*['\"]?([\w.]+)", spec.read_text("utf-8"), re.MULTILINE))


# --- the call limit (the bench server uses it too) --------------------------------------------------------

TOP_BAN_CODE = 7
TOP_BAN_MSG = "App Call Limited"
TOP_BAN_SUB_CODE = "accesscontrol.limited-by-api-access-count"


def ban_sub_msg(seconds: int) -> str:
    return f"This ban will last for {seconds} more seconds"


class CallLimit:
    """A calls-per-second cap per key (app key or token), played the way the TOP gateway plays it.

    Calls are counted over a sliding window of one second per key; the call that would exceed the cap starts
    a ban of `ban_seconds` on that key, and every call during the ban is refused with the seconds left
    (`This ban will last for N more seconds`, N rounded up). Refused calls do not count.
    """

    def __init__(self, per_second: int, ban_seconds: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        if per_second < 1 or ban_seconds <= 0:
            raise ValueError("a call limit needs per_second ≥ 1 and ban_seconds > 0")
        self.per_second, self.ban_seconds, self._clock = per_second, ban_seconds, clock
        self._calls: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self._banned_until: dict[str, float] = {}

    def refused_for(self, key: str) -> int | None:
        """None when the call may pass (it is counted), else the whole seconds the ban has left."""
        now = self._clock()
        banned_until = self._banned_until.get(key, 0.0)
        if now < banned_until:
            return math.ceil(banned_until - now)
        calls = self._calls[key]
        while calls and calls[0] <= now - 1.0:
            calls.popleft()
        if len(calls) >= self.per_second:
            self._banned_until[key] = now + self.ban_seconds
            calls.clear()
            return math.ceil(self.ban_seconds)
        calls.append(now)
        return None


class DateHeader:
    """Stamps every response with the gateway's (skewed) clock: clients correct their offset from it."""

    def __init__(self, app: ASGIApp, clock: Clock) -> None:
        self.app, self.clock = app, clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_date(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Date"] = email.utils.formatdate(self.clock(), usegmt=True)
            await send(message)

        await self.app(scope, receive, send_with_date if scope["type"] == "http" else send)


class Gateway:
    def __init__(
        self,
        config: GatewayConfig,
        upstream: str,
        transport: httpx.AsyncBaseTransport | None,
        call_limit: CallLimit | None = None,
    ) -> None:
        self.config, self.upstream_url, self.transport = config, upstream.rstrip("/"), transport
        self.call_limit = call_limit
        self._upstream: httpx.AsyncClient | None = None

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        # trust_env=False: a proxy from the environment must not intercept the loopback Prism.
        client = httpx.AsyncClient(base_url=self.upstream_url, transport=self.transport, timeout=30, trust_env=False)
        async with client:
            self._upstream = client
            yield
        self._upstream = None

    async def router_rest(self, request: Request) -> Response:
        if self._upstream is None:
            raise RuntimeError("the upstream client lives in the app's lifespan: start the app first")
        try:
            params = await read_params(request)
        except UnicodeDecodeError:
            return TopError(47, "Invalid encoding", "the request body must be UTF-8").response()
        try:
            check_request(params, self.config)
            self.check_call_limit(params)
        except TopError as error:
            return error.response()
        return await forward(self._upstream, request, params)

    def check_call_limit(self, params: Params) -> None:
        """The per-app-key cap, checked after the request passed every other check (refused calls are not sent on)."""
        if self.call_limit is not None and (left := self.call_limit.refused_for(params["app_key"])) is not None:
            raise TopError(TOP_BAN_CODE, TOP_BAN_MSG, ban_sub_msg(left), TOP_BAN_SUB_CODE)


def create_app(
    *,
    app_key: str,
    app_secret: str,
    upstream: str,
    clock_skew_seconds: float = 0,
    transport: httpx.AsyncBaseTransport | None = None,
    call_limit: CallLimit | None = None,
) -> ASGIApp:
    """The gateway as an ASGI app; `transport` replaces the network to the upstream (e.g. in tests);
    `call_limit` caps the calls per second of each app key."""

    def clock() -> float:
        return time.time() + clock_skew_seconds

    config = GatewayConfig(app_key=app_key, app_secret=app_secret, methods=served_methods(), clock=clock)
    gateway = Gateway(config, upstream, transport, call_limit)
    routes = [Route("/router/rest", gateway.router_rest, methods=["GET", "POST"])]
    return DateHeader(Starlette(routes=routes, lifespan=gateway.lifespan), clock)


def call_limit_from_env(prefix: str) -> CallLimit | None:
    """`<prefix>_CALLS_PER_SECOND` (unset or 0: no cap) and `<prefix>_BAN_SECONDS` (default 1)."""
    per_second = int(os.environ.get(f"{prefix}_CALLS_PER_SECOND") or 0)
    if per_second <= 0:
        return None
    return CallLimit(per_second, float(os.environ.get(f"{prefix}_BAN_SECONDS") or 1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4012)
    parser.add_argument("--upstream", default=os.environ.get("TOP_GATEWAY_UPSTREAM"), help="Prism's base URL")
    args = parser.parse_args(argv)
    if not args.upstream:
        parser.error("--upstream (or TOP_GATEWAY_UPSTREAM) is required")
    app = create_app(
        app_key=os.environ.get("TOP_GATEWAY_APP_KEY", "12345678"),
        app_secret=os.environ.get("TOP_GATEWAY_APP_SECRET", "helloworld"),
        upstream=args.upstream,
        clock_skew_seconds=float(os.environ.get("TOP_GATEWAY_CLOCK_SKEW_SECONDS", "0")),
        call_limit=call_limit_from_env("TOP_GATEWAY"),
    )
    # date_header=False: uvicorn would add a second, unskewed Date header.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False, date_header=False)


if __name__ == "__main__":
    main()
