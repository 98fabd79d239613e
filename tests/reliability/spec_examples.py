"""The named examples of the 200 answers in openapi/*.yaml, by operation id: spec-shaped bodies for the
fault server and seeds for the fuzzers. The specs are the source of truth, so nothing here is hand-written."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import schemathesis

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"


@functools.cache
def _spec(name: str) -> dict[str, Any]:
    """The spec as loaded by Schemathesis (a plain dict; Schemathesis does the YAML)."""
    loaded: dict[str, Any] = schemathesis.openapi.from_path(OPENAPI / f"{name}.yaml").raw_schema
    return loaded


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@functools.cache
def _examples(name: str) -> dict[str, dict[str, Any]]:
    spec = _spec(name)
    found: dict[str, dict[str, Any]] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            answer = _resolve(spec, operation["responses"].get("200", {}))
            named: dict[str, Any] = {}
            for media in answer.get("content", {}).values():
                for example_name, example in media.get("examples", {}).items():
                    named[example_name] = _resolve(spec, example)["value"]
            found[operation["operationId"]] = named
    return found


def example(spec: str, operation_id: str, name: str = "success") -> Any:
    """A deep copy of one named example of an operation's 200 answer."""
    return copy.deepcopy(_examples(spec)[operation_id][name])


def examples(spec: str, operation_id: str) -> dict[str, Any]:
    """Every named example of an operation's 200 answer (deep copies)."""
    return copy.deepcopy(_examples(spec)[operation_id])


def raw_spec(spec: str) -> dict[str, Any]:
    """The whole spec as a dict (shared; do not mutate)."""
    return _spec(spec)


def operation_ids(spec: str) -> list[str]:
    return sorted(_examples(spec))
