"""A `get_many` run is one span over its calls — in tasks and in worker threads alike — with its counts."""

from __future__ import annotations

import contextvars

import httpx

from tests.unit.shanjing.conftest import FakeShanjing, fail, make_async_client, make_client, ok

from .conftest import Telemetry, attributes

GET = "/traffic/item/get"
RUN = "shanjing items.get_many"
LABELS = {"tbapi.api": "shanjing", "tbapi.operation": "items.get_many"}


def details(request: httpx.Request) -> httpx.Response:
    """Every item exists but 3."""
    item_id = int(request.url.params["item_id"])
    return fail("InvalidParameter", "no such item") if item_id == 3 else ok({"tbItemId": item_id, "title": "x"})


def counts(span_attributes: dict[str, object]) -> tuple[object, ...]:
    names = ("tbapi.bulk.ids", "tbapi.bulk.concurrency", "tbapi.bulk.ok", "tbapi.bulk.failed", "tbapi.bulk.skipped")
    return tuple(span_attributes[name] for name in names)


async def test_an_async_run_is_a_span_over_each_id_s_call_with_its_counts(fake: FakeShanjing, otel: Telemetry) -> None:
    fake.route(GET, details)
    async with make_async_client(fake) as client:
        results = [result async for result in client.items.get_many([1, 2, 3, 4], concurrency=2)]

    run = otel.one(RUN)
    assert (
        len(results),
        counts(attributes(run)),
        sorted(span.name for span in otel.children(run)),
        sorted((attrs["tbapi.outcome"], n) for attrs, n in otel.points()["tbapi.bulk.items"]),
    ) == (4, (4, 2, 3, 1, 0), ["shanjing items.get"] * 4, [("error", 1), ("ok", 3)])


def test_a_sync_run_in_worker_threads_puts_each_call_under_the_run(fake: FakeShanjing, otel: Telemetry) -> None:
    fake.route(GET, details)
    with make_client(fake) as client:  # its own http_client: the calls run in worker threads
        results = list(client.items.get_many([1, 2, 3, 4, 5], concurrency=3))

    run = otel.one(RUN)
    calls = otel.named("shanjing items.get")
    assert (len(results), counts(attributes(run)), {span.parent.span_id for span in calls if span.parent}) == (
        5,
        (5, 3, 4, 1, 0),
        {run.context.span_id},
    )


def test_a_run_left_early_counts_the_ids_never_done_as_skipped(fake: FakeShanjing, otel: Telemetry) -> None:
    fake.route(GET, details)
    with make_client(fake) as client:
        for _result in client.items.get_many([1, 2, 4, 5, 6, 7], concurrency=1):
            break

    run = otel.one(RUN)
    skipped = attributes(run)["tbapi.bulk.skipped"]
    assert (
        attributes(run)["tbapi.bulk.ok"],
        skipped,
        attributes(run)["error.type"],
        ({**LABELS, "tbapi.outcome": "skipped"}, skipped) in otel.points()["tbapi.bulk.items"],
    ) == (1, 5, "Cancelled", True)


CALLER = contextvars.ContextVar("caller", default="unknown")


def test_the_caller_s_context_follows_each_call_into_its_worker_thread(fake: FakeShanjing) -> None:
    fake.route(GET, details)
    seen: list[str] = []
    token = CALLER.set("nightly job")
    try:
        with make_client(fake, on_attempt=lambda _record: seen.append(CALLER.get())) as client:
            list(client.items.get_many([1, 2, 4], concurrency=3))
    finally:
        CALLER.reset(token)

    assert seen == ["nightly job"] * 3
