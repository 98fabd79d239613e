"""Hypothesis feeds every client call spec-shaped answers — the named examples of openapi/*.yaml, mutated:
keys dropped, values nulled or given the wrong type, huge ints, odd unicode, bodies truncated, odd HTTP
statuses. Whatever comes in, only a valid result or a `tbapi.TbapiError` may come out: never a raw
httpx, json, KeyError or TypeError.

The answers go through the real stack (generated client → auth → checked transport → envelope / TOP error
mapping) over `httpx.MockTransport`, with `max_retries=0` so each case is one exchange.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tbapi
from tests.order_data import LINE, RECEIVER, RENDER_ITEM
from tests.reliability.outcomes import Record
from tests.reliability.spec_examples import examples

pytestmark = pytest.mark.timeout(120)

CASES = 150  # per operation
SETTINGS = settings(
    max_examples=CASES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None
)
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**53 + 1, 2**63, -(2**63) - 1, 10**30]),
    st.floats(allow_nan=False, allow_infinity=False),  # the answers are JSON: no inf
    st.text(max_size=20),
    st.sampled_from(
        ["", "\u0000", "\ud7ff\ue000", "\U0001d54b\U0001d552\U0001d560", "\u202e", "null", "0x1F", "1e999"]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
STATUSES = st.sampled_from([200] * 12 + [204, 301, 400, 401, 403, 404, 429, 500, 502, 503])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _apply(value: Any, path: tuple[Any, ...], change: Callable[[Any, Any], None]) -> Any:
    if not path:
        return value
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    change(parent, path[-1])
    return value


def _drop(parent: Any, key: Any) -> None:
    parent.pop(key)


def _setter(new: Any) -> Callable[[Any, Any], None]:
    def put(parent: Any, key: Any) -> None:
        parent[key] = new

    return put


@st.composite
def mutated_body(draw: st.DrawFn, spec: str, operation_id: str) -> tuple[int, bytes]:
    """One named example of the operation, mutated a few times, serialized, maybe truncated."""
    named = examples(spec, operation_id)
    body = named[draw(st.sampled_from(sorted(named)))]
    for _ in range(draw(st.integers(0, 4))):
        paths = [p for p in _paths(body) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["drop", "replace", "null", "wrap"]))
        if kind == "drop":
            body = _apply(body, path, _drop)
        else:
            new = None if kind == "null" else draw(ODD_VALUES)
            body = _apply(body, path, _setter({"unexpected": new} if kind == "wrap" else new))
    if draw(st.integers(0, 9)) == 0:
        body = draw(ODD_VALUES)  # not even an object
    text = json.dumps(body, ensure_ascii=draw(st.booleans()), allow_nan=False).encode("utf-8")
    if draw(st.integers(0, 7)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return draw(STATUSES), text


def _transport(answer: tuple[int, bytes]) -> httpx.MockTransport:
    status, body = answer

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"Content-Type": "application/json"})

    return httpx.MockTransport(handle)


SHANJING_CALLS: dict[str, Callable[[tbapi.ShanjingClient], Any]] = {
    "getItem": lambda c: c.items.get(689542173310),
    "searchItems": lambda c: c.items.search("T恤"),
    "imageSearch": lambda c: c.items.image_search(pic_url="https://img.alicdn.com/x.jpg"),
    "getProduct": lambda c: c.products.get(689542173310),
    "renderOrder": lambda c: c.orders.render(items=[RENDER_ITEM], receiver_address=RECEIVER),
    "createOrder": lambda c: c.orders.create(
        outer_purchase_id="SJ1", purchase_amount=7980, order_lines=[LINE], receiver=RECEIVER
    ),
    "cancelOrder": lambda c: c.orders.cancel(3012459876543210, cancel_reason="fuzz"),
    "queryOrders": lambda c: c.orders.query(),
    "refreshToken": lambda c: c.auth.refresh(),
    "createToken": lambda c: c.auth.create_token("code-1"),
}
TOP_CALLS: dict[str, Callable[[tbapi.TopClient], Any]] = {
    "productsSearch": lambda c: c.products.search(fields=["product_id", "name"], q="优衣库"),
    "itemcatsGet": lambda c: c.itemcats.get(parent_cid=0),
    "itempropsGet": lambda c: c.itemprops.get(cid=50011999),
    "itempropvaluesGet": lambda c: c.itempropvalues.get(cid=50011999),
}


def _usable(result: Any) -> None:
    """A result must be what tbapi documents: models that serialize, lists of them, pages, dicts, strings."""
    if attrs.has(type(result)):
        to_dict = getattr(result, "to_dict", None)
        if to_dict is not None:
            to_dict()
        else:
            for value in attrs.asdict(result, recurse=False).values():
                _usable(value)
    elif isinstance(result, list):
        for value in result:
            _usable(value)


def _exchange(make: Callable[[], Any], call: Callable[[Any], Any], tally: collections.Counter[str]) -> None:
    with make() as client:
        try:
            result = call(client)
        except tbapi.TbapiError as error:
            tally[type(error).__name__] += 1
            str(error), repr(error)
            return
    _usable(result)
    tally["valid result"] += 1


def _fuzz_client(api: str, http: httpx.Client) -> Any:
    """A client of `api` answered by `http`, without retries (each mutated answer is seen once)."""
    options: dict[str, Any] = {"max_retries": 0, "http_client": http}
    if api == "Shanjing":
        return tbapi.ShanjingClient(
            access_token="fuzz-access", refresh_token="fuzz-refresh", base_url="https://sj.test", **options
        )
    return tbapi.TopClient(
        app_key="12345678", app_secret="fuzz-secret", base_url="https://gw.test/router/rest", **options
    )


def _fuzzed(api: str, operation_id: str, call: Callable[[Any], Any]) -> collections.Counter[str]:
    """What `call` gave for each mutated answer of `operation_id`: "valid result", or the `TbapiError`'s class."""
    tally: collections.Counter[str] = collections.Counter()

    @SETTINGS
    @given(answer=mutated_body(api.lower(), operation_id))
    def run(answer: tuple[int, bytes]) -> None:
        http = httpx.Client(transport=_transport(answer))
        _exchange(lambda: _fuzz_client(api, http), call, tally)

    run()
    return tally


def _record(outcome: Record, api: str, call: str, expected: str, tally: collections.Counter[str]) -> None:
    fault, observed = "mutated spec examples (Hypothesis)", dict(sorted(tally.items()))
    outcome(
        area="fuzz", fault=fault, api=api, call=call, expected=expected, observed=observed, cases=sum(tally.values())
    )


FUZZED_CALLS = [("Shanjing", name) for name in sorted(SHANJING_CALLS)] + [("TOP", name) for name in sorted(TOP_CALLS)]


@pytest.mark.parametrize(("api", "operation_id"), FUZZED_CALLS)
def test_answers_give_only_valid_results_or_tbapi_errors(api: str, operation_id: str, outcome: Record) -> None:
    call = SHANJING_CALLS[operation_id] if api == "Shanjing" else TOP_CALLS[operation_id]
    tally = _fuzzed(api, operation_id, call)
    _record(outcome, api, operation_id, "valid result or TbapiError", tally)
    assert sum(tally.values()) >= CASES // 2


def test_top_call_answers_give_only_dicts_or_tbapi_errors(outcome: Record) -> None:
    search = {"fields": "product_id", "q": "x"}
    tally = _fuzzed("TOP", "productsSearch", lambda c: _dict(c.call("taobao.products.search", search)))
    _record(outcome, "TOP", "call(taobao.products.search)", "dict or TbapiError", tally)
    assert sum(tally.values()) >= CASES // 2


def _dict(value: Any) -> Any:
    assert isinstance(value, dict)
    return value
