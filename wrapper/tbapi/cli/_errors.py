"""What the `tbapi` command prints for an error, and the exit code of each kind of error."""

from __future__ import annotations

import json
from typing import Any

import click

from .. import _exceptions as errors  # the one error tree, named where it is used
from .._logs import redact
from .._support.redis import is_redis_failure

EXIT_OK = 0
EXIT_ERROR = 1  # any other tbapi error
EXIT_USAGE = 2  # bad command line, or an argument tbapi refused before sending (errors.ValidationError)
EXIT_AUTH = 3
EXIT_PERMISSION = 4
EXIT_RATE_LIMIT = 5
EXIT_INVALID_REQUEST = 6
EXIT_SERVER = 7
EXIT_CONNECTION = 8
EXIT_RESPONSE = 9
EXIT_SOME_FAILED = 10  # a bulk command ran to the end but some ids failed (their lines hold the errors)
EXIT_OUTPUT = 11  # the output (a file, stdout) could not be written: full disk, missing directory, closed pipe
EXIT_INTERRUPTED = 130

# Most specific first: the first class an error is an instance of gives its exit code.
EXIT_CODES: tuple[tuple[type[errors.TbapiError], int, str], ...] = (
    (errors.ValidationError, EXIT_USAGE, "invalid argument"),
    (errors.AuthenticationError, EXIT_AUTH, "authentication failed"),
    (errors.PermissionDeniedError, EXIT_PERMISSION, "permission denied"),
    (errors.RateLimitError, EXIT_RATE_LIMIT, "rate limited"),
    (errors.InvalidRequestError, EXIT_INVALID_REQUEST, "request rejected"),
    (errors.ServerError, EXIT_SERVER, "server error"),
    (errors.APIError, EXIT_INVALID_REQUEST, "API error"),
    (errors.APIConnectionError, EXIT_CONNECTION, "connection failed"),
    (errors.ResponseError, EXIT_RESPONSE, "unexpected response"),
    (errors.TbapiError, EXIT_ERROR, "error"),
)


def exit_code_of(error: errors.TbapiError) -> int:
    return next(code for cls, code, _ in EXIT_CODES if isinstance(error, cls))


def _label_of(error: errors.TbapiError) -> str:
    return next(label for cls, _, label in EXIT_CODES if isinstance(error, cls))


def error_fields(error: errors.TbapiError) -> dict[str, Any]:
    """The error as a JSON-able dict: its type, message and, for API errors, code and request id."""
    fields: dict[str, Any] = {"type": type(error).__name__, "message": error.message, "exit_code": exit_code_of(error)}
    if isinstance(error, errors.ValidationError):
        fields["param"] = error.param
    if isinstance(error, errors.APIError):
        fields.update(code=error.code, sub_code=error.sub_code, request_id=error.request_id)
        if error.retry_after is not None:
            fields["retry_after"] = error.retry_after
    return fields


def report(error: errors.TbapiError, *, as_json: bool) -> int:
    """Print `error` on stderr (one readable line, or a JSON object with `--json`); return its exit code."""
    if as_json:
        fields = errors.redacted_data(error_fields(error))
        click.echo(redact(json.dumps({"error": fields}, ensure_ascii=False)), err=True)
    else:
        click.secho(f"tbapi: {_label_of(error)} ({type(error).__name__}): {error.message}", err=True, fg="red")
        hint = _hint(error)
        if hint:
            click.echo(f"hint: {hint}", err=True)
    return exit_code_of(error)


def report_interrupted(*, as_json: bool) -> int:
    """Print that Ctrl-C stopped the command (a JSON object with `--json`); return its exit code."""
    if as_json:
        return report_json("KeyboardInterrupt", "interrupted", EXIT_INTERRUPTED)
    click.echo("tbapi: interrupted", err=True)
    return EXIT_INTERRUPTED


def report_json(kind: str, message: str, exit_code: int) -> int:
    """Print an error that is no tbapi error (a bad command line, no mock, a bug) as the JSON object `--json`
    prints for every error; return `exit_code`."""
    fields = {"type": kind, "message": redact(message), "exit_code": exit_code}
    click.echo(json.dumps({"error": fields}, ensure_ascii=False), err=True)
    return exit_code


def _hint(error: errors.TbapiError) -> str | None:
    if isinstance(error, errors.RateLimitError) and error.retry_after is not None:
        return f"the service asks to wait {error.retry_after:.0f} s"
    if is_redis_failure(error):  # the API was never called: its base URL is not the question
        return "is Redis running there? --redis URL or TBAPI_REDIS_URL names it (default redis://localhost:6379/0)"
    if isinstance(error, errors.APIConnectionError):
        return "is the base URL right? (`--mock` uses the local mock; see `tbapi --help`)"
    if isinstance(error, errors.ValidationError) and error.param in {"app_key", "app_secret"}:
        return "pass --app-key/--app-secret or set TBAPI_TOP_APP_KEY/TBAPI_TOP_APP_SECRET"
    return None
