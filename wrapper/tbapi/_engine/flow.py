"""Write the decision logic once, drive it twice.

A *flow* is a generator that yields *effects* (send this request, sleep this long, refresh the
token…) and receives their results, or has their exceptions thrown into it. Every decision —
retry or not, refresh or not, query before re-creating an order — lives in flows; only the two
drivers below do I/O, one with blocking calls and one with `await`.

Each effect says how it runs (`blocking`): one that waits (the network, a file, a lock, time) is run
blocking by the sync driver and awaited by the async one; one that returns at once without I/O (a
local rate limit's bookkeeping, an in-memory token) is run in place by both.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable, Generator
from typing import Any, ClassVar, Generic, Protocol, TypeVar

import attrs

from .._exceptions import CLIENT_CLOSED, ClientStateError, TbapiError, scrub_causes

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Effect(Protocol[T_co]):
    """One piece of work a flow asks for; `blocking` says how a driver runs it."""

    @property
    def blocking(self) -> bool:
        """True: it waits (the network, a file, a lock, time): the async driver awaits `run_async`.
        False: `run_sync` returns at once, without I/O: either driver runs it in place."""
        ...

    def run_sync(self) -> T_co: ...

    async def run_async(self) -> T_co: ...


Flow = Generator[Effect[Any], Any, T]


class MayBlock(Protocol):
    """What an effect works on when that decides whether it waits (a rate limit, a token store's manager)."""

    @property
    def blocking(self) -> bool: ...


S = TypeVar("S", bound=MayBlock)


@attrs.frozen
class EffectOn(Generic[S]):
    """An effect on `subject` that blocks when its subject does: a rate limit shared over Redis, a token store on
    disk or the network (a local rate limit, a store in memory: no I/O, run in place)."""

    subject: S

    @property
    def blocking(self) -> bool:
        return self.subject.blocking


class Cancelled(BaseException):
    """Thrown into a flow whose driver stops it early (the consumer left the loop, Ctrl-C, a cancelled task).

    A flow may catch it to clean up with effects, which the driver still runs, and must then re-raise it.
    A `BaseException`, so that no `except Exception` (the retry engine's) mistakes it for a failure.
    """


class Endpoint(Protocol):
    """A generated operation module: `sync_detailed` and `asyncio_detailed` with the same arguments.

    Read-only `Callable[..., …]` members, so that a module whose functions take their own keyword
    arguments (every generated operation) satisfies the protocol.
    """

    @property
    def sync_detailed(self) -> Callable[..., Any]: ...

    @property
    def asyncio_detailed(self) -> Callable[..., Awaitable[Any]]: ...


@attrs.frozen
class Call:
    """Send one generated operation with the generated client and return its `Response`."""

    endpoint: Endpoint
    client: Any
    kwargs: dict[str, Any]
    blocking: ClassVar[bool] = True

    def run_sync(self) -> Any:
        if self.client.get_httpx_client().is_closed:
            raise ClientStateError(CLIENT_CLOSED)
        return self.endpoint.sync_detailed(client=self.client, **self.kwargs)

    async def run_async(self) -> Any:
        if self.client.get_async_httpx_client().is_closed:
            raise ClientStateError(CLIENT_CLOSED)
        return await self.endpoint.asyncio_detailed(client=self.client, **self.kwargs)


SleepFunction = Callable[[float], object]


@attrs.frozen
class Sleep:
    """Wait `seconds`; with `sleep` (a client's `sleep=` option) that function waits instead.

    `sleep` may be a plain function or a coroutine function: the async driver awaits what it returns
    when that is awaitable, so `sleep=waits.append` serves a test of either client.
    """

    seconds: float
    sleep: SleepFunction | None = None
    blocking: ClassVar[bool] = True

    def run_sync(self) -> None:
        if self.sleep is None:
            time.sleep(self.seconds)
        else:
            self.sleep(self.seconds)

    async def run_async(self) -> None:
        if self.sleep is None:
            await asyncio.sleep(self.seconds)
            return
        waited = self.sleep(self.seconds)
        if inspect.isawaitable(waited):
            await waited


def advance(flow: Generator[Any, Any, Any], result: Any, error: BaseException | None) -> tuple[bool, Any]:
    """Feed the last effect's outcome to the flow: (True, return value) or (False, next effect)."""
    try:
        return False, flow.throw(error) if error is not None else flow.send(result)
    except StopIteration as stop:
        return True, stop.value
    except TbapiError as failure:  # on its way to the user: no chained cause may show a secret
        scrub_causes(failure)
        raise


def resumed(flow: Flow[T], step: tuple[bool, Any], wrap: Callable[[Effect[Any]], Effect[Any]] | None = None) -> Flow[T]:
    """The rest of `flow`, already advanced to `step` (what `advance` returned); each effect it yields is
    passed on as `wrap(effect)` when `wrap` is given."""
    done, value = step
    while not done:
        try:
            result, error = (yield value if wrap is None else wrap(value)), None
        except Exception as exc:  # handed to the flow, which re-raises what it cannot handle
            result, error = None, exc
        done, value = advance(flow, result, error)
    return value  # type: ignore[no-any-return]


def outcome_sync(effect: Effect[Any]) -> tuple[Any, Exception | None]:
    """Run an effect blocking: (its result, None) or (None, its exception) — for the flow to handle."""
    try:
        return effect.run_sync(), None
    except Exception as exc:  # handed to the flow, which re-raises what it cannot handle
        return None, exc


async def outcome_async(effect: Effect[Any]) -> tuple[Any, Exception | None]:
    """Run an effect with `await` (in place when it does not block): (its result, None) or (None, its exception)."""
    try:
        return (await effect.run_async() if effect.blocking else effect.run_sync()), None
    except Exception as exc:
        return None, exc


def run_sync(flow: Flow[T]) -> T:
    """Drive a flow with blocking I/O."""
    done, value = advance(flow, None, None)
    while not done:
        done, value = advance(flow, *outcome_sync(value))
    return value  # type: ignore[no-any-return]


async def run_async(flow: Flow[T]) -> T:
    """Drive a flow with `await`: the same decisions as `run_sync`.

    `outcome_async` written out in the loop: every call of an async client runs here, and each effect would
    otherwise cost one more coroutine (made, awaited, finished)."""
    done, value = advance(flow, None, None)
    while not done:
        try:
            result, error = (await value.run_async() if value.blocking else value.run_sync()), None
        except Exception as exc:  # handed to the flow (outside this handler), which re-raises what it cannot handle
            result, error = None, exc
        done, value = advance(flow, result, error)
    return value  # type: ignore[no-any-return]
