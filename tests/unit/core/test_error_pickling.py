"""Every tbapi error pickles and unpickles (multiprocessing, ProcessPoolExecutor) with its attributes, and no
secret is in the pickled bytes — not even one registered after the error was made."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest

import tbapi
from tbapi._logs import register_secret
from tbapi.fleet import ChunkAbandoned

SECRET = "pickled-secret-4242"
register_secret(SECRET)

REQUEST = httpx.Request("GET", "https://api.test/x?a=1", headers={"X-Trace": "t-1"})
RESPONSE = httpx.Response(429, headers={"Retry-After": "3"}, content=b'{"errorCode": "Busy"}', request=REQUEST)
API_FIELDS: dict[str, Any] = {
    "code": f"E-{SECRET}",
    "sub_code": "isv.busy",
    "sub_message": f"slow down {SECRET}",
    "request_id": "req-7",
    "http_status": 429,
    "body": {"errorCode": "Busy", "echo": SECRET},
    "headers": httpx.Headers({"Retry-After": "3", "X-Echo": SECRET}),
    "retry_after": 3.0,
    "request": REQUEST,
    "response": RESPONSE,
}


def examples() -> dict[type[tbapi.TbapiError], tbapi.TbapiError]:
    """One error of each class of the tree, every attribute set, the secret in its text."""
    api: dict[type[tbapi.TbapiError], tbapi.TbapiError] = {
        cls: cls(f"failed with {SECRET}", **API_FIELDS) for cls in API_CLASSES
    }
    return {
        tbapi.TbapiError: tbapi.TbapiError(f"failed with {SECRET}"),
        tbapi.ValidationError: tbapi.ValidationError("item_id", f"not {SECRET}"),
        tbapi.APIConnectionError: tbapi.APIConnectionError("refused", request_sent=False, request=REQUEST),
        tbapi.APITimeoutError: tbapi.APITimeoutError("slow", request_sent=True, request=REQUEST),
        **api,
        tbapi.RateLimitError: tbapi.RateLimitError("quota", quota_exhausted=True, **API_FIELDS),
        tbapi.ResponseError: tbapi.ResponseError("not JSON", raw_body=f"<html>{SECRET}</html>", http_status=502),
        tbapi.OrderOutcomeUnknown: tbapi.OrderOutcomeUnknown("SJ-1", tbapi.ServerError("boom", http_status=503), "5xx"),
        tbapi.ClientStateError: tbapi.ClientStateError("closed"),
        tbapi.LockTimeoutError: tbapi.LockTimeoutError("/tmp/tokens.json.lock", 2.5),
        ChunkAbandoned: ChunkAbandoned(f"chunk 3 was started 4 times without finishing ({SECRET})"),
    }


API_CLASSES = [
    tbapi.APIError,
    tbapi.AuthenticationError,
    tbapi.PermissionDeniedError,
    tbapi.InvalidRequestError,
    tbapi.ServerError,
]


def error_tree() -> set[type[tbapi.TbapiError]]:
    found: set[type[tbapi.TbapiError]] = set()
    todo: list[type[tbapi.TbapiError]] = [tbapi.TbapiError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo += cls.__subclasses__()
    return found


def comparable(value: Any) -> Any:
    """Attribute values as data (httpx requests and responses have no `==`)."""
    if isinstance(value, httpx.Request):
        return ("request", value.method, str(value.url), list(value.headers.multi_items()), value.content)
    if isinstance(value, httpx.Response):
        return ("response", value.status_code, list(value.headers.multi_items()), value.content)
    if isinstance(value, httpx.Headers):
        return list(value.multi_items())
    if isinstance(value, tbapi.TbapiError):
        return (type(value), value.args, {k: comparable(v) for k, v in vars(value).items()})
    return value


def state(error: BaseException) -> tuple[Any, ...]:
    return (type(error), error.args, str(error), {k: comparable(v) for k, v in vars(error).items()})


def test_the_examples_cover_every_class_of_the_error_tree() -> None:
    assert set(examples()) == error_tree()


@pytest.mark.parametrize("error", examples().values(), ids=lambda error: type(error).__name__)
def test_an_error_unpickles_with_every_attribute(error: tbapi.TbapiError) -> None:
    assert state(pickle.loads(pickle.dumps(error))) == state(error)


@pytest.mark.parametrize("error", examples().values(), ids=lambda error: type(error).__name__)
def test_no_secret_is_in_the_pickled_bytes(error: tbapi.TbapiError) -> None:
    assert SECRET.encode() not in pickle.dumps(error)


def test_a_secret_registered_after_the_error_was_made_is_not_pickled() -> None:
    late = "registered-later-5151"
    error = tbapi.ValidationError("item_id", f"echoed {late}")
    register_secret(late)
    assert late.encode() not in pickle.dumps(error)


def test_a_pickled_error_is_still_caught_by_its_class() -> None:
    with pytest.raises(tbapi.RateLimitError) as raised:
        raise pickle.loads(pickle.dumps(tbapi.RateLimitError("quota", retry_after=2.0)))
    assert raised.value.retry_after == 2.0
