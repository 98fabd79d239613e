"""A calls-per-second cap in front of the Shanjing Prism, per access token (`make mock CALLS_PER_SECOND=N`).

    python -m mock.limit_front --port 4010 --upstream http://127.0.0.1:4013 --calls-per-second 40

Every request is forwarded to the upstream as it came (method, path, query, body, the headers Prism
reads) unless the token (the `Authorization` header) is over its cap: then the answer is HTTP 429 with
`Retry-After: N` (the seconds the ban has left) and an error envelope. Shanjing documents no call limit;
the 429 and its `Retry-After` are inferred from common practice (and are what tbapi handles), so that a
fleet can be tried offline. The cap and its bans are the TOP gateway front's (`CallLimit`).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from mock.top_gateway import CallLimit

FORWARDED_HEADERS = ("authorization", "content-type", "prefer", "accept")
LIMITED_CODE = "TooManyRequests"  # inferred: Shanjing documents no code for it


def limited(seconds: int) -> JSONResponse:
    body = {"errorCode": LIMITED_CODE, "errorMsg": f"call limit exceeded; retry in {seconds} s", "data": None}
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(seconds)})


def create_app(*, upstream: str, call_limit: CallLimit, transport: httpx.AsyncBaseTransport | None = None) -> ASGIApp:
    """The front as an ASGI app; `transport` replaces the network to the upstream (e.g. in tests)."""
    clients: list[httpx.AsyncClient] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with httpx.AsyncClient(base_url=upstream, transport=transport, timeout=30, trust_env=False) as client:
            clients.append(client)
            yield

    async def forward(request: Request) -> Response:
        left = call_limit.refused_for(request.headers.get("authorization", ""))
        if left is not None:
            return limited(left)
        headers = {name: request.headers[name] for name in FORWARDED_HEADERS if name in request.headers}
        answer = await clients[0].request(
            request.method, request.url.path, params=request.query_params, content=await request.body(), headers=headers
        )
        return Response(answer.content, answer.status_code, media_type=answer.headers.get("content-type"))

    route = Route("/{path:path}", forward, methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    return Starlette(routes=[route], lifespan=lifespan)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", required=True, help="the Shanjing Prism's base URL")
    parser.add_argument("--calls-per-second", type=int, required=True)
    parser.add_argument("--ban-seconds", type=float, default=1.0)
    args = parser.parse_args(argv)
    app = create_app(upstream=args.upstream, call_limit=CallLimit(args.calls_per_second, args.ban_seconds))
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
