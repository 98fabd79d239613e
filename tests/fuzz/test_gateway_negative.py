"""Schemathesis in negative mode through the TOP gateway front: every generated invalid request is rewritten
into a real, signed TOP wire request (system parameters in the query, the case's body as the UTF-8 form) and
sent to `mock_urls.top_gateway`. The gateway must answer each with HTTP 200 and a TOP `error_response` —
never a crash, a 5xx or a body that is neither envelope."""

from __future__ import annotations

import collections
import json
import time
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import Case, GenerationMode

from mock.servers import MockUrls
from mock.top_gateway import SYSTEM_PARAMS
from tbapi.top import sign
from tbapi.top._wire import shanghai_time
from tests.conftest import TOP_APP_KEY, TOP_APP_SECRET
from tests.reliability.outcomes import make_recorder
from tests.reliability.spec_examples import OPENAPI, raw_spec

pytestmark = [pytest.mark.mock, pytest.mark.timeout(120)]

EXAMPLES_PER_OPERATION = 50
schema = schemathesis.openapi.from_path(OPENAPI / "top.yaml")
schema.config.generation.update(
    modes=[GenerationMode.NEGATIVE], max_examples=EXAMPLES_PER_OPERATION, deterministic=True
)
# Only generated cases: the explicit-examples phase would replay the spec's (valid) examples even in negative
# mode, and the coverage phase mixes valid cases in.
schema.config.phases.update(phases=["fuzzing"])
TALLY: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)


def form_value(value: Any) -> str:
    """How a TOP client puts a value of the case's body on the wire."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def wire_request(case: Case[Any], gateway: str) -> httpx.Request:
    """The case as a signed TOP wire request: `POST {gateway}?{system params}` + the case's body as the form."""
    body = case.body if isinstance(case.body, dict) else {}
    business = {str(k): form_value(v) for k, v in body.items() if str(k) not in SYSTEM_PARAMS}
    system = {
        "method": case.path.lstrip("/"),
        "app_key": TOP_APP_KEY,
        "timestamp": shanghai_time(time.time()),
        "v": "2.0",
        "format": "json",
        "sign_method": "hmac-sha256",
    }
    system["sign"] = sign({**system, **business}, TOP_APP_SECRET, "hmac-sha256")
    return httpx.Request("POST", gateway, params=system, data=business)


def classify(answer: httpx.Response) -> str:
    """`error_response <code>`, `success`, or what is wrong with the answer."""
    if answer.status_code != 200:
        return f"HTTP {answer.status_code}"
    try:
        body = answer.json()
    except ValueError:
        return "not JSON"
    if isinstance(body, dict) and isinstance(body.get("error_response"), dict):
        return f"error_response {body['error_response'].get('code')}"
    if isinstance(body, dict) and len(body) == 1 and next(iter(body)).endswith("_response"):
        return "success envelope"
    return "neither envelope"


@pytest.fixture(scope="module")
def http() -> Any:
    with httpx.Client(timeout=10, trust_env=False) as client:
        yield client


def form_properties(path: str) -> set[str]:
    """The parameters the spec declares for an operation's form body."""
    spec = raw_spec("top")
    media = spec["paths"][path]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    name = media["schema"]["$ref"].rsplit("/", 1)[-1]
    return set(spec["components"]["schemas"][name]["properties"])


def accepted_for_a_known_reason(case: Case[Any]) -> bool:
    """A negative case the mock may accept: it only adds undeclared parameters (which the real gateway, and
    Prism for form bodies, ignore) — or Schemathesis fell back to a positive case."""
    if case.meta is None or "Positive" in getattr(case.meta.phase.data, "description", ""):
        return True
    return isinstance(case.body, dict) and bool(set(map(str, case.body)) - form_properties(case.path))


@schema.parametrize()
# No shrinking: a case that gets no answer would be replayed at 10 s a time; the first failure is reported as is.
@settings(
    deadline=None,
    suppress_health_check=list(HealthCheck),
    max_examples=EXAMPLES_PER_OPERATION,
    database=None,
    phases=[Phase.explicit, Phase.generate],
)
def test_gateway_answers_every_signed_negative_case_with_an_error_response(
    case: Case[Any], mock_urls: MockUrls, http: httpx.Client, request: pytest.FixtureRequest
) -> None:
    try:
        answer = http.send(wire_request(case, mock_urls.top_gateway))
    except httpx.TimeoutException:
        pytest.fail(f"no answer within 10 s for {case.path} {case.body!r}")
    verdict = classify(answer)
    if verdict == "success envelope" and accepted_for_a_known_reason(case):
        verdict = "success (only undeclared parameters added)"
    tally = TALLY[case.path]
    tally[verdict] += 1
    record = make_recorder(request.node, replace=True)
    record(
        area="fuzz",
        fault="Schemathesis negative cases, signed, through the gateway front",
        api="TOP gateway",
        call=case.path.lstrip("/"),
        expected="error_response (or success when only undeclared params were added)",
        observed=dict(sorted(tally.items())),
        cases=sum(tally.values()),
    )
    assert verdict.startswith(("error_response", "success (only")), f"{verdict}: {answer.text[:300]} for {case.body!r}"
