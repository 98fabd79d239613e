"""The records the hooks receive: one per request on the wire (`on_attempt=`), one per call (`on_call=`).

    def watch(call: tbapi.CallRecord) -> None:
        calls_total.labels(call.api, call.operation, call.outcome).inc()

    tbapi.TopClient(…, on_call=watch)

Small, frozen and free of secrets (ids and codes only, no URL, no body), so a hook may log or keep them.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs


@attrs.frozen
class AttemptRecord:
    """One request of a call on the wire, and how it ended.

    api: "shanjing" or "top". operation: the call (`items.get`, `taobao.products.search`).
    attempt: 1 for the call's first request; every resend (a retry, the replay after a token refresh, the
        resend after a clock correction) counts on. duration: seconds from sending to the checked answer
        (or the failure). outcome: "ok" or "error". status: the HTTP status, None when no answer came.
    request_id: the service's request id, when it gave one. error_type: the tbapi error class, on "error".
    """

    api: str
    operation: str
    attempt: int
    duration: float
    outcome: str
    status: int | None
    request_id: str | None
    error_type: str | None


@attrs.frozen
class CallRecord:
    """One call of a client, retries included, and how it ended.

    attempts: requests sent (see `AttemptRecord.attempt`); retries: how many of them the retry policy made.
    duration: seconds from the start of the call to its end, waits included. rate_limit_wait: seconds of it
    spent waiting for the rate limit. status / request_id: of the last answer. error_type / error_code: the
    tbapi error class and the service's error code (TOP `code`, Shanjing `errorCode`) when it failed.
    """

    api: str
    operation: str
    attempts: int
    retries: int
    duration: float
    outcome: str
    status: int | None
    request_id: str | None
    rate_limit_wait: float
    error_type: str | None
    error_code: str | None


AttemptHook = Callable[[AttemptRecord], object]
CallHook = Callable[[CallRecord], object]
