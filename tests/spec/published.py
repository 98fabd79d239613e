"""The examples Shanjing printed on its own doc pages, as the spec holds them: named examples whose name
starts with `published`, on request bodies, parameters and answers of openapi/shanjing.yaml."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema_rs
import yaml

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"
PREFIX = "published"


@functools.cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((OPENAPI / "shanjing.yaml").read_text("utf-8"))
    return loaded


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec()
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@attrs.frozen
class Published:
    """One published example: where it sits (`renderOrder body`, `getProduct item_id`, …), its value and schema."""

    operation_id: str
    part: str
    name: str
    value: Any = attrs.field(repr=False)
    schema: dict[str, Any] = attrs.field(repr=False)

    @property
    def id(self) -> str:
        return f"{self.operation_id} {self.part} {self.name}"


def published_examples() -> list[Published]:
    return list(_examples())


def _examples() -> Iterator[Published]:
    for item in spec()["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            op = operation["operationId"]
            for parameter in map(resolve, operation.get("parameters", [])):
                yield from _named(op, parameter["name"], parameter)
            for media in resolve(operation.get("requestBody", {})).get("content", {}).values():
                yield from _named(op, "body", media)
            for status, answer in operation["responses"].items():
                for media in resolve(answer).get("content", {}).values():
                    yield from _named(op, f"answer {status}", media)


def _named(operation_id: str, part: str, holder: dict[str, Any]) -> Iterator[Published]:
    for name, example in holder.get("examples", {}).items():
        if name.startswith(PREFIX):
            yield Published(operation_id, part, name, resolve(example)["value"], holder["schema"])


def problems(value: Any, schema: dict[str, Any]) -> list[str]:
    """What makes `value` invalid against `schema` (a node of the spec), JSON held in strings included."""
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": spec()["components"]})
    found = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator.iter_errors(value)]
    return found + _content_problems(value, resolve(schema))


def _content_problems(value: Any, schema: dict[str, Any]) -> list[str]:
    """JSON Schema leaves `contentSchema` unchecked; the published item lists live in such strings."""
    if not isinstance(value, dict):
        return []
    found: list[str] = []
    for name, prop in schema.get("properties", {}).items():
        prop = resolve(prop)
        if "contentSchema" in prop and isinstance(value.get(name), str):
            inner = problems(json.loads(value[name]), prop["contentSchema"])
            found += [f"{name} (JSON text) {problem}" for problem in inner]
    return found
