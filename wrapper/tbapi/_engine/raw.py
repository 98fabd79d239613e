"""Raw responses: `client.with_raw_response.<resource>.<method>(…)` → `RawResponse`.

A raw call is the plain call (the same flow, retries and token refresh included) with each of its effects
run under a `Recorder` (`_http/transport.py`): `CheckedTransport` keeps in it each answer it lets through, before
the API's answer check can raise. That is what the `RawSync` / `RawAsync` twins of a method do (`_engine/twins.py`):
at the end `recorded` returns the last answer as a `RawResponse` instead of the model; `.parse()` returns
that model, or raises what the plain call raised. A call that got no answer to keep (a connection failure,
an HTTP error status, a bad argument) raises at once, as the plain call does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

from .._exceptions import redacted_request
from .._http.transport import Answer, request_id_from

T = TypeVar("T")


class RawResponse(Generic[T]):
    """The HTTP answer of a call, as `client.with_raw_response.<resource>.<method>(…)` returns it.

    `.status_code`, `.headers`, `.request_id`, `.http_request`, `.json()` (the body, errors included) and
    `.parse()` (what the plain call returns; raises as the plain call would).

    `.http_request` is the request as sent with its credentials redacted, as on `APIError.request`: the URL
    of a TOP request holds the `session` and `sign`, a header the access token, and httpx's repr of a request
    prints its URL — secrets never appear in a repr. The method, path and other parameters are as sent.
    """

    def __init__(self, answer: Answer, parse: Callable[[], T]) -> None:
        self._response = answer.response
        self._json = answer.json
        self._parse = parse
        self._request: httpx.Request | None = None

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._response.headers

    @property
    def http_request(self) -> httpx.Request:
        """The request as sent, with every token, session, secret and signature redacted."""
        if self._request is None:
            self._request = redacted_request(self._response.request)
        return self._request

    @property
    def request_id(self) -> str | None:
        return request_id_from(self._response.headers, self.json())

    def json(self) -> Any:
        """The JSON body as the service sent it (an error body too)."""
        return self._json

    def parse(self) -> T:
        """What the plain call returns; raises the error the plain call raises."""
        return self._parse()

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] request_id={self.request_id!r}>"
