"""Parameter types of the `tbapi` command: JSON (inline or `@file`), render items, `key=value` pairs, spec enums."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    ParamType = click.ParamType[Any]  # generic for type checkers (click ≥ 8.2), plain at run time
else:
    ParamType = click.ParamType


class SpecChoice(click.Choice[str]):
    """The values of a Shanjing spec enum (`openapi/shanjing.yaml`, e.g. `language`) as a choice in a stable
    order, read from the generated model when first needed — to check a value given, or to list them in
    `--help` — so that declaring the option imports nothing (a fleet command does not import the client)."""

    def __init__(self, enum: str) -> None:
        self.enum = enum  # the generated model module, whose `<ENUM>_VALUES` are the choices
        self._values: tuple[str, ...] | None = None
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        if self._values is None:
            model = importlib.import_module(f"tbapi._generated.shanjing_client.models.{self.enum}")
            self._values = tuple(sorted(getattr(model, f"{self.enum.upper()}_VALUES")))
        return self._values

    @choices.setter
    def choices(self, given: Iterable[str]) -> None:
        """`click.Choice.__init__` sets its choices: here they are the spec's, read when first needed."""


class JsonValue(ParamType):
    """JSON text, or `@path` to a file holding it."""

    name = "json"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        text = value
        if value.startswith("@"):
            try:
                text = Path(value[1:]).read_text("utf-8")
            except OSError as exc:
                self.fail(f"cannot read {value[1:]!r}: {exc.strerror}", param, ctx)
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            self.fail(f"not JSON ({exc.msg} at character {exc.pos})", param, ctx)


class RenderItemValue(JsonValue):
    """`MP_ID:MP_SKU_ID:QUANTITY` (the 撞库 ids), or a JSON object with the wire keys."""

    name = "item"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.lstrip().startswith(("{", "@")):
            parts = value.split(":")
            if len(parts) != 3 or not parts[2].isdigit():
                self.fail(f"expected MP_ID:MP_SKU_ID:QUANTITY or a JSON object, got {value!r}", param, ctx)
            return {"itemId": parts[0], "skuId": parts[1], "quantity": int(parts[2])}
        return super().convert(value, param, ctx)


class KeyValue(ParamType):
    """`name=value` (the value may be empty or contain `=`)."""

    name = "key=value"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        name, sep, rest = str(value).partition("=")
        if not sep or not name:
            self.fail(f"expected name=value, got {value!r}", param, ctx)
        return name, rest


def json_list(values: tuple[Any, ...]) -> list[Any]:
    """Repeated JSON options as one list; an option holding a JSON array contributes its elements."""
    merged: list[Any] = []
    for value in values:
        merged.extend(value if isinstance(value, list) else [value])
    return merged


def ids(text: str | None) -> list[int] | None:
    """`1,2,3` → [1, 2, 3] (None stays None); a bad id is a usage error."""
    if text is None:
        return None
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise click.BadParameter(f"expected comma-separated whole numbers, got {text!r}") from exc
