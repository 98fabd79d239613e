"""What every TOP resource shares: the base class, the errors every method documents, the iterators' page size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..._base_client import Resource
from ..._engine.twins import M
from .. import _params as params
from .._calls import Core

DEFAULT_ITER_PAGE_SIZE = params.MAX_PAGE_SIZE

API_ERRORS = """
        Raises:
            tbapi.ValidationError: an argument breaks a documented constraint (nothing was sent).
            tbapi.AuthenticationError: bad signature, app key or session (codes 24-29, 53).
            tbapi.PermissionDeniedError: the app or user lacks the permission (codes 11-13).
            tbapi.RateLimitError: a call limit, after retrying a short ban; `.retry_after`, `.quota_exhausted`.
            tbapi.InvalidRequestError: the service rejected the parameters (`isv.*`, 40/41 …).
            tbapi.ServerError: the service failed (`isp.*`, codes 1/10) after the retries.
            tbapi.APIConnectionError / tbapi.APITimeoutError: no answer after the retries.
            tbapi.ResponseError: the answer is not what the spec says.
"""


Fn = TypeVar("Fn", bound=Callable[..., Any])


def with_api_errors(fn: Fn) -> Fn:
    """Append the errors every TOP method raises to a flow's docstring (written once, here). Typed as the
    identity it is: an `Any` here would make every TOP method `Any` to a user's type checker."""
    fn.__doc__ = f"{(fn.__doc__ or '').rstrip()}\n{API_ERRORS}"
    return fn


class TopResource(Resource[Core, M]):
    pass
