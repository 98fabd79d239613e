"""The generated models, as openapi/templates/model.py.jinja makes them (see the comment at its top)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
import typing
from types import ModuleType

import attrs
import pytest

from tbapi._generated.shanjing_client import models as shanjing_models
from tbapi._generated.taobao_top_client import models as top_models


def model_classes(package: ModuleType) -> list[type]:
    classes = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        classes += [
            cls
            for cls in vars(module).values()
            if inspect.isclass(cls)
            and attrs.has(cls)
            and cls.__module__ == module.__name__
            and hasattr(cls, "from_dict")
        ]
    return classes


MODELS = model_classes(shanjing_models) + model_classes(top_models)


def test_every_package_has_models() -> None:
    assert len(MODELS) > 20


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_from_dict_passes_the_attributes_positionally_in_init_order(cls: type) -> None:
    source = textwrap.dedent(inspect.getsource(cls.from_dict))  # type: ignore[attr-defined]
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cls"
    ]
    (call,) = calls
    assert not call.keywords
    passed = [arg.id for arg in call.args if isinstance(arg, ast.Name)]
    assert passed == [field.name for field in attrs.fields(cls) if field.init]


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_from_dict_runs_no_import_statement(cls: type) -> None:
    source = textwrap.dedent(inspect.getsource(cls.from_dict))  # type: ignore[attr-defined]
    assert not [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import | ast.ImportFrom)]


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_no_field_type_mentions_unset(cls: type) -> None:
    hints = typing.get_type_hints(cls)
    assert not [name for name, hint in hints.items() if "Unset" in str(hint)]


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_every_optional_field_defaults_to_none(cls: type) -> None:
    defaults = {
        field.name: field.default for field in attrs.fields(cls) if field.init and field.default is not attrs.NOTHING
    }
    assert all(default is None for default in defaults.values()), defaults


def has_required_fields(cls: type) -> bool:
    return any(field.init and field.default is attrs.NOTHING for field in attrs.fields(cls))


@pytest.mark.parametrize("cls", [c for c in MODELS if not has_required_fields(c)], ids=lambda cls: cls.__name__)
def test_repr_of_an_empty_answer_names_no_field(cls: type) -> None:
    assert repr(cls.from_dict({})) == f"{cls.__name__}()"  # type: ignore[attr-defined]
