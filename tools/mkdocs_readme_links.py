"""mkdocs hook: the site's front page is the README (`docs/index.md` includes it), whose links are written for a
reader at the repository's root (`docs/fleets.md`); on the site the same page is `fleets.md`. The include is
expanded here, before mkdocs checks the links, with those links made relative to `docs/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

INCLUDE_README = '--8<-- "README.md"'


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    if markdown.strip() != INCLUDE_README:
        return markdown
    readme = Path(config["config_file_path"]).parent / "README.md"
    return readme.read_text(encoding="utf-8").replace("](docs/", "](")
