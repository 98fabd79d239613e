"""A griffe extension for the API reference: document `get = twin(_get)` as the method users call.

tbapi writes each resource method once, as a flow (`Items._get`), and declares its public method next to
it: `get = twin(_get)` (`iter_search = iterator(_iter_search)` for an item flow). A resource class is
generic in the client's mode (`Items[Sync]`, `Items[Async]`, `Items[RawSync]`, `Items[RawAsync]`), and the
descriptor binds the twin of that mode. Static analysis sees class attributes; this extension turns each
into a function with the flow's parameters and docstring and the return type users get:

- in the class that declares it (a resource), the blocking client's (`Flow[T]` → `T`, `ItemFlow[T]` →
  `Iterator[T]`), its docstring ending with the other twins: awaited on the async client, and the
  `RawResponse[T]` of `with_raw_response` (an item flow has no raw twin);
- a flow made by a decorator that gives it its parameters (`@many(_GetMany)` on `_get_many`: the fields of a
  dataclass) is read as the imported flow has them, as `help()` shows them;
- in a class whose base names the mode (`class AsyncTopClient(…, Top[Async], …)`), that mode's: there
  `call` is documented as `async` (an async iterator `AsyncIterator[T]`, a raw twin `RawResponse[T]`).
"""

from __future__ import annotations

import importlib
import inspect
import re
from typing import Any

import griffe

TWIN = re.compile(r"(twin|iterator)\((\w+)\)")
INNER = re.compile(r"^(?:Flow|ItemFlow)\[(.*)\]$")
MODE = re.compile(r"^\w+\[(Sync|Async|RawSync|RawAsync)\]$")

# mode → (the return shown for a method, for an iterator, whether it is awaited); `{}` is the flow's result
SHOWN = {
    "Sync": ("{}", "Iterator[{}]", False),
    "Async": ("{}", "AsyncIterator[{}]", True),
    "RawSync": ("RawResponse[{}]", None, False),
    "RawAsync": ("RawResponse[{}]", None, True),
}


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


Twins = dict[str, tuple[griffe.Attribute, str, griffe.Function]]


def _twins(cls: griffe.Class) -> Twins:
    """The twins `cls` declares: name → (the attribute, `twin` or `iterator`, the flow it is made from)."""
    found: Twins = {}
    for name, member in cls.members.items():
        if member.is_alias or not isinstance(member, griffe.Attribute):
            continue
        match = TWIN.fullmatch(str(member.value))
        flow = cls.members.get(match.group(2)) if match else None
        if match and isinstance(flow, griffe.Function):
            found[name] = (member, match.group(1), flow)
    return found


def _function(name: str, member: griffe.Attribute, kind: str, flow: griffe.Function, mode: str) -> griffe.Function:
    """The twin of `flow` in `mode`, as griffe documents a method."""
    method, iterator, awaited = SHOWN[mode]
    match = INNER.match(str(flow.returns))
    shown = iterator if kind == "iterator" else method
    twin = griffe.Function(
        name,
        parameters=flow.parameters,
        returns=shown.format(match.group(1)) if match and shown else None,
        docstring=flow.docstring,
        lineno=member.lineno,
        endlineno=member.endlineno,
    )
    if awaited and kind == "twin":
        twin.labels.add("async")
    return twin


def _other_twins(owner: str, name: str, kind: str, flow: griffe.Function) -> str:
    """The docstring's last paragraph: what the async client and `with_raw_response` make of the method."""
    match = INNER.match(str(flow.returns))
    inner = match.group(1) if match else "…"
    if kind == "iterator":
        return f"On the async client: an `AsyncIterator[{inner}]` (`async for`). No raw twin: a raw response is one answer."
    call = f"{owner}.{name}" if owner else name
    return f"On the async client: awaited. `with_raw_response.{call}(…)` returns `tbapi.RawResponse[{inner}]`."


def _document_declared(cls: griffe.Class) -> None:
    owner = "" if cls.name in {"Top", "Shanjing"} else cls.name.lower()
    for name, (member, kind, flow) in _twins(cls).items():
        twin = _function(name, member, kind, flow, "Sync")
        note = _other_twins(owner, name, kind, flow)
        text = f"{flow.docstring.value}\n\n{note}" if flow.docstring else note
        twin.docstring = griffe.Docstring(text, parent=twin)
        cls.set_member(name, twin)


def _document_inherited(cls: griffe.Class, declared: dict[str, Twins]) -> None:
    """Twins a moded base declares (`Top[Async]`), documented on `cls` in that mode."""
    for base in cls.bases:
        match = MODE.match(str(base))
        left = base.left if isinstance(base, griffe.ExprSubscript) else None
        path = left.canonical_path if isinstance(left, griffe.Expr) else None
        if match is None or path not in declared:
            continue
        for name, (member, kind, flow) in declared[path].items():
            if name not in cls.members and (kind == "twin" or SHOWN[match.group(1)][1]):
                cls.set_member(name, _function(name, member, kind, flow, match.group(1)))


KINDS = {kind.value: kind for kind in griffe.ParameterKind}


def _as_at_run_time(cls: griffe.Class, flow: griffe.Function) -> None:
    """The parameters and return of a flow whose decorator gives them, as the imported flow has them."""
    runtime = getattr(getattr(importlib.import_module(cls.module.path), cls.name), flow.name)
    signature = inspect.signature(runtime)
    flow.parameters = griffe.Parameters(
        *(
            griffe.Parameter(
                p.name,
                annotation=None if p.annotation is inspect.Parameter.empty else p.annotation,
                kind=KINDS[p.kind.description],
                default=None if p.default is inspect.Parameter.empty else repr(p.default),
            )
            for p in signature.parameters.values()
        )
    )
    flow.returns = signature.return_annotation


class TwinMethods(griffe.Extension):
    # After the whole package is loaded, so that a moded base imported from a sibling module resolves.
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        classes = _classes(pkg)
        for cls in classes:
            for member in list(cls.members.values()):
                made = isinstance(member, griffe.Function) and any(
                    str(decorator.value).startswith("many(") for decorator in member.decorators
                )
                if made and isinstance(member, griffe.Function):
                    _as_at_run_time(cls, member)
        declared = {cls.path: twins for cls in classes if (twins := _twins(cls))}
        for cls in classes:
            _document_inherited(cls, declared)
        for cls in classes:
            _document_declared(cls)
