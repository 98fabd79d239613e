"""The run store: a fleet's runs, their results and the watch lists' last states, in Redis.

Keys (all under the fleet's namespace, default `tbapi:fleet`):

    {ns}:run:{RUN}              hash   the run: kind, language, watch, total, chunk size, ids digest, counters
    {ns}:run:{RUN}:submitted    set    chunk numbers already on the stream (a second submit adds none twice)
    {ns}:run:{RUN}:deliveries   hash   chunk number -> times a worker started it (poison chunks end)
    {ns}:run:{RUN}:state        hash   id -> 1 (item) / 0 (error), c1 / c0 once collected
    {ns}:run:{RUN}:results      hash   id -> its JSON line, until `collect` writes it (then deleted)
    {ns}:run:{RUN}:changes      hash   id -> its change line without the item (watched runs), until collected
    {ns}:watch:{NAME}           hash   id -> [run, fingerprint now(, fingerprint before that run if other)]
    {ns}:workers                hash   worker -> host, pid, chunks held, last seen

A result is stored per id, so a chunk delivered twice overwrites its ids and counts each once; an id
already collected is not stored again, so `collect` writes every id exactly once. Every run key expires
RUN_TTL_S after the run's last write (results not collected by then are gone); a watch list expires
WATCH_TTL_S after its last write. What stays per id until then is its state flag (a few bytes) and, in a
watch list, one small fingerprint (two while it changed in the last run); the results themselves leave
Redis as `collect --follow` drains them.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs
from redis.asyncio import Redis

from ..shanjing._changes import Fingerprint, pack, unpack

RUN_TTL_S: Final = 7 * 24 * 3600
WATCH_TTL_S: Final = 90 * 24 * 3600
WORKER_FORGOTTEN_S: Final = 24 * 3600  # a worker not seen for this long is no longer listed

# One id's result, stored idempotently (KEYS: run, state, results, changes[, watch];
# ARGV: id, 1|0, line, change line or "", now, ttl[, watch state, watch ttl]).
RECORD: Final = """
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old and string.sub(old, 1, 1) == 'c' then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[4], ARGV[1], ARGV[4]) else redis.call('HDEL', KEYS[4], ARGV[1]) end
if not old then redis.call('HINCRBY', KEYS[1], 'done', 1) end
if old ~= '0' and ARGV[2] == '0' then redis.call('HINCRBY', KEYS[1], 'failed', 1) end
if old == '0' and ARGV[2] == '1' then redis.call('HINCRBY', KEYS[1], 'failed', -1) end
redis.call('HSETNX', KEYS[1], 'first_at', ARGV[5])
redis.call('HSET', KEYS[1], 'last_at', ARGV[5])
for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[6]) end
if KEYS[5] and ARGV[7] ~= '' then
  redis.call('HSET', KEYS[5], ARGV[1], ARGV[7])
  redis.call('EXPIRE', KEYS[5], ARGV[8])
end
return 1
"""

# A run made unless it exists (KEYS: run; ARGV: ttl, field, value, …): nil, or the existing run's fields.
CREATE: Final = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HGETALL', KEYS[1]) end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('EXPIRE', KEYS[1], ARGV[1])
return false
"""

# Ids written by `collect` (KEYS: state, results, changes; ARGV: ids): never stored or written again.
COLLECTED: Final = """
for _, id in ipairs(ARGV) do
  local state = redis.call('HGET', KEYS[1], id)
  if state and string.sub(state, 1, 1) ~= 'c' then redis.call('HSET', KEYS[1], id, 'c' .. state) end
  redis.call('HDEL', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
end
return #ARGV
"""


@attrs.frozen
class RunSpec:
    """What a run fetches: its ids' digest and count, their kind, and the call's options."""

    kind: str  # "item" (items.get_many) or "product" (products.get_many)
    total: int
    chunk_size: int
    digest: str
    language: str | None = None
    watch: str | None = None

    @classmethod
    def of(cls, ids: Sequence[int], *, kind: str, chunk_size: int, **options: str | None) -> RunSpec:
        digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
        return cls(kind=kind, total=len(ids), chunk_size=chunk_size, digest=digest, **options)

    @property
    def chunks(self) -> int:
        return -(-self.total // self.chunk_size)

    def fields(self) -> dict[str, str]:
        return {name: str(value) for name, value in attrs.asdict(self).items() if value is not None}

    @classmethod
    def from_fields(cls, fields: dict[str, str]) -> RunSpec:
        return cls(
            kind=fields["kind"],
            total=int(fields["total"]),
            chunk_size=int(fields["chunk_size"]),
            digest=fields["digest"],
            language=fields.get("language"),
            watch=fields.get("watch"),
        )


@attrs.frozen
class Progress:
    """How far a run has got: ids with a result (`done`, of which `failed` are errors), the rest pending."""

    spec: RunSpec
    done: int
    failed: int
    uncollected: int
    submitted_at: float
    first_at: float | None
    last_at: float | None

    @property
    def pending(self) -> int:
        return self.spec.total - self.done

    @property
    def rate(self) -> float | None:
        """Results per second since the first one."""
        if self.first_at is None or self.last_at is None or self.last_at <= self.first_at:
            return None
        return self.done / (self.last_at - self.first_at)

    @property
    def eta(self) -> float | None:
        """Seconds until every id has a result, at the rate so far."""
        rate = self.rate
        return None if rate is None or not self.pending else self.pending / rate


@attrs.frozen
class WorkerSeen:
    name: str
    host: str
    pid: int
    held: int
    seen_at: float


class RunStore:
    """The runs of one fleet (one namespace) in one Redis (a `redis.asyncio.Redis` client)."""

    def __init__(self, redis: Redis, namespace: str) -> None:
        self.redis = redis
        self.namespace = namespace
        self._create = redis.register_script(CREATE)
        self._record = redis.register_script(RECORD)
        self._collected = redis.register_script(COLLECTED)

    @classmethod
    def from_url(cls, url: str, namespace: str) -> RunStore:
        return cls(Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5), namespace)

    async def close(self) -> None:
        await self.redis.aclose()

    def key(self, run: str, part: str = "") -> str:
        return f"{self.namespace}:run:{run}" + (f":{part}" if part else "")

    # --- submitting ----------------------------------------------------------------------------------------

    async def create(self, run: str, spec: RunSpec) -> RunSpec:
        """Make the run unless it exists; the run's spec (the existing one when it did)."""
        fields = spec.fields() | {"submitted_at": repr(time.time()), "done": "0", "failed": "0"}
        flat = [text for pair in fields.items() for text in pair]
        existing = await self._create(keys=[self.key(run)], args=[RUN_TTL_S, *flat])
        if existing is None:
            return spec
        return RunSpec.from_fields(_texts(dict(zip(existing[::2], existing[1::2], strict=True))))

    async def unsubmitted(self, run: str, chunks: int) -> list[int]:
        submitted = {int(n) for n in await self.redis.smembers(self.key(run, "submitted"))}
        return [n for n in range(chunks) if n not in submitted]

    async def submitted(self, run: str, chunk: int) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.sadd(self.key(run, "submitted"), chunk)
            pipe.expire(self.key(run, "submitted"), RUN_TTL_S)
            await pipe.execute()

    # --- running -------------------------------------------------------------------------------------------

    async def spec(self, run: str) -> RunSpec | None:
        fields = _texts(await self.redis.hgetall(self.key(run)))
        return RunSpec.from_fields(fields) if "kind" in fields else None

    async def delivered(self, run: str, chunk: int) -> int:
        """Count one more start of `chunk`; how many there have been."""
        return int(await self.redis.hincrby(self.key(run, "deliveries"), str(chunk), 1))

    async def recorded(self, run: str, ids: Sequence[int]) -> set[int]:
        """Those of `ids` with a result already (stored or collected)."""
        if not ids:
            return set()
        states = await self.redis.hmget(self.key(run, "state"), [str(i) for i in ids])
        return {i for i, state in zip(ids, states, strict=True) if state is not None}

    async def last_states(self, watch: str, run: str, ids: Sequence[int]) -> dict[int, Fingerprint | None]:
        """The state each id had under `watch` before this run (a redelivered chunk sees the same)."""
        if not ids:
            return {}
        stored = await self.redis.hmget(f"{self.namespace}:watch:{watch}", [str(i) for i in ids])
        states: dict[int, Fingerprint | None] = {}
        for item_id, raw in zip(ids, stored, strict=True):
            if raw is not None:
                seen_in, now, *before = json.loads(raw)  # no `before`: the same as `now`
                states[item_id] = unpack(before[0] if seen_in == run and before else now)
        return states

    async def record(
        self,
        run: str,
        line: dict[str, Any],
        change: dict[str, Any] | None = None,
        watched: tuple[str, Fingerprint | None, Fingerprint | None] | None = None,
    ) -> bool:
        """Store one id's result line (and its change line); `watched` = (watch list, state now, state
        before this run) updates the watch list. False when the id was collected already."""
        keys = [self.key(run, part) for part in ("", "state", "results", "changes")]
        args: list[Any] = [
            line["item_id"],
            0 if "error" in line else 1,
            _json(line),
            "" if change is None else _json(change),
            repr(time.time()),
            RUN_TTL_S,
        ]
        if watched is not None:
            watch, now, before = watched
            keys.append(f"{self.namespace}:watch:{watch}")
            entry = [run, pack(now)] + ([] if now == before else [pack(before)])
            args += [_json(entry), WATCH_TTL_S]
        return bool(await self._record(keys=keys, args=args))

    # --- collecting ----------------------------------------------------------------------------------------

    async def uncollected(self, run: str, count: int = 500) -> list[tuple[int, bytes, bytes | None]]:
        """Up to about `count` results not collected yet: (id, result line, change line or None)."""
        found: dict[bytes, bytes] = {}
        cursor = 0
        while True:  # a scan step may find nothing in a table thinned by deletes: go on to its end
            cursor, found = await self.redis.hscan(self.key(run, "results"), cursor, count=count)  # type: ignore[assignment]
            if found or cursor == 0:
                break
        ids = list(found)
        if not ids:
            return []
        changes: list[bytes | None] = await self.redis.hmget(self.key(run, "changes"), ids)  # type: ignore[assignment]
        return [(int(i), found[i], change) for i, change in zip(ids, changes, strict=True)]

    async def collected(self, run: str, ids: Iterable[int]) -> None:
        given = [str(i) for i in ids]
        if given:
            keys = [self.key(run, part) for part in ("state", "results", "changes")]
            await self._collected(keys=keys, args=given)

    async def progress(self, run: str) -> Progress | None:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(self.key(run))
            pipe.hlen(self.key(run, "results"))
            fields, uncollected = await pipe.execute()
        fields = _texts(fields)
        if "kind" not in fields:
            return None
        return Progress(
            spec=RunSpec.from_fields(fields),
            done=int(fields.get("done", 0)),
            failed=int(fields.get("failed", 0)),
            uncollected=int(uncollected),
            submitted_at=float(fields["submitted_at"]),
            first_at=_float(fields.get("first_at")),
            last_at=_float(fields.get("last_at")),
        )

    # --- workers -------------------------------------------------------------------------------------------

    async def seen(self, worker: WorkerSeen) -> None:
        await self.redis.hset(f"{self.namespace}:workers", worker.name, _json(attrs.asdict(worker)))

    async def workers(self) -> list[WorkerSeen]:
        """The workers seen lately, the most recently seen first (those long gone are forgotten)."""
        key = f"{self.namespace}:workers"
        known = [WorkerSeen(**json.loads(raw)) for raw in (await self.redis.hgetall(key)).values()]
        gone = [w.name for w in known if w.seen_at < time.time() - WORKER_FORGOTTEN_S]
        if gone:
            await self.redis.hdel(key, *gone)
        return sorted((w for w in known if w.name not in gone), key=lambda w: -w.seen_at)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _texts(fields: dict[Any, Any]) -> dict[str, str]:
    return {_text(k): _text(v) for k, v in fields.items()}


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _float(text: str | None) -> float | None:
    return None if text is None else float(text)
