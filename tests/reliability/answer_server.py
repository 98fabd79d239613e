"""A fault server in a process of its own, answering every request with one spec example.

    python -m tests.reliability.answer_server searchItems

prints the URL to point a Shanjing client at, serves until its stdin closes (or its lifetime ends), then prints
how many requests it answered. A burst test uses it so that the server does not share the test's interpreter
(and its GIL) with thousands of client tasks.
"""

from __future__ import annotations

import sys

from tests.reliability.fault_server import FaultServer, json_answer
from tests.reliability.spec_examples import example


def main(operation: str) -> None:
    with FaultServer(max_requests=50_000, lifetime_s=120.0) as server:
        plan = server.plan([json_answer(example("shanjing", operation))])
        print(plan.url, flush=True)
        sys.stdin.read()  # returns when the test closes our stdin, or ends
        print(plan.count(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
