"""The `tbapi` command: the root group and its error handling, the options every command shares (and the
helpers the API groups declare theirs with), how a command builds its client and prints its result."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Final, TypeVar

import attrs
import click
import httpx

from .. import testing  # the mock's public helpers and test credentials
from .._exceptions import TbapiError
from .._logs import logger
from .._version import __version__
from ._errors import EXIT_ERROR, EXIT_USAGE, report, report_interrupted, report_json
from ._output import emit, with_progress
from ._writing import STDOUT, OutputError, flushed_stdout

F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C", bound=AbstractContextManager[Any])
V = TypeVar("V")

EPILOG = """\b
Exit codes: 0 ok · 1 other error · 2 usage or invalid argument · 3 authentication ·
4 permission · 5 rate limit · 6 request rejected · 7 server error · 8 connection or timeout ·
9 unexpected response · 10 some ids of a bulk command failed (--from) · 11 the output could not be
written (full disk, missing or unwritable directory, closed pipe) · 130 interrupted.
"""


@attrs.define
class Settings:
    """What the shared options set, for whichever command runs."""

    as_json: bool = False
    mock: bool = False
    offline: bool = False
    example: str | None = None
    timeout: float | None = None
    max_retries: int | None = None
    mock_servers: testing.MockServers | None = None
    credentials: dict[str, Any] = attrs.Factory(dict)  # the command's credential options, by name


def settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None and value is not False and param.name is not None:
        setattr(ctx.ensure_object(Settings), param.name, value)


def _store_example(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """`--example NAME`: a name no operation of either spec has is a usage error (exit 2), not a call."""
    if value is not None:
        known = testing.example_names()
        if value not in known:
            raise click.BadParameter(f"no example {value!r} in the specs; they have: {', '.join(sorted(known))}")
    _store(ctx, param, value)


def option_group(*options: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options (or groups of them) as one decorator; `--help` lists them in the order given."""

    def apply(fn: F) -> F:
        for option in reversed(options):
            fn = option(fn)
        return fn

    return apply


def _setting(*decls: str, callback: Callable[..., None] = _store, **attributes: Any) -> Callable[[F], F]:
    """A shared option: it sets a field of `Settings`, it is not an argument of the command."""
    return click.option(*decls, expose_value=False, callback=callback, **attributes)


def _setting_flag(*decls: str, help: str) -> Callable[[F], F]:
    return _setting(*decls, is_flag=True, default=None, help=help)


shared_options = option_group(
    _setting_flag("--json", "as_json", help="Print JSON (models as their wire dicts) instead of a table."),
    _setting_flag("--mock", help="Call the local mock with its test credentials (see `tbapi --help`)."),
    _setting_flag(
        "--offline", help="Answer from the specs' examples (tbapi.testing.ExampleTransport): no network at all."
    ),
    _setting(
        "--example",
        metavar="NAME",
        callback=_store_example,
        help="With --mock or --offline: answer with this named example of the spec (e.g. expiredToken).",
    ),
    _setting("--timeout", type=click.FloatRange(min=0, min_open=True), help="Seconds per request (default 30)."),
    _setting("--max-retries", type=click.IntRange(min=0), help="Retries of failed requests (default 2)."),
)
"""`--json`, `--mock`, `--offline`, `--example`, `--timeout`, `--max-retries`: on `tbapi` and every command."""


def _store_credential(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if param.name is not None:
        ctx.ensure_object(Settings).credentials[param.name] = value


def credential(*decls: str, **attributes: Any) -> Callable[[F], F]:
    """A credential option of an API's commands: kept in `Settings.credentials` for `build_client`."""
    return click.option(*decls, expose_value=False, callback=_store_credential, **attributes)


def repeated(*decls: str, **attributes: Any) -> Callable[[F], F]:
    """A repeatable option; the command gets the list of its values, or None when it is not given."""
    return click.option(*decls, multiple=True, callback=lambda _ctx, _param, values: list(values) or None, **attributes)


walk_options = option_group(
    click.option("--all", "all_pages", is_flag=True, help="Walk every page (a progress bar shows on a terminal)."),
    click.option("--max-items", type=click.IntRange(min=0), help="Walk the pages, stop after this many."),
)
"""`--all` / `--max-items` of a listing command: the arguments of `emit_pages`."""


def asks_for_json(args: Sequence[str]) -> bool:
    """Is `--json` anywhere on the command line (before a `--` that ends the options)?"""
    options = args[: args.index("--")] if "--" in args else args
    return "--json" in options


# The root's groups, each imported when a command of it runs: a fleet command does not import the clients.
SUBCOMMANDS: Final = {"fleet": "tbapi.cli._fleet", "shanjing": "tbapi.cli._shanjing", "top": "tbapi.cli._top"}


class TbapiGroup(click.Group):
    """The root group: turns every error into one readable line (a JSON object when `--json` is anywhere on the
    line, even before the options are read) and its exit code, never a traceback. Its groups are `SUBCOMMANDS`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS and cmd_name not in self.commands:
            self.add_command(getattr(importlib.import_module(SUBCOMMANDS[cmd_name]), cmd_name))
        return super().get_command(ctx, cmd_name)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        as_json = asks_for_json(args)
        try:  # every command's context shares this Settings (`ctx.obj`)
            return super().make_context(info_name, args, parent, obj=Settings(as_json=as_json), **extra)
        except click.UsageError as error:
            if not as_json:
                raise
            raise click.exceptions.Exit(report_usage(error)) from None

    def invoke(self, ctx: click.Context) -> Any:
        state = ctx.ensure_object(Settings)  # made in `make_context`: every command's context shares it
        try:
            try:
                return super().invoke(ctx)
            finally:
                flushed_stdout()
        except TbapiError as error:
            ctx.exit(report(error, as_json=state.as_json))
        except testing.MockUnavailable as error:
            if state.as_json:
                ctx.exit(report_json("MockUnavailable", f"the mock is not available: {error}", EXIT_USAGE))
            click.secho(f"tbapi: the mock is not available: {error}", err=True, fg="red")
            click.echo("hint: run `make mock` in a tbapi checkout and export what it prints", err=True)
            ctx.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            ctx.exit(report_interrupted(as_json=state.as_json))
        except click.UsageError as error:
            if state.as_json:
                ctx.exit(report_usage(error))
            raise
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError as error:  # the command's pipes are stdout and stderr: stdout, whose reader left
            raise OutputError(STDOUT, error) from None
        except Exception as error:  # a bug: still no traceback unless asked for
            logger.debug("unexpected error", exc_info=True)
            if state.as_json:
                ctx.exit(report_json(type(error).__name__, f"internal error: {error}", EXIT_ERROR))
            click.secho(f"tbapi: internal error ({type(error).__name__}): {error}", err=True, fg="red")
            click.echo("hint: TBAPI_LOG=debug shows the traceback; please report it", err=True)
            ctx.exit(EXIT_ERROR)


def report_usage(error: click.UsageError) -> int:
    """A bad command line as the JSON error object, with the command's usage line for reference."""
    usage = error.ctx.get_usage() if error.ctx is not None else None
    message = error.format_message() if usage is None else f"{error.format_message()} ({usage})"
    return report_json("UsageError", message, EXIT_USAGE)


@click.group(cls=TbapiGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tbapi")
@shared_options
def cli() -> None:
    """Call the Shanjing Ecommerce API and the Taobao Open Platform (TOP) from the terminal.

    \b
    tbapi shanjing image-search --image ./shoe.jpg --language en
    tbapi top products-search --q 优衣库 --fields product_id,name --json

    Credentials come from flags or the environment: TBAPI_SHANJING_ACCESS_TOKEN,
    TBAPI_SHANJING_REFRESH_TOKEN, TBAPI_SHANJING_TOKEN_FILE, TBAPI_TOP_APP_KEY, TBAPI_TOP_APP_SECRET,
    TBAPI_TOP_SESSION (and TBAPI_SHANJING_BASE_URL / TBAPI_TOP_BASE_URL). Secrets are never printed.

    --mock calls the local mock with its test credentials: the TBAPI_*_BASE_URL exported from
    `make mock` when they point at this machine, else a `make mock` running on ports 4010-4012, else
    (in a source checkout with Node) the bundled mock, started for this one command.
    """


# --- clients ---------------------------------------------------------------------------------------------


def mock_servers() -> testing.MockServers:
    """The mock to call with `--mock` (see `tbapi --help`), started for this command when none runs."""
    state = settings()
    if state.mock_servers is None:
        state.mock_servers = testing.exported_mock() or testing.running_make_mock() or _start_bundled_mock()
    return state.mock_servers


def _start_bundled_mock() -> testing.MockServers:
    testing.find_mock_dir()  # testing.MockUnavailable before promising anything
    click.echo("tbapi: starting the bundled mock for this command (`make mock` keeps one running)…", err=True)
    return click.get_current_context().find_root().with_resource(testing.started_mock_servers())


def http_client() -> httpx.Client | None:
    """The httpx client the tbapi client sends through: the example transport offline; else None, the client's own
    pool (it honours HTTP(S)_PROXY, ALL_PROXY and NO_PROXY), on which a sync `get_many` (`--from FILE`) runs its
    calls on an event loop instead of in threads."""
    if settings().offline:
        return httpx.Client(transport=testing.ExampleTransport())
    return None


def client_options() -> dict[str, Any]:
    state = settings()
    options: dict[str, Any] = {}
    if state.example:  # the mock's `Prefer: example=` header, with every call
        options["default_headers"] = {"Prefer": f"example={state.example}"}
    if state.timeout is not None:
        options["timeout"] = state.timeout
    if state.max_retries is not None:
        options["max_retries"] = state.max_retries
    return options


def offline_base_urls() -> testing.MockServers:
    return testing.MockServers(shanjing="http://127.0.0.1:4010", top_gateway="http://127.0.0.1:4012/router/rest")


def target() -> testing.MockServers | None:
    """Where `--mock` / `--offline` send (None: the configured services)."""
    state = settings()
    if state.offline:
        return offline_base_urls()
    if state.mock:
        return mock_servers()
    return None


def build_client(
    cls: Callable[..., C], mock_defaults: Callable[[testing.MockServers], dict[str, Any]], **arguments: Any
) -> C:
    """The client of this command, closed when it ends: built from `arguments` (its credential options) and the
    shared options; with --mock or --offline, `mock_defaults(where)` fills in the arguments not given."""
    where = target()
    if where is not None:
        arguments |= {name: value for name, value in mock_defaults(where).items() if not arguments.get(name)}
    own = http_client()
    client = cls(**arguments, http_client=None if own is None else managed(own), **client_options())
    managed(client)
    return client


def managed(resource: AbstractContextManager[V]) -> V:
    """Close `resource` (a client) when the command ends."""
    return click.get_current_context().find_root().with_resource(resource)


# --- results ---------------------------------------------------------------------------------------------


def show(
    result: Any, *, columns: Sequence[str] = (), title: str | None = None, units: Mapping[str, str] | None = None
) -> None:
    """Print a command's result: a table (`units`: the unit of each price field), or JSON with --json."""
    emit(result, as_json=settings().as_json, columns=columns, title=title, units=units)


def emit_pages(
    page: Callable[..., Any],
    walk: Callable[..., Iterable[Any]],
    *args: Any,
    label: str,
    columns: Sequence[str],
    title: str,
    units: Mapping[str, str] | None = None,
    all_pages: bool = False,
    max_items: int | None = None,
    **params: Any,
) -> None:
    """One page, `page(*args, **params)`; with --all or --max-items (`walk_options`), the items of every page,
    `walk(*args, max_items=…, **params)`, a progress bar showing on a terminal."""
    if all_pages or max_items is not None:
        walked = walk(*args, max_items=max_items, **params)
        result = list(with_progress(walked, label=label, total=max_items))
    else:
        result = page(*args, **params)
    show(result, columns=columns, title=title, units=units)
