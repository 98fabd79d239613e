"""Running one chunk of a run: its ids through `get_many` on the worker's client, each result stored.

Whatever happens, every id of a chunk ends with a stored result line (an item or an error):

- an id whose call failed after the client's retries is its error line, as in the bulk CLI;
- an id that failed because Redis (the shared rate limit or tokens) could not be reached is not an answer
  about the item: it is fetched again once Redis answers, and nothing is stored meanwhile (up to
  MAX_REDIS_ROUNDS times);
- a chunk started MAX_DELIVERIES times (its workers died on it) or that raised an unexpected error ends
  with an error line per id left, never a message retried forever.

A chunk delivered again skips the ids that already have a result.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._exceptions import TbapiError
from .._logs import logger
from .._support.redis import is_redis_failure
from ..shanjing._changes import Fingerprint, change_of, observed
from ..shanjing._lines import Result, error_line, result_line
from ._patience import patiently
from ._store import RunSpec, RunStore

if TYPE_CHECKING:
    from ..shanjing import AsyncShanjingClient

MAX_DELIVERIES: Final = 3
# Rounds of fetching again the ids whose calls failed on Redis (each after Redis answered again): a Redis
# that answers a ping but keeps failing the calls ends them with their error.
MAX_REDIS_ROUNDS: Final = 10


class ChunkAbandoned(TbapiError):
    """The error line of an id whose chunk was started MAX_DELIVERIES times without finishing."""


@attrs.frozen
class Chunk:
    run: str
    number: int
    ids: list[int]


class ChunkRunner:
    """Runs chunks on one client (the worker's, for its whole life) into one run store."""

    def __init__(self, client: AsyncShanjingClient, store: RunStore, concurrency: int) -> None:
        self.client = client
        self.store = store
        self.concurrency = concurrency

    async def run(self, chunk: Chunk) -> int:
        """Fetch and store the chunk's ids; how many results were stored."""
        spec = await patiently(lambda: self.store.spec(chunk.run), "reading the run")
        if spec is None:
            logger.warning("tbapi fleet: run %r is gone (expired?): chunk %d dropped", chunk.run, chunk.number)
            return 0
        starts = await patiently(lambda: self.store.delivered(chunk.run, chunk.number), "counting a delivery")
        done = await patiently(lambda: self.store.recorded(chunk.run, chunk.ids), "reading the results")
        todo = [i for i in chunk.ids if i not in done]
        if starts > MAX_DELIVERIES:
            abandoned = ChunkAbandoned(f"chunk {chunk.number} was started {starts} times without finishing")
            return await self._fail(spec, chunk.run, todo, abandoned)
        try:
            return await self._fetch_all(spec, chunk.run, todo)
        except Exception as error:  # a bug or an answer nothing expected: each id left gets it as its error
            logger.exception("tbapi fleet: chunk %d of run %r failed", chunk.number, chunk.run)
            left = [i for i in todo if i not in await self.store.recorded(chunk.run, todo)]
            return await self._fail(spec, chunk.run, left, error)

    async def _fetch_all(self, spec: RunSpec, run: str, ids: list[int]) -> int:
        stored = 0
        for round_number in range(1, MAX_REDIS_ROUNDS + 1):
            before = await self._last_states(spec, run, ids)
            again: list[int] = []
            async for result in self._results(spec, ids):
                item_id = int(result.item_id)
                if result.error is not None and is_redis_failure(result.error) and round_number < MAX_REDIS_ROUNDS:
                    again.append(item_id)
                else:
                    stored += await self._store(spec, run, result_line(item_id, result), before)
            if not again:
                break
            await patiently(self._ping, "waiting for Redis to fetch again the ids its failure failed")
            ids = again
        return stored

    def _results(self, spec: RunSpec, ids: Sequence[int]) -> AsyncIterator[Result]:
        if spec.kind == "product":
            return self.client.products.get_many(ids, concurrency=self.concurrency)
        options: dict[str, Any] = {} if spec.language is None else {"language": spec.language}
        return self.client.items.get_many(ids, concurrency=self.concurrency, **options)

    async def _ping(self) -> None:
        await self.store.redis.ping()

    async def _last_states(self, spec: RunSpec, run: str, ids: list[int]) -> dict[int, Fingerprint | None]:
        watch = spec.watch
        if watch is None:
            return {}
        return await patiently(lambda: self.store.last_states(watch, run, ids), "reading the watch list")

    async def _store(self, spec: RunSpec, run: str, line: dict[str, Any], before: dict[int, Fingerprint | None]) -> int:
        change: dict[str, Any] | None = None
        watched: tuple[str, Fingerprint | None, Fingerprint | None] | None = None
        if spec.watch is not None:
            last = before.get(line["item_id"])
            now = observed(line)
            change = change_of(last, line)  # its item is the result line's: stored once
            if now is None or isinstance(now, dict):  # an error that says nothing of the item keeps `last`
                watched = (spec.watch, now, last)
        stored = await patiently(lambda: self.store.record(run, line, change, watched), "storing a result")
        return int(stored)

    async def _fail(self, spec: RunSpec, run: str, ids: list[int], error: BaseException) -> int:
        stored = 0
        for item_id in ids:
            stored += await self._store(spec, run, error_line(item_id, error), {})
        return stored
