"""Raw responses: `client.with_raw_response.<resource>.<method>(…)` → `RawResponse`.

A raw call is the plain call (the same flow, retries and token refresh included) with a `Recorder`
(`_transport.py`) switched on: `CheckedTransport` keeps in it each answer it lets through, before the
API's answer check can raise. At the end the flow wraps the last answer in a `RawResponse` instead of returning the
model (`answered` in `_calls.py`); `.parse()` returns that model, or raises what the plain call raised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

from ._transport import Answer, request_id_from

T = TypeVar("T")


class RawResponse(Generic[T]):
    """The HTTP answer of a call, as `client.with_raw_response.<resource>.<method>(…)` returns it.

    `.status_code`, `.headers`, `.request_id`, `.http_request` (the request as sent), `.json()` (the body,
    errors included) and `.parse()` (what the plain call returns; raises as the plain call would).
    """

    def __init__(self, answer: Answer, parse: Callable[[], T]) -> None:
        self._response = answer.response
        self._json = answer.json
        self._parse = parse

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self._response.request

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
