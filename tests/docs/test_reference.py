"""The API reference (`make docs`) shows what users call: every constructor parameter listed one by one, the
client methods beside the resources, every model field with its type — and none of the plumbing or the specs'
provenance notes. Checked on what mkdocstrings renders from: tbapi as griffe loads it with the docs' extensions."""

from __future__ import annotations

import re
from pathlib import Path

import griffe
import pytest

import tbapi.types
from tools.griffe_public import PublicSignatures
from tools.griffe_twins import TwinMethods

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
CLIENTS = [
    "shanjing._client.ShanjingClient",
    "shanjing._client.AsyncShanjingClient",
    "top._client.TopClient",
    "top._client.AsyncTopClient",
]
# Documented on their API's page instead of the models page.
ELSEWHERE = {"Page": "shanjing.md", "TokenRecord": "shanjing.md", "ProductsSearchResult": "top.md"}
TYPE_VARIABLES = re.compile(r"\b[A-Z]\b")  # H, C, M, T: the generic plumbing of the clients and resources


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    extensions = griffe.load_extensions(TwinMethods(), PublicSignatures())
    loader = griffe.GriffeLoader(
        search_paths=[str(ROOT / "wrapper"), str(ROOT / "generated")],
        extensions=extensions,
        docstring_parser=griffe.Parser.google,
    )
    loaded = loader.load("tbapi")
    assert isinstance(loaded, griffe.Module)
    return loaded


def constructor(package: griffe.Module, client: str) -> griffe.Function:
    init = package[client].all_members["__init__"]
    assert isinstance(init, griffe.Function)
    return init


@pytest.mark.parametrize("client", CLIENTS)
def test_a_client_lists_each_constructor_parameter_with_its_own_description(
    package: griffe.Module, client: str
) -> None:
    init = constructor(package, client)
    assert init.docstring is not None
    (described,) = [s for s in init.docstring.parsed if s.kind is griffe.DocstringSectionKind.parameters]
    assert [p.name for p in described.value] == [p.name for p in init.parameters if p.name != "self"]


@pytest.mark.parametrize("client", CLIENTS)
def test_a_client_signature_shows_no_private_parameter_or_type_variable(package: griffe.Module, client: str) -> None:
    shown = [
        (p.name, str(p.annotation))
        for name in ("__init__", "with_options")
        for p in package[client].all_members[name].parameters
        if p.name != "self"
    ]
    assert [(n, a) for n, a in shown if n.startswith("_") or TYPE_VARIABLES.search(a)] == []


@pytest.mark.parametrize("client", CLIENTS)
def test_a_client_documents_with_options_with_raw_response_and_closing(package: griffe.Module, client: str) -> None:
    closing = "aclose" if ".Async" in client else "close"
    members = package[client].all_members
    assert [name for name in ("with_options", "with_raw_response", closing) if members[name].docstring is None] == []
    page = (REFERENCE / ("shanjing.md" if "shanjing" in client else "top.md")).read_text("utf-8")
    block = page.split(f"::: tbapi.{client.split('.')[0]}.{client.rsplit('.', 1)[1]}\n", 1)[1].split(":::", 1)[0]
    assert [name for name in ("with_options", "with_raw_response", closing) if name not in block] == []


def test_no_docstring_carries_a_provenance_note_of_the_specs(package: griffe.Module) -> None:
    noted: list[str] = []

    def visit(obj: griffe.Object) -> None:
        if obj.docstring is not None and "x-source" in obj.docstring.value:
            noted.append(obj.path)
        for member in obj.members.values():
            if not member.is_alias:
                visit(member)  # type: ignore[arg-type]

    visit(package)
    assert noted == []


def test_the_models_page_shows_every_model_with_all_its_fields() -> None:
    page = (REFERENCE / "types.md").read_text("utf-8")
    blocks = dict(re.findall(r"::: tbapi\.types\.(\w+)\n((?:    .*\n)*)", page))
    missing = [name for name in tbapi.types.__all__ if name not in blocks and name not in ELSEWHERE]
    assert (missing, [n for n, options in blocks.items() if "show_if_no_docstring: true" not in options]) == ([], [])


@pytest.mark.parametrize(("name", "page"), sorted(ELSEWHERE.items()))
def test_a_result_type_is_on_its_apis_page(name: str, page: str) -> None:
    assert f"::: tbapi.{page.removesuffix('.md')}.{name}\n" in (REFERENCE / page).read_text("utf-8")


def blocks_of(page: str) -> dict[str, str]:
    """Each `::: path` block of a reference page: its options."""
    return dict(re.findall(r"::: ([\w.]+)\n((?:    .*\n)*)", (REFERENCE / page).read_text("utf-8")))


def test_a_class_users_never_construct_is_shown_without_a_constructor() -> None:
    blocks = {**blocks_of("shanjing.md"), **blocks_of("top.md"), **blocks_of("tbapi.md")}
    made_by_tbapi = [path for path in blocks if ".resources." in path or path == "tbapi.RawResponse"]
    assert len(made_by_tbapi) == 10
    assert [path for path in made_by_tbapi if "merge_init_into_class: false" not in blocks[path]] == []


# The other classes users construct themselves (the dataclasses and attrs classes list their fields instead).
CONSTRUCTED = [
    "_ratelimit.limiter.RateLimiter",
    "shanjing._tokens.InMemoryTokenStore",
    "shanjing._tokens.FileTokenStore",
    "shanjing._redis_tokens.RedisTokenStore",
    "testing._transport.ExampleTransport",
]


@pytest.mark.parametrize("cls", CONSTRUCTED)
def test_a_class_users_construct_describes_each_parameter(package: griffe.Module, cls: str) -> None:
    documented = package[cls]
    init = documented.all_members["__init__"]
    assert documented.docstring is not None
    (described,) = [s for s in documented.docstring.parsed if s.kind is griffe.DocstringSectionKind.parameters]
    assert [p.name for p in described.value] == [p.name for p in init.parameters if p.name != "self"]
