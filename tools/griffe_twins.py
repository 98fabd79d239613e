"""A griffe extension for the API reference: document `get = sync_method(_Items._get)` as a method.

tbapi writes each resource method once, as a flow (`_Items._get`), and makes the blocking and awaitable
twins with `sync_method` / `async_method` / `sync_iterator` / `async_iterator`. Static analysis sees class
attributes; this extension turns each into a function with the flow's parameters and docstring, and the
return type the user gets (`Flow[T]` → `T`, `ItemFlow[T]` → `Iterator[T]` / `AsyncIterator[T]`).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

TWIN = re.compile(r"(sync|async)_(method|iterator)\((\w+)\.(\w+)\)")
INNER = re.compile(r"^(?:Flow|ItemFlow)\[(.*)\]$")


def _returns(flow_returns: object, sync: bool, iterator: bool) -> str | None:
    match = INNER.match(str(flow_returns))
    if match is None:
        return None
    inner = match.group(1)
    if iterator:
        return f"Iterator[{inner}]" if sync else f"AsyncIterator[{inner}]"
    return inner


def _classes(obj: griffe.Object) -> list[griffe.Class]:
    """Every class defined (not imported) in a module tree."""
    found: list[griffe.Class] = []
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Class):
            found.append(member)
        if isinstance(member, griffe.Module | griffe.Class):
            found.extend(_classes(member))
    return found


def _flow_of(cls: griffe.Class, owner: str, flow_name: str) -> griffe.Function | None:
    source = cls.module.members.get(owner)
    if source is None:
        return None
    try:  # the flow's class may be imported: follow the alias, now that the whole package is loaded
        target = source.final_target if source.is_alias else source
    except griffe.AliasResolutionError:
        return None
    flow = target.members.get(flow_name)
    return flow if isinstance(flow, griffe.Function) else None


def _document_twins(cls: griffe.Class) -> None:
    for name, member in list(cls.members.items()):
        if member.is_alias or not member.is_attribute:
            continue
        match = TWIN.fullmatch(str(member.value))
        if match is None:
            continue
        kind, shape, owner, flow_name = match.groups()
        flow = _flow_of(cls, owner, flow_name)
        if flow is None:
            continue
        twin = griffe.Function(
            name,
            parameters=flow.parameters,
            returns=_returns(flow.returns, kind == "sync", shape == "iterator"),
            docstring=flow.docstring,
            lineno=member.lineno,
            endlineno=member.endlineno,
        )
        if kind == "async" and shape == "method":
            twin.labels.add("async")
        cls.set_member(name, twin)


class TwinMethods(griffe.Extension):
    # After the whole package is loaded, so that a flow class imported from a sibling module resolves.
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in _classes(pkg):
            _document_twins(cls)
