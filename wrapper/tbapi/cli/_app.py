"""The `tbapi` command: the root group, the options every command shares, clients, and error handling."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import click
import httpx

from .. import testing  # the mock's public helpers and test credentials
from .._config import is_loopback
from .._exceptions import TbapiError
from .._logs import logger
from .._version import __version__
from ._errors import EXIT_ERROR, EXIT_USAGE, report, report_interrupted

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Exit codes: 0 ok · 1 other error · 2 usage or invalid argument · 3 authentication ·
4 permission · 5 rate limit · 6 request rejected · 7 server error · 8 connection or timeout ·
9 unexpected response · 10 some ids of a bulk command failed (--from) · 130 interrupted.
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


def settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None and value is not False and param.name is not None:
        setattr(ctx.ensure_object(Settings), param.name, value)


def _store_example(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """`--example NAME`: a name no operation of either spec has is a usage error (exit 2), not a call."""
    if value is not None:
        from ..testing import example_names

        known = example_names()
        if value not in known:
            raise click.BadParameter(f"no example {value!r} in the specs; they have: {', '.join(sorted(known))}")
    _store(ctx, param, value)


def shared_options(fn: F) -> F:
    """`--json`, `--mock`, `--offline`, `--example`, `--timeout`, `--max-retries`: on `tbapi` and every command."""
    options = (
        click.option(
            "--json",
            "as_json",
            is_flag=True,
            default=None,
            expose_value=False,
            callback=_store,
            help="Print JSON (models as their wire dicts) instead of a table.",
        ),
        click.option(
            "--mock",
            is_flag=True,
            default=None,
            expose_value=False,
            callback=_store,
            help="Call the local mock with its test credentials (see `tbapi --help`).",
        ),
        click.option(
            "--offline",
            is_flag=True,
            default=None,
            expose_value=False,
            callback=_store,
            help="Answer from the specs' examples (tbapi.testing.ExampleTransport): no network at all.",
        ),
        click.option(
            "--example",
            metavar="NAME",
            expose_value=False,
            callback=_store_example,
            help="With --mock or --offline: answer with this named example of the spec (e.g. expiredToken).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            expose_value=False,
            callback=_store,
            help="Seconds per request (default 30).",
        ),
        click.option(
            "--max-retries",
            type=click.IntRange(min=0),
            expose_value=False,
            callback=_store,
            help="Retries of failed requests (default 2).",
        ),
    )
    for option in reversed(options):
        fn = option(fn)
    return fn


class TbapiGroup(click.Group):
    """The root group: turns every tbapi error into one readable line and its exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TbapiError as error:
            ctx.exit(report(error, as_json=ctx.ensure_object(Settings).as_json))
        except testing.MockUnavailable as error:
            click.secho(f"tbapi: the mock is not available: {error}", err=True, fg="red")
            click.echo("hint: run `make mock` in a tbapi checkout and export what it prints", err=True)
            ctx.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            ctx.exit(report_interrupted(as_json=ctx.ensure_object(Settings).as_json))
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:  # a bug: still no traceback unless asked for
            logger.debug("unexpected error", exc_info=True)
            click.secho(f"tbapi: internal error ({type(error).__name__}): {error}", err=True, fg="red")
            click.echo("hint: TBAPI_LOG=debug shows the traceback; please report it", err=True)
            ctx.exit(EXIT_ERROR)


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


def _env_loopback_url(variable: str) -> str | None:
    url = os.environ.get(variable)
    if not url:
        return None
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL:
        return None
    return url if is_loopback(host) else None


def mock_servers() -> testing.MockServers:
    """The mock to call with `--mock` (see `tbapi --help`), started for this command when none runs."""
    state = settings()
    if state.mock_servers is None:
        shanjing = _env_loopback_url("TBAPI_SHANJING_BASE_URL")
        top = _env_loopback_url("TBAPI_TOP_BASE_URL")
        if shanjing and top:
            state.mock_servers = testing.MockServers(shanjing=shanjing, top_gateway=top)
        else:
            state.mock_servers = testing.running_make_mock() or _start_bundled_mock()
    return state.mock_servers


def _start_bundled_mock() -> testing.MockServers:
    testing.find_mock_dir()  # testing.MockUnavailable before promising anything
    click.echo("tbapi: starting the bundled mock for this command (`make mock` keeps one running)…", err=True)
    return click.get_current_context().find_root().with_resource(testing.started_mock_servers())


def http_client() -> httpx.Client:
    """The httpx client the tbapi client sends through: the example transport offline, else the network."""
    state = settings()
    headers = {"Prefer": f"example={state.example}"} if state.example else {}
    if state.offline:
        from ..testing import ExampleTransport

        return httpx.Client(transport=ExampleTransport(), headers=headers)
    return httpx.Client(headers=headers)


def client_options() -> dict[str, Any]:
    state = settings()
    options: dict[str, Any] = {}
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


def mock_credentials() -> dict[str, str]:
    """The test credentials of the mock (used with --mock or --offline unless flags are given)."""
    return {
        "access_token": testing.MOCK_ACCESS_TOKEN,
        "app_key": testing.MOCK_APP_KEY,
        "app_secret": testing.MOCK_APP_SECRET,
    }


def managed(resource: Any) -> Any:
    """Close `resource` (a client) when the command ends."""
    return click.get_current_context().find_root().with_resource(resource)
