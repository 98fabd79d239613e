"""The flows every Shanjing call is made of: send → (refresh and replay once) → retry → unwrap.

request(core, endpoint, kwargs)          one generated operation, retried by the policy
  └ retrying(attempt)                    the one retry engine (`_engine/retry.py`: backoff, Retry-After, hooks)
      └ authorized(core, send)           refresh ahead of expiry; on a token error refresh once, replay once
          └ send(api, endpoint, kwargs)  `Call` of the generated `*_detailed` (`_engine/calls.py`, shared with TOP)

Error bodies were raised below (`CheckedTransport` with `_envelope.check_response`), so `authorized` and
`retrying` see typed errors.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import httpx

from tbapi._generated.shanjing_client.api.auth import refresh_token as refresh_token_endpoint
from tbapi._generated.shanjing_client.client import Client as GeneratedClient
from tbapi._generated.shanjing_client.models.token_response import TokenResponse

from .._base_client import ClientOptions
from .._engine.calls import send
from .._engine.flow import Endpoint, Flow
from .._engine.retry import retrying
from .._exceptions import AuthenticationError, ResponseError, ValidationError
from .._logs import logger
from ._envelope import is_token_error, parsed_as
from ._tokens import CurrentTokens, Refresh, TokenManager, TokenRecord

T = TypeVar("T")
MISSING_TOKEN = (
    "missing: pass access_token= (or refresh_token=, or a token_store holding a token) or set "
    "TBAPI_SHANJING_ACCESS_TOKEN; auth.create_token(code) gets a first token"
)


@attrs.frozen
class Core:
    """What a resource needs to make calls: the generated client (on our pool), the options, the tokens."""

    api: GeneratedClient
    options: ClientOptions
    tokens: TokenManager
    # A sync client on its own pool: makes, inside an event loop, its async httpx client of a pool of its own
    # (`BaseClient._sibling_http`); `get_many` runs its calls there (`_bulk.py`). None otherwise.
    sibling_http: Callable[[], httpx.AsyncClient] | None = None


def connected(
    api: GeneratedClient,
    options: ClientOptions,
    tokens: TokenManager,
    sibling_http: Callable[[], httpx.AsyncClient] | None = None,
) -> Core:
    """The `Core` of a client; the token manager's refresh goes through it unless it has one already."""
    core = Core(api, options, tokens, sibling_http)
    if tokens.refresher is None:
        tokens.refresher = lambda token: token_call(
            core, refresh_token_endpoint, {"refresh_token": token}, what="auth.refresh_token"
        )
    return core


def sibling_core(core: Core, http: httpx.AsyncClient) -> Core:
    """`core`'s calls through the async `http` (its sibling pool), with the same options and token store.

    Its token manager is the client's sibling (`TokenManager.sibling`: the same store and state, so a token the
    store failed to save is used here too), whose refreshes are async calls through `http`: a refresh stays
    single-flight with the client's other threads through the store's lock, under which each refresh first reads
    the store. The sync client's `sleep=` function blocks: on the loop it waits in a worker thread.
    """
    tokens = core.tokens.sibling()
    api = GeneratedClient(base_url=core.options.base_url).set_async_httpx_client(http)
    options, sleep = core.options, core.options.sleep
    if sleep is not None:
        options = attrs.evolve(options, sleep=lambda seconds: asyncio.to_thread(sleep, seconds))
    return connected(api, options, tokens)


def authorized(core: Core, attempt: Callable[[], Flow[T]]) -> Flow[T]:
    """Run `attempt` with a fresh token; after a token error, refresh once (single-flight) and replay once."""
    tokens = core.tokens
    # A store in memory answers at once, without I/O: read in place, as either driver would run the effect.
    record = (yield CurrentTokens(tokens)) if tokens.blocking else tokens.current()
    if record is None:  # nothing to authenticate with: the service would only answer 401
        raise tokens.vanished() if tokens.held_a_token else ValidationError("access_token", MISSING_TOKEN)
    if tokens.wants_refresh_ahead(record):
        record = yield Refresh(tokens, record.access_token, ahead=True)  # a record, or it raises
    used = record.access_token
    try:
        return (yield from attempt())
    except AuthenticationError as error:
        if not is_token_error(error) or not record.refresh_token:
            raise
        logger.info("the access token was refused (%s); refreshing it and replaying the call once", error.code)
    yield Refresh(tokens, used)
    return (yield from attempt())


def request(core: Core, endpoint: Endpoint, kwargs: dict[str, Any], *, what: str, idempotent: bool = True) -> Flow[Any]:
    """One generated operation with auth, token refresh and retries; the generated `Response`.

    The `retrying` flow itself (which starts nothing until driven), not a flow around it: one generator less for
    every effect of the call to pass through."""

    def attempt() -> Flow[Any]:
        return authorized(core, lambda: send(core.api, endpoint, kwargs, what))

    return retrying(attempt, core.options.retry_policy, idempotent=idempotent, what=what)


def token_call(core: Core, endpoint: Endpoint, kwargs: dict[str, Any], *, what: str) -> Flow[TokenRecord]:
    """createToken / refreshToken: no token refresh around it, and only an unsent request is retried
    (a refresh the service received may already have rotated the refresh token)."""
    response = yield from retrying(
        lambda: send(core.api, endpoint, kwargs, what), core.options.retry_policy, idempotent=False, what=what
    )
    return record_from(parsed_as(response, TokenResponse, what), what)


def record_from(answer: TokenResponse, what: str, now: float | None = None) -> TokenRecord:
    """The `TokenRecord` of a token answer, with absolute expiry times."""
    now = time.time() if now is None else now
    if not isinstance(answer.access_token, str) or not answer.access_token:
        raise ResponseError(f"{what}: the answer has no access_token")
    refresh = answer.refresh_token if isinstance(answer.refresh_token, str) and answer.refresh_token else None
    try:
        return TokenRecord(
            access_token=answer.access_token,
            refresh_token=refresh,
            expires_at=_after(now, answer.expires_in),
            refresh_expires_at=_after(now, answer.refresh_expires_in),
            obtained_at=now,
        )
    except ValidationError as exc:  # a token that could not be sent: the answer is at fault, not the caller
        raise ResponseError(f"{what}: the answer's {exc.param} is not a usable token ({exc.message})") from None


def _after(now: float, seconds: int | None) -> float | None:
    return now + seconds if seconds is not None and seconds > 0 else None
