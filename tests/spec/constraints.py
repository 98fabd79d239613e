"""Every constraint keyword of a parsed OpenAPI document, with a readable location.

A generic walk of the whole document (examples and extensions aside), so a constraint added anywhere is found.
Locations are those of openapi/documented-constraints.yaml: `Schema.property[]<content>`,
`operationId(parameter)`, `parameters.Name`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

# Keywords that narrow the values a schema accepts, and `required` (a schema's list of required properties, a
# parameter's `required: true`): a field made required refuses every call without it. Structure (`type`,
# `format`, `additionalProperties`) is the shape itself and is left to the spec review; a request body's own
# `required: true` only follows from the required fields inside it.
REQUIRED = "required"
KEYWORDS = frozenset(
    {
        "maxLength",
        "minLength",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maximum",
        "minimum",
        "exclusiveMaximum",
        "exclusiveMinimum",
        "multipleOf",
        "pattern",
        "maxProperties",
        "minProperties",
        "enum",
        "const",
        REQUIRED,
    }
)
_NOT_SCHEMAS = frozenset({"example", "examples"})
_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@attrs.frozen
class Constraint:
    location: str
    keyword: str
    value: Any
    node: dict[str, Any] = attrs.field(repr=False, eq=False)


def constraints(spec: dict[str, Any]) -> Iterator[Constraint]:
    """Every (location, keyword, value) of `spec`, in document order."""
    yield from _walk(spec, spec, ())


def _walk(spec: dict[str, Any], node: Any, path: tuple[str, ...]) -> Iterator[Constraint]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(spec, item, (*path, str(index)))
        return
    if not isinstance(node, dict):
        return
    names_only = bool(path) and path[-1] == "properties"  # keys are property names, not keywords
    if not names_only:
        for keyword in sorted(KEYWORDS & node.keys()):
            if keyword != REQUIRED or _requires(path, node[keyword]):
                yield Constraint(location(spec, path), keyword, node[keyword], node)
    for key, child in node.items():
        if not names_only and (key in _NOT_SCHEMAS or key.startswith("x-") or key in KEYWORDS):
            continue
        yield from _walk(spec, child, (*path, key))


def _requires(path: tuple[str, ...], value: Any) -> bool:
    """A `required` that makes something required: a non-empty list, or `true` on a parameter."""
    if path and path[-1] == "requestBody":
        return False
    return value is True or (isinstance(value, list) and bool(value))


def location(spec: dict[str, Any], path: tuple[str, ...]) -> str:
    """The readable name of the node at `path` (see the module docstring)."""
    match path:
        case ("components", "schemas", name, *rest):
            return name + _suffix(rest)
        case ("components", "parameters", name, "schema", *rest):
            return f"parameters.{name}" + _suffix(rest)
        case ("components", "parameters", name):
            return f"parameters.{name}"
        case ("paths", route, method, "parameters", index, *rest) if method in _HTTP_METHODS:
            operation = spec["paths"][route][method]
            parameter = operation["parameters"][int(index)]
            where = f"{operation['operationId']}({parameter['name']})"
            if not rest:
                return where  # the parameter object itself: its `required`
            if rest[0] == "schema":
                return where + _suffix(rest[1:])
    return "#/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in path)


def _suffix(rest: list[str]) -> str:
    text, parts = "", iter(rest)
    for part in parts:
        if part == "properties":
            text += "." + next(parts)
        elif part == "items":
            text += "[]"
        elif part == "contentSchema":
            text += "<content>"
        else:
            text += "/" + part
    return text
