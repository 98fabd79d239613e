"""Fleets: price runs spread over worker processes on many machines, on taskiq with Redis Streams.

    tbapi fleet submit RUN --from ids.txt        # or: taskiq worker tbapi.fleet:broker
    tbapi fleet worker                           # on every machine
    tbapi fleet status RUN
    tbapi fleet collect RUN --output items.jsonl --follow

`broker` is the fleet's taskiq broker, configured from the environment (TBAPI_REDIS_URL and the
TBAPI_FLEET_* variables of `FleetSettings`); `fleet_broker(settings)` makes another. Needs
`pip install 'tbapi-sdk[fleet]'`.
"""

from __future__ import annotations

from ._broker import FleetBroker
from ._chunks import MAX_DELIVERIES, Chunk, ChunkAbandoned, ChunkRunner
from ._settings import FleetSettings
from ._store import Progress, RunSpec, RunStore, WorkerSeen
from ._worker import TASK_NAME, fleet_broker, run_chunk, work, worker_client

broker = fleet_broker()

__all__ = [
    "MAX_DELIVERIES",
    "TASK_NAME",
    "Chunk",
    "ChunkAbandoned",
    "ChunkRunner",
    "FleetBroker",
    "FleetSettings",
    "Progress",
    "RunSpec",
    "RunStore",
    "WorkerSeen",
    "broker",
    "fleet_broker",
    "run_chunk",
    "work",
    "worker_client",
]
