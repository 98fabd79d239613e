"""The generated models, as openapi/templates/model.py.jinja makes them (see the comment at its top)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from types import ModuleType

import attrs
import pytest
import shanjing_client.models
import taobao_top_client.models


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


MODELS = model_classes(shanjing_client.models) + model_classes(taobao_top_client.models)


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
