"""The OpenAPI specs at run time: shipped in the wheel under `tbapi/testing/specs/`, read from the
repository's `openapi/` in a source checkout. Parsing needs PyYAML (`pip install 'tbapi-sdk[testing]'`)."""

from __future__ import annotations

import copy
import functools
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .._version import install_command

PACKAGED = Path(__file__).resolve().parent / "specs"
REPOSITORY = Path(__file__).resolve().parents[3] / "openapi"
SPEC_NAMES = ("shanjing", "top")
SUCCESS = "success"


def spec_path(name: str) -> Path:
    """Where `<name>.yaml` is: the copy shipped in the wheel, else the repository's."""
    for folder in (PACKAGED, REPOSITORY):
        path = folder / f"{name}.yaml"
        if path.is_file():
            return path
    raise FileNotFoundError(f"openapi/{name}.yaml is neither shipped in tbapi nor in a source checkout")


@functools.cache
def load_spec(name: str) -> dict[str, Any]:
    """The parsed spec (cached: parse once per process)."""
    try:
        yaml = importlib.import_module("yaml")  # untyped (no stubs needed): only safe_load-style use below
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(f"tbapi.testing reads the OpenAPI specs with PyYAML: {install_command('testing')}") from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loaded: dict[str, Any] = yaml.load(spec_path(name).read_text("utf-8"), Loader=loader)
    return loaded


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s (`#/components/...`) until a real node."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@attrs.frozen
class Example:
    """One named example of an operation's answer: its HTTP status, media type and JSON body."""

    name: str
    status: int
    media_type: str
    value: Any = attrs.field(repr=False)

    def body(self) -> Any:
        return copy.deepcopy(self.value)


@attrs.frozen
class Operation:
    """An operation of a spec, with every named example of every answer."""

    spec: str
    operation_id: str
    http_method: str
    path: str
    top_method: str | None
    examples: dict[str, Example] = attrs.field(repr=False)

    @property
    def default_example(self) -> str:
        """`success` when the spec has it, else the first example of the first 2xx answer."""
        if SUCCESS in self.examples:
            return SUCCESS
        ok = [e for e in self.examples.values() if 200 <= e.status < 300]
        return (ok or list(self.examples.values()))[0].name


def _examples(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Example]:
    found: dict[str, Example] = {}
    for status, answer in operation.get("responses", {}).items():
        if not str(status).isdigit():
            continue
        for media_type, media in resolve(spec, answer).get("content", {}).items():
            for name, example in media.get("examples", {}).items():
                found.setdefault(name, Example(name, int(status), media_type, resolve(spec, example).get("value")))
    return found


def _operations(name: str) -> Iterator[Operation]:
    spec = load_spec(name)
    for path, item in spec.get("paths", {}).items():
        for http_method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                yield Operation(
                    spec=name,
                    operation_id=operation["operationId"],
                    http_method=http_method.upper(),
                    path=path,
                    top_method=operation.get("x-top-method"),
                    examples=_examples(spec, operation),
                )


@functools.cache
def operations() -> tuple[Operation, ...]:
    """Every operation of both specs."""
    return tuple(op for name in SPEC_NAMES for op in _operations(name))


def example_names() -> frozenset[str]:
    """Every example name of either spec: what `Prefer: example=<name>` (and `tbapi --example`) can ask for."""
    return frozenset(name for op in operations() for name in op.examples)
