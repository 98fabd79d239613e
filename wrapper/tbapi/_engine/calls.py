"""The step every call of both APIs sends through, written once.

`send(api, endpoint, kwargs, what)` yields the `Call` effect of a generated `*_detailed` function and
returns its `Response`. The API's error bodies were already raised below it (`CheckedTransport` and the
API's `AnswerCheck`, `_http/transport.py`); what is left to map here is the one kind of failure the generated
parser raises itself — a body that is not the documented shape — into `ResponseError`.
"""

from __future__ import annotations

from typing import Any

import httpx

from tbapi._generated.shanjing_client.types import FieldValueError as ShanjingFieldValueError
from tbapi._generated.taobao_top_client.types import FieldValueError as TopFieldValueError

from .._exceptions import ResponseError, TbapiError, ValidationError
from .._support.validation import check_sendable, longest_text
from .flow import Call, Endpoint, Flow

SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)  # what a generated `from_dict` raises
# A value its model's declared type cannot take; the message names the model and the field. Not among the
# above on purpose: the generated oneOf parse (TOP's success/error envelopes) would take it for "other branch".
FIELD_ERRORS = (ShanjingFieldValueError, TopFieldValueError)


def send(api: Any, endpoint: Endpoint, kwargs: dict[str, Any], what: str) -> Flow[Any]:
    """One request through the generated `endpoint` with the generated client `api`; its `Response`.

    Text no request can carry (a lone surrogate) is a `ValidationError` naming its argument, and so is a
    request whose URL cannot be built (a query too long for one): httpx refuses both while it builds the
    request, before anything is sent, and only then are the arguments searched for the culprit (the calls
    that succeed pay nothing for it). A URL refused later (a redirect's) is the transport's to report.
    """
    try:
        return (yield Call(endpoint, api, kwargs))
    except TbapiError:
        raise
    except UnicodeEncodeError as exc:
        check_sendable(kwargs)  # raises the ValidationError naming the argument that holds the text
        raise _wrong_shape(what, exc) from exc
    except httpx.InvalidURL as exc:
        name, size = longest_text(kwargs)
        raise ValidationError(
            name, f"the request cannot be sent: its URL cannot be built ({exc}; {size} characters given)"
        ) from None
    except FIELD_ERRORS as exc:
        raise ResponseError(f"{what}: the response does not have the documented shape ({exc})") from exc
    except SHAPE_ERRORS as exc:
        raise _wrong_shape(what, exc) from exc


def _wrong_shape(what: str, exc: Exception) -> ResponseError:
    return ResponseError(f"{what}: the response does not have the documented shape ({type(exc).__name__}: {exc})")
