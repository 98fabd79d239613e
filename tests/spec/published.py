"""The examples the providers printed on their own doc pages, as the specs hold them: named examples whose name
starts with `published`, on request bodies, parameters and answers of openapi/shanjing.yaml and openapi/top.yaml."""

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
SHANJING = "shanjing"


@functools.cache
def spec(name: str = SHANJING) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((OPENAPI / f"{name}.yaml").read_text("utf-8"))
    return loaded


def resolve(node: Any, name: str = SHANJING) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec(name)
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@attrs.frozen
class Published:
    """One published example: where it sits (`renderOrder body`, `getProduct item_id`, …), its value and schema."""

    spec: str
    operation_id: str
    part: str
    name: str
    value: Any = attrs.field(repr=False)
    schema: dict[str, Any] = attrs.field(repr=False)

    @property
    def id(self) -> str:
        return f"{self.operation_id} {self.part} {self.name}"


def published_examples(name: str = SHANJING) -> list[Published]:
    return list(_examples(name))


def _examples(name: str) -> Iterator[Published]:
    for item in spec(name)["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            op = operation["operationId"]
            for parameter in (resolve(p, name) for p in operation.get("parameters", [])):
                yield from _named(name, op, parameter["name"], parameter)
            for media in resolve(operation.get("requestBody", {}), name).get("content", {}).values():
                yield from _named(name, op, "body", media)
            for status, answer in operation["responses"].items():
                for media in resolve(answer, name).get("content", {}).values():
                    yield from _named(name, op, f"answer {status}", media)


def _named(spec_name: str, operation_id: str, part: str, holder: dict[str, Any]) -> Iterator[Published]:
    for name, example in holder.get("examples", {}).items():
        if name.startswith(PREFIX):
            value = resolve(example, spec_name)["value"]
            yield Published(spec_name, operation_id, part, name, value, holder["schema"])


def problems(value: Any, schema: dict[str, Any], name: str = SHANJING) -> list[str]:
    """What makes `value` invalid against `schema` (a node of the spec), JSON held in strings included."""
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": spec(name)["components"]})
    found = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator.iter_errors(value)]
    return found + _content_problems(value, resolve(schema, name), name)


def _content_problems(value: Any, schema: dict[str, Any], name: str) -> list[str]:
    """JSON Schema leaves `contentSchema` unchecked; the published item lists live in such strings."""
    if not isinstance(value, dict):
        return []
    found: list[str] = []
    for prop_name, prop in schema.get("properties", {}).items():
        prop = resolve(prop, name)
        if "contentSchema" in prop and isinstance(value.get(prop_name), str):
            inner = problems(json.loads(value[prop_name]), prop["contentSchema"], name)
            found += [f"{prop_name} (JSON text) {problem}" for problem in inner]
    return found
