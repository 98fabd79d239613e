"""The step every call of both APIs sends through, written once.

`send(api, endpoint, kwargs, what)` yields the `Call` effect of a generated `*_detailed` function and
returns its `Response`. The API's error bodies were already raised below it (`CheckedTransport` and the
API's `AnswerCheck`, `_http/transport.py`); what is left to map here is the one kind of failure the generated
parser raises itself — a body that is not the documented shape — into `ResponseError`.
"""

from __future__ import annotations

from typing import Any

from tbapi._generated.shanjing_client.types import FieldValueError as ShanjingFieldValueError
from tbapi._generated.taobao_top_client.types import FieldValueError as TopFieldValueError

from .._exceptions import ResponseError, TbapiError
from .flow import Call, Endpoint, Flow

SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)  # what a generated `from_dict` raises
# A value its model's declared type cannot take; the message names the model and the field. Not among the
# above on purpose: the generated oneOf parse (TOP's success/error envelopes) would take it for "other branch".
FIELD_ERRORS = (ShanjingFieldValueError, TopFieldValueError)


def send(api: Any, endpoint: Endpoint, kwargs: dict[str, Any], what: str) -> Flow[Any]:
    """One request through the generated `endpoint` with the generated client `api`; its `Response`."""
    try:
        return (yield Call(endpoint, api, kwargs))
    except TbapiError:
        raise
    except FIELD_ERRORS as exc:
        raise ResponseError(f"{what}: the response does not have the documented shape ({exc})") from exc
    except SHAPE_ERRORS as exc:
        raise ResponseError(
            f"{what}: the response does not have the documented shape ({type(exc).__name__}: {exc})"
        ) from exc


def forwarded(arguments: dict[str, Any], *left_out: str) -> dict[str, Any]:
    """A flow's own arguments (`locals()` at its start) without `left_out` and its `per_call` (taken by its twin):
    what an `iter_*` flow hands its page flow, so that the parameters are declared once, in the signatures
    users see."""
    return {name: value for name, value in arguments.items() if name not in left_out and name != "per_call"}
