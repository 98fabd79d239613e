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


class TwinMethods(griffe.Extension):
    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        for name, member in list(cls.members.items()):
            if member.is_alias or not member.is_attribute:
                continue
            match = TWIN.fullmatch(str(member.value))
            if match is None:
                continue
            kind, shape, owner, flow_name = match.groups()
            source = cls.module.members.get(owner)
            flow = None if source is None else source.members.get(flow_name)
            if flow is None or not flow.is_function:
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
