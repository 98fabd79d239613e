"""A package's exports imported on first use (PEP 562), so that importing the package — or one of its light
submodules, which imports the package first — does not import the heavy ones.

`tbapi` keeps `import tbapi` cheap this way; `tbapi.shanjing` lets the CLI's fleet commands and the fleet's
run store use its small modules (change lines, result lines) without importing the client.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


class LazyExports:
    """The exports of one package: `attributes` names, by the module that defines them; `modules`, submodules
    exported under a name.

    `load` is the package's `__getattr__`: it imports the export's module, keeps the value in the package's
    namespace (later reads do not come back here) and calls `loaded` (tbapi's `_publish`, which gives the
    value its public module name).
    """

    def __init__(
        self,
        namespace: dict[str, Any],
        attributes: Mapping[str, Iterable[str]],
        loaded: Callable[[], None],
        modules: Mapping[str, str] | None = None,
    ) -> None:
        self.namespace = namespace
        # Each export: (module, attribute), attribute None for a module exported itself.
        self.sources: dict[str, tuple[str, str | None]] = {
            name: (module, name) for module, names in attributes.items() for name in names
        }
        self.sources |= {name: (module, None) for name, module in (modules or {}).items()}
        self._loaded = loaded

    def load(self, name: str) -> Any:
        if name not in self.sources:
            raise AttributeError(f"module {self.namespace['__name__']!r} has no attribute {name!r}")
        module_name, attribute = self.sources[name]
        module = importlib.import_module(module_name)
        value = module if attribute is None else getattr(module, attribute)
        self.namespace[name] = value
        self._loaded()
        return value
