"""Exported names show where users import them from: `tbapi.ValidationError` in tracebacks, reprs and
pickles, `tbapi.shanjing.TokenRecord` for a name of the Shanjing package alone."""

from __future__ import annotations

import importlib
import inspect
import pickle
import subprocess
import sys
import typing
from typing import Any

import pytest

import tbapi
import tbapi.shanjing
import tbapi.testing
import tbapi.top

PUBLIC_MODULES = ("tbapi", "tbapi.shanjing", "tbapi.top", "tbapi.testing")


def exported(module_name: str) -> list[tuple[str, Any]]:
    """The classes and functions a public module exports, except the generated models it re-exports."""
    module = importlib.import_module(module_name)
    values = [(name, getattr(module, name)) for name in module.__all__]
    return [
        (name, value)
        for name, value in values
        if (inspect.isclass(value) or inspect.isfunction(value)) and "._generated" not in value.__module__
    ]


EXPORTS = [(module, name, value) for module in PUBLIC_MODULES for name, value in exported(module)]
TOP_LEVEL = {name for name, _ in exported("tbapi")}


@pytest.mark.parametrize(("module", "name", "value"), EXPORTS, ids=lambda v: v if isinstance(v, str) else "")
def test_an_exported_name_names_its_public_module(module: str, name: str, value: Any) -> None:
    assert value.__module__ == ("tbapi" if name in TOP_LEVEL else module)
    assert getattr(importlib.import_module(value.__module__), value.__qualname__) is value


def test_a_name_tbapi_re_exports_is_tbapi_x_even_when_its_package_is_imported_first() -> None:
    code = "import tbapi.shanjing as s, tbapi.top as t; print(s.ShanjingClient, t.AsyncTopClient, s.TokenRecord)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.split() == [
        "<class",
        "'tbapi.ShanjingClient'>",
        "<class",
        "'tbapi.AsyncTopClient'>",
        "<class",
        "'tbapi.shanjing.TokenRecord'>",
    ]


def test_dir_of_tbapi_lists_its_exports_before_any_is_loaded_and_no_plumbing() -> None:
    code = "import tbapi; print(' '.join(dir(tbapi)))"
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert listed == sorted(tbapi.__all__)
    assert {"ShanjingClient", "TopClient", "types"} <= set(listed)


def test_a_traceback_names_the_error_as_tbapi_x() -> None:
    code = "import tbapi; raise tbapi.ValidationError('page_size', 'must be 1-100')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stderr.splitlines()[-1] == "tbapi.ValidationError: page_size: must be 1-100"


@pytest.mark.parametrize(("module", "name", "value"), EXPORTS, ids=lambda v: v if isinstance(v, str) else "")
def test_the_type_hints_of_an_exported_class_still_resolve(module: str, name: str, value: Any) -> None:
    hints = typing.get_type_hints(value)
    assert all(not isinstance(hint, str | typing.ForwardRef) for hint in hints.values())


def test_an_error_pickles_by_its_public_name() -> None:
    assert pickle.dumps(tbapi.ValidationError, protocol=0).startswith(b"ctbapi\nValidationError\n")
    error = pickle.loads(pickle.dumps(tbapi.ValidationError("page_size", "must be 1-100")))
    assert (type(error), error.param) == (tbapi.ValidationError, "page_size")


def test_a_token_record_survives_pickling() -> None:
    record = tbapi.shanjing.TokenRecord(access_token="tok-pickled", refresh_token="ref-pickled", expires_at=9.0)
    assert pickle.loads(pickle.dumps(record)) == record
