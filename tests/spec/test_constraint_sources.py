"""Every constraint of openapi/*.yaml traces to a source.

A constraint (maxLength, pattern, maximum, enum, … — see `constraints.KEYWORDS`) is either listed in
openapi/documented-constraints.yaml with its exact value and the source that states it, or sits on a node
tagged `x-source: inferred` whose `x-source-note` says why the limit protects the caller. An invented limit
may refuse a valid call, so nothing else passes.

A `required` list (or a parameter's `required: true`) is traced the same way, by its own tag where it has one:
`x-required-source` and `x-required-source-note` say where the requirement comes from when that differs from
the shape's `x-source` (a documented body whose required fields are upstream's, or inferred). A listed
requirement's tag names the family of its listed source.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.spec.constraints import REQUIRED, Constraint, constraints

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"
SPECS = ("shanjing", "top")


@functools.cache
def load(name: str) -> Any:
    return yaml.safe_load((OPENAPI / name).read_text("utf-8"))


def documented(spec: str) -> dict[str, dict[str, dict[str, Any]]]:
    listed: dict[str, dict[str, dict[str, Any]]] = load("documented-constraints.yaml")[spec]
    return listed


def is_documented(constraint: Constraint, listed: dict[str, dict[str, dict[str, Any]]]) -> bool:
    entry = listed.get(constraint.location, {}).get(constraint.keyword)
    return entry is not None and entry["value"] == constraint.value


# The tags of openapi/documented-constraints.yaml that each x-source value stands for.
SOURCE_FAMILIES = {
    "documented": ("[DOC]", "[DOC-EX]", "[SEED]", "[TOP-SDK]", "[TOP-DOC]"),
    "upstream": ("[UP]",),
}


def tag(constraint: Constraint) -> tuple[object, object]:
    """The (x-source, x-source-note) that speaks for `constraint`: a requirement's own tag first."""
    node = constraint.node
    if constraint.keyword == REQUIRED and "x-required-source" in node:
        return node["x-required-source"], node.get("x-required-source-note")
    return node.get("x-source"), node.get("x-source-note")


def is_inferred_with_reason(constraint: Constraint) -> bool:
    source, note = tag(constraint)
    return source == "inferred" and isinstance(note, str) and bool(note.strip())


def untraced(spec: dict[str, Any], listed: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    return [
        f"{c.location} {c.keyword}={c.value!r}"
        for c in constraints(spec)
        if not is_documented(c, listed) and not is_inferred_with_reason(c)
    ]


@pytest.mark.parametrize("spec", SPECS)
def test_every_constraint_is_documented_or_inferred_with_a_reason(spec: str) -> None:
    assert untraced(load(f"{spec}.yaml"), documented(spec)) == []


@pytest.mark.parametrize("spec", SPECS)
def test_every_listed_constraint_is_in_the_spec_with_that_value(spec: str) -> None:
    found = {(c.location, c.keyword): c.value for c in constraints(load(f"{spec}.yaml"))}
    stale = [
        f"{where} {keyword}"
        for where, keywords in documented(spec).items()
        for keyword, entry in keywords.items()
        if found.get((where, keyword), object()) != entry["value"]
    ]
    assert stale == []


@pytest.mark.parametrize("spec", SPECS)
def test_every_listed_constraint_names_its_source(spec: str) -> None:
    unsourced = [
        f"{where} {keyword}"
        for where, keywords in documented(spec).items()
        for keyword, entry in keywords.items()
        if not str(entry.get("source", "")).strip()
    ]
    assert unsourced == []


@pytest.mark.parametrize("spec", SPECS)
def test_a_listed_requirement_is_tagged_with_the_family_of_its_source(spec: str) -> None:
    listed = documented(spec)
    mistagged = [
        f"{c.location} tagged {tag(c)[0]!r}, listed {entry['source']!r}"
        for c in constraints(load(f"{spec}.yaml"))
        if c.keyword == REQUIRED and (entry := listed.get(c.location, {}).get(REQUIRED)) is not None
        if not str(entry["source"]).startswith(SOURCE_FAMILIES.get(str(tag(c)[0]), ("no tag",)))
    ]
    assert mistagged == []


def test_the_walk_finds_required_lists_and_required_parameters() -> None:
    found = {(c.location, c.keyword): c.value for c in constraints(load("shanjing.yaml"))}
    assert found[("CancelOrderRequest", REQUIRED)] == ["purchase_id", "cancel_reason"]
    assert found[("getProduct(item_id)", REQUIRED)] is True
    assert ("searchItems(keyword)", REQUIRED) not in found  # required: false requires nothing


def test_a_requirement_of_a_documented_shape_needs_its_own_source() -> None:
    body = {"type": "object", "x-source": "documented", "required": ["zip"], "properties": {"zip": {}}}
    assert untraced({"components": {"schemas": {"Address": body}}}, {}) == ["Address required=['zip']"]
    inferred = {**body, "x-required-source": "inferred", "x-required-source-note": "A parcel needs a zip."}
    assert untraced({"components": {"schemas": {"Address": inferred}}}, {}) == []


def test_the_walk_finds_constraints_of_parameters_properties_and_items() -> None:
    found = {(c.location, c.keyword) for c in constraints(load("shanjing.yaml"))}
    assert {
        ("searchItems(page_size)", "maximum"),
        ("UploadImageRequest.image_base64", "maxLength"),
        ("Language", "enum"),
    } <= found


def test_an_untagged_invented_limit_is_reported() -> None:
    spec = {
        "components": {
            "schemas": {
                "Address": {"type": "object", "properties": {"zip": {"type": "string", "maxLength": 32}}},
                "Tag": {"type": "string", "minLength": 1, "x-source": "inferred"},
            }
        }
    }
    assert untraced(spec, {}) == ["Address.zip maxLength=32", "Tag minLength=1"]


def test_an_inferred_limit_with_its_reason_passes() -> None:
    tag = {"type": "string", "minLength": 1, "x-source": "inferred", "x-source-note": "An empty tag is no tag."}
    assert untraced({"components": {"schemas": {"Tag": tag}}}, {}) == []
