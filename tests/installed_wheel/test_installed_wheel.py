"""What a user's `pip install tbapi-sdk` gives them: the distribution's name, and what their type checker sees.

The wheel is built from this checkout, installed into a fresh venv outside the repository and checked with
`mypy --strict` from a directory outside it too, so nothing of the source tree (`generated/`, `wrapper/`,
the project's mypy config) can stand in for what the wheel ships. To stay cheap (it runs in `make test`),
the fresh venv is made without pip, the wheel goes in with `--no-deps`, and a `.pth` file lends it this
venv's site-packages for the dependencies and mypy itself: the tbapi, shanjing_client and taobao_top_client
that mypy sees are the wheel's (this venv has tbapi only as an editable install, which a `.pth` does not load).
"""

from __future__ import annotations

import re
import subprocess
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.conftest import TESTS

pytestmark = pytest.mark.timeout(180)

REPO = TESTS.parent
PACKAGES = ("tbapi", "tbapi/_generated/shanjing_client", "tbapi/_generated/taobao_top_client")
# `tbapi` on PyPI is an unrelated project: ours installs as tbapi-sdk and imports as tbapi.
DISTRIBUTION = "tbapi-sdk"
START_MOCK = "from tbapi.testing import started_mock_servers\nstarted_mock_servers().__enter__()"
# Each extra, and user code that needs it, run where the extra's module cannot be imported.
NEEDS_EXTRA = {
    "cli": ("click", "from tbapi.cli import main\nmain(['--version'])"),
    "redis": ("redis", "import tbapi\ntbapi.RateLimiter(5, redis_url='redis://127.0.0.1:1', key='k')"),
    "testing": (
        "yaml",
        "from tbapi.testing import ExampleTransport\nExampleTransport(examples={'getItem': 'success'})",
    ),
    "mock": ("uvicorn", f"import os\nos.environ['TBAPI_MOCK_DIR'] = {str(REPO)!r}\n{START_MOCK}"),
}

CORRECT = """\
import tbapi


def first_title(client: tbapi.ShanjingClient) -> str:
    title = client.items.get(1).title
    return title if title is not None else ""
"""
# What the fields are to mypy: their declared types, with None for absent (no sentinel of a generated package).
REVEALED = """\
import tbapi


def show(client: tbapi.ShanjingClient, top: tbapi.TopClient) -> None:
    reveal_type(client.items.get(1).title)
    reveal_type([p.name for p in top.products.search(fields=["name"], q="x").products])
"""
REVEALED_TYPES = ['"str | None"', '"list[str | None]"']
# Each twin of a flow, as a user's type checker sees it: the blocking result, awaited, an iterator, a raw response.
TWINS = """\
import tbapi


async def show(client: tbapi.AsyncShanjingClient, top: tbapi.TopClient) -> None:
    reveal_type(await client.items.get(1))
    reveal_type(client.items.iter_search("x"))
    reveal_type(await client.with_raw_response.items.get(1))
    reveal_type(top.with_raw_response.call("taobao.time.get"))
    reveal_type(top.products.iter_search(fields=["name"], q="x"))
"""
TWIN_TYPES = [
    '"tbapi._generated.shanjing_client.models.item_detail.ItemDetail"',
    '"typing.AsyncGenerator[tbapi._generated.shanjing_client.models.search_item.SearchItem, None]"',
    '"tbapi._engine.raw.RawResponse[tbapi._generated.shanjing_client.models.item_detail.ItemDetail]"',
    '"tbapi._engine.raw.RawResponse[dict[str, Any]]"',
    '"typing.Generator[tbapi._generated.taobao_top_client.models.product.Product, None, None]"',
]
# The field is a str: assigning it to `bytes` must fail on line 5, and only there.
WRONG = """\
import tbapi


def title_bytes(client: tbapi.ShanjingClient) -> bytes:
    x: bytes = client.items.get(1).title
    return x
"""
WRONG_LINE = 5
# The per-call options, as openai-python users write them, on every kind of call: accepted by a type checker;
# a wrong type among them is refused on its line.
PER_CALL = """\
import httpx
import tbapi


async def calls(client: tbapi.AsyncShanjingClient, top: tbapi.TopClient) -> None:
    await client.items.get(1, extra_headers={"X-Trace": "t"}, extra_query={"debug": True}, timeout=5)
    client.items.iter_search("x", timeout=httpx.Timeout(10, connect=2))
    top.products.search(fields=["name"], extra_body={"new_param": "v"})
    top.with_raw_response.call("taobao.time.get", extra_query={"partner_id": 7})
    top.call("taobao.time.get", extra_headers=["X-Trace"])
"""
PER_CALL_WRONG_LINE = 10
# The clients and `get_many` take their keywords from dataclasses: a type checker sees each keyword with its type,
# and refuses a misspelt one or a wrong type on its line.
KEYWORDS = """\
import httpx
import tbapi


def make() -> None:
    tbapi.ShanjingClient(access_token="t", timeout=httpx.Timeout(3), http_client=httpx.Client(), max_retries=1)
    tbapi.AsyncTopClient(app_key="k", app_secret="s", clock=None, http_client=httpx.AsyncClient(), telemetry=False)
    tbapi.ShanjingClient(acess_token="t")
    tbapi.TopClient(http_client=httpx.AsyncClient())
    tbapi.ShanjingClient().items.get_many([1], concurrency=4, language="en", timeout=5)
    tbapi.ShanjingClient().products.get_many(ids=[1], concurency=4)
"""
KEYWORDS_REFUSED = [
    (8, 'error: Unexpected keyword argument "acess_token" for "ShanjingClient"'),
    (9, 'error: Argument "http_client" to "TopClient" has incompatible type "AsyncClient"'),
    (11, 'error: Unexpected keyword argument "concurency"'),
]


def readme_quickstart() -> str:
    """The first Python block under the README's `## Quickstart`."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "README.md has no python block under ## Quickstart"
    return match.group(1)


@pytest.fixture(scope="module")
def mypy_output(user_python: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """`mypy --strict` over the user scripts, run once from a directory outside the repo: lines per script."""
    project = tmp_path_factory.mktemp("user-project")
    scripts = {"quickstart.py": readme_quickstart(), "correct.py": CORRECT, "wrong.py": WRONG, "revealed.py": REVEALED}
    scripts["twins.py"] = TWINS
    scripts["per_call.py"] = PER_CALL
    scripts["keywords.py"] = KEYWORDS
    for name, source in scripts.items():
        (project / name).write_text(textwrap.dedent(source), encoding="utf-8")
    run = subprocess.run(
        [user_python, "-m", "mypy", "--strict", "--no-incremental", *scripts],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert run.returncode in (0, 1), run.stdout + run.stderr  # 2 would be a crash or a usage error
    lines = run.stdout.splitlines()
    return {name: [line for line in lines if line.startswith(f"{name}:")] for name in scripts}


def test_wheel_ships_py_typed_for_every_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"{package}/py.typed" for package in PACKAGES} <= names


def test_the_wheel_puts_only_tbapi_at_the_top_of_site_packages(wheel: Path) -> None:
    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert tops == {"tbapi", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}


def test_the_wheel_is_the_tbapi_sdk_distribution_of_the_tbapi_package(user_python: Path) -> None:
    code = "import importlib.metadata as m; print(m.metadata('tbapi-sdk')['Name'], m.packages_distributions()['tbapi'])"
    shown = subprocess.check_output([user_python, "-c", code], text=True, cwd=user_python.parent)
    assert shown.split(maxsplit=1) == [DISTRIBUTION, f"['{DISTRIBUTION}']\n"]


def test_an_error_from_the_wheel_is_named_tbapi_x_in_its_traceback(user_python: Path) -> None:
    code = "import tbapi.shanjing; raise tbapi.ValidationError('page_size', 'must be 1-100')"
    run = subprocess.run([user_python, "-c", code], capture_output=True, text=True, cwd=user_python.parent)
    assert run.stderr.splitlines()[-1] == "tbapi.ValidationError: page_size: must be 1-100"


@pytest.mark.parametrize("extra", sorted(NEEDS_EXTRA))
def test_a_missing_extra_is_named_with_the_distribution_that_provides_it(user_python: Path, extra: str) -> None:
    module, code = NEEDS_EXTRA[extra]
    hide = f"import sys; sys.modules[{module!r}] = None\n"
    run = subprocess.run([user_python, "-c", hide + code], capture_output=True, text=True, cwd=user_python.parent)
    assert run.returncode != 0
    assert f"pip install '{DISTRIBUTION}[{extra}]'" in run.stderr


def test_the_wheel_is_what_mypy_sees(user_python: Path) -> None:
    located = subprocess.check_output(
        [
            user_python,
            "-c",
            "import tbapi, tbapi._generated.shanjing_client as s, tbapi._generated.taobao_top_client as t;"
            " print(tbapi.__file__, s.__file__, t.__file__)",
        ],
        text=True,
        cwd=user_python.parent,
    )
    assert str(REPO) not in located
    assert located.count(str(user_python.parent.parent)) == len(PACKAGES)


def test_readme_quickstart_passes_mypy_strict(mypy_output: dict[str, list[str]]) -> None:
    assert mypy_output["quickstart.py"] == []


def test_correct_user_script_passes_mypy_strict(mypy_output: dict[str, list[str]]) -> None:
    assert mypy_output["correct.py"] == []


def test_wrong_use_of_a_field_fails_on_its_line(mypy_output: dict[str, list[str]]) -> None:
    (error,) = mypy_output["wrong.py"]
    assert error.startswith(f"wrong.py:{WRONG_LINE}: error: Incompatible types in assignment")


def test_user_code_sees_the_declared_field_types_with_none_for_absent(mypy_output: dict[str, list[str]]) -> None:
    revealed = [line.split("Revealed type is ", 1)[1] for line in mypy_output["revealed.py"]]
    assert revealed == REVEALED_TYPES


def test_user_code_sees_each_twin_with_the_type_it_returns(mypy_output: dict[str, list[str]]) -> None:
    revealed = [line.split("Revealed type is ", 1)[1] for line in mypy_output["twins.py"]]
    assert revealed == TWIN_TYPES


def test_user_code_may_pass_the_per_call_options_to_every_call(mypy_output: dict[str, list[str]]) -> None:
    (error,) = mypy_output["per_call.py"]
    assert error.startswith(f'per_call.py:{PER_CALL_WRONG_LINE}: error: Argument "extra_headers"')


def test_user_code_sees_each_keyword_of_a_client_and_of_get_many(mypy_output: dict[str, list[str]]) -> None:
    errors = [line for line in mypy_output["keywords.py"] if ": error: " in line]
    refused = [(int(line.split(":")[1]), line.split(": ", 1)[1]) for line in errors]
    assert [
        (n, text[: len(expected)]) for (n, text), (_, expected) in zip(refused, KEYWORDS_REFUSED, strict=False)
    ] == (KEYWORDS_REFUSED)
    assert len(refused) == len(KEYWORDS_REFUSED), errors
