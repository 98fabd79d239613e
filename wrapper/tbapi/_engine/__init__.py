"""The flow engine: each call written once as a flow of effects, driven sync or async.

- `flow`: flows, effects and the two drivers (`run_sync`, `run_async`) — the only code that does I/O for a flow.
- `twins`: a resource method's sync, async and raw twins (and iterators) made from its one flow.
- `calls`: the step every call of both APIs sends through (a generated `*_detailed` function as a `Call` effect).
- `retry`: the one retry loop and its pure policy.
- `pages`: pagination of any page flow, for both APIs.
- `fanout`: many flows at once (bulk `get_many`), at most N in flight.
- `raw`: `RawResponse`, what `with_raw_response` returns.
"""
