"""Chinese text that the specs quote as a page's words is that page's text, verbatim: found in the seed documents
(`../shared/seeds`, beside the project) or in a code span of the reference notes (`../shared/reference`), where
the published examples of the other pages are copied verbatim. A quote retold from memory or translated back reads
as the source and is not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PROSE_KEYS = frozenset({"description", "summary", "x-source-note", "x-required-source-note"})
QUOTED = re.compile(r'"([^"\n]*)"|“([^”\n]*)”|「([^」\n]*)」')
HAN = re.compile(r"[\u4e00-\u9fff]")
CODE_SPAN = re.compile(r"`([^`]+)`")


def sources() -> str:
    texts = [p.read_text("utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for note in sorted((SHARED / "reference").glob("*.md")):
        texts += CODE_SPAN.findall(note.read_text("utf-8"))
    return "\n".join(texts)


def prose(node: Any, key: str = "") -> Iterator[str]:
    """Every description, summary and note of a parsed spec."""
    if isinstance(node, dict):
        for name, child in node.items():
            yield from prose(child, name)
    elif isinstance(node, list):
        for child in node:
            yield from prose(child, key)
    elif isinstance(node, str) and key in PROSE_KEYS:
        yield node


def quotes(text: str) -> list[str]:
    """The quoted runs of `text` that hold Chinese."""
    found = ["".join(groups) for groups in QUOTED.findall(text)]
    return [q for q in found if HAN.search(q)]


def spec_quotes(name: str) -> list[str]:
    spec = yaml.safe_load((ROOT / "openapi" / f"{name}.yaml").read_text("utf-8"))
    return sorted({q for text in prose(spec) for q in quotes(text)})


@pytest.mark.parametrize("name", ["shanjing", "top"])
def test_every_quoted_chinese_text_is_a_sources_words_verbatim(name: str) -> None:
    known = sources()
    assert [q for q in spec_quotes(name) if q not in known] == []


def test_quotes_are_found_in_both_quote_styles() -> None:
    text = 'The page says "图片搜索接口尚不支持分页查询" and “不支持” but not this: 中文.'
    assert quotes(text) == ["图片搜索接口尚不支持分页查询", "不支持"]
