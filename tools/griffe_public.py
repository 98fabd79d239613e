"""A griffe extension for the API reference: what users call, without the plumbing behind it.

- Parameters named `_…` (`_shared`, which only `with_options` passes) are left out of every signature, and a
  default that is a constant of tbapi (`timeout=DEFAULT_TIMEOUT`) is shown as its value (`timeout=30.0`).
- A client inherits its constructor from a base generic in the httpx client type (`_ShanjingClient[H]`): each
  client gets its own copy, with the type its base is given (`ShanjingClient`: `http_client: httpx.Client | None`).
  A constructor that takes its API's settings (`@takes(ShanjingSettings[H])`, `tbapi._client_settings`) is
  documented as the client shows it at run time: the settings as its parameters, and its docstring with their
  descriptions (what `help()` shows).
- A resource attribute (`items = ResourceAttribute(Items)`, `with_raw_response = ResourceAttribute(RawResponses, RawSync)`) is
  shown as the class it makes, with that class's docstring, as at run time (`help(client)`), not as the
  descriptor that makes it.
- The specs' provenance notes (`x-source inferred: …`, written for the maintainers of `openapi/`) are cut from
  every docstring: the paragraph's text from the note on.

Runs after `griffe_twins.TwinMethods` (listed after it in mkdocs.yml), so the twins it made are cleaned too.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator
from typing import Any

import griffe

PROVENANCE = re.compile(r"\s*\bx-source\b.*?(?=\n\s*\n|\Z)", re.DOTALL)
RESOURCE = re.compile(r"ResourceAttribute\((\w+)")
TYPE_VARIABLE = re.compile(r"^Generic\[(\w+)\]$")
GIVEN_TYPE = re.compile(r"^(\w+)\[(.+)\]$")


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """Every object defined (not imported) in a module tree."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(
            member, griffe.Module | griffe.Class | griffe.Function | griffe.Attribute
        ):
            yield from _objects(member)


def _docstring(text: str, like: griffe.Docstring, parent: griffe.Object) -> griffe.Docstring:
    """A docstring parsed as `like` is (Google style: its `Args:` and `Raises:` become tables)."""
    return griffe.Docstring(text, parent=parent, parser=like.parser, parser_options=like.parser_options)


def _public_parameters(function: griffe.Function, constants: dict[str, str]) -> None:
    private = [parameter.name for parameter in function.parameters if parameter.name.startswith("_")]
    if private:
        function.parameters = griffe.Parameters(*(p for p in function.parameters if p.name not in private))
    for parameter in function.parameters:
        default = parameter.default
        if isinstance(default, griffe.ExprName) and default.canonical_path in constants:
            parameter.default = constants[default.canonical_path]


def _without_provenance(obj: griffe.Object) -> None:
    if obj.docstring is not None and "x-source" in obj.docstring.value:
        obj.docstring.value = PROVENANCE.sub("", obj.docstring.value).strip()


def _type_variables(cls: griffe.Class) -> list[str]:
    return [match.group(1) for base in cls.bases if (match := TYPE_VARIABLE.match(str(base)))]


def _constructor_of_its_type(cls: griffe.Class, classes: dict[str, griffe.Class]) -> None:
    """`cls(_Base[httpx.Client], …)` where `_Base(Generic[H])` declares `__init__`: a copy with H given."""
    for base in cls.bases:
        match = GIVEN_TYPE.match(str(base))
        left = base.left if isinstance(base, griffe.ExprSubscript) else None
        generic = classes.get(left.canonical_path) if isinstance(left, griffe.Expr) else None
        init = generic.members.get("__init__") if generic is not None else None
        if match is None or generic is None or not isinstance(init, griffe.Function) or "__init__" in cls.members:
            continue
        variables = _type_variables(generic)
        if len(variables) != 1:
            continue
        given = re.compile(rf"\b{re.escape(variables[0])}\b")
        parameters = [
            griffe.Parameter(
                p.name,
                annotation=given.sub(match.group(2), str(p.annotation)) if p.annotation is not None else None,
                kind=p.kind,
                default=p.default,
                docstring=p.docstring,
            )
            for p in init.parameters
        ]
        copy = griffe.Function(
            "__init__",
            parameters=griffe.Parameters(*parameters),
            returns=init.returns,
            lineno=init.lineno,
            endlineno=init.endlineno,
        )
        if init.docstring is not None:
            copy.docstring = _docstring(init.docstring.value, init.docstring, copy)
        if any(str(decorator.value).startswith("takes(") for decorator in init.decorators):
            _as_at_run_time(cls, copy, init)
        cls.set_member("__init__", copy)


def _as_at_run_time(cls: griffe.Class, copy: griffe.Function, init: griffe.Function) -> None:
    """The parameters and docstring of the constructor of `cls` as the imported class has them."""
    runtime = getattr(importlib.import_module(cls.module.path), cls.name)
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    for p in inspect.signature(runtime).parameters.values():
        default = None if p.default is inspect.Parameter.empty else repr(p.default)
        parameters.append(
            griffe.Parameter(p.name, annotation=p.annotation, kind=griffe.ParameterKind.keyword_only, default=default)
        )
    copy.parameters = griffe.Parameters(*parameters)
    if init.docstring is not None:
        copy.docstring = _docstring(inspect.getdoc(runtime.__init__) or "", init.docstring, copy)


def _shown_as_resource(attribute: griffe.Attribute, classes: dict[str, griffe.Class]) -> None:
    match = RESOURCE.match(str(attribute.value))
    made = classes.get(attribute.parent.resolve(match.group(1))) if match and attribute.parent else None
    if made is None:
        return
    attribute.annotation = made.name
    attribute.value = None
    attribute.labels.clear()
    if made.docstring is not None and attribute.docstring is None:
        attribute.docstring = _docstring(made.docstring.value, made.docstring, attribute)


class PublicSignatures(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        objects = list(_objects(pkg))
        classes = {obj.path: obj for obj in objects if isinstance(obj, griffe.Class)}
        for cls in classes.values():
            _constructor_of_its_type(cls, classes)
        constants = {
            obj.path: str(obj.value)
            for obj in objects
            if isinstance(obj, griffe.Attribute) and obj.parent is not None and obj.parent.is_module and obj.value
        }
        inits = [init for cls in classes.values() if isinstance(init := cls.members.get("__init__"), griffe.Function)]
        for obj in [*objects, *inits]:
            _without_provenance(obj)
            if isinstance(obj, griffe.Function):
                _public_parameters(obj, constants)
            if isinstance(obj, griffe.Attribute):
                _shown_as_resource(obj, classes)
