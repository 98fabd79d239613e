"""What tbapi tells about its calls: OpenTelemetry traces and metrics, and the hooks for other monitoring.

- `records`: `AttemptRecord` and `CallRecord`, what the clients' `on_attempt=` / `on_call=` hooks receive.
- `calls`: a client's `Telemetry`, and `CallTrace`, one call as the retry loop (`_engine/retry.py`) and the
  checked transport (`_http/transport.py`) report it: its span, its attempts' spans, waits, bans, retries.
- `otel`: the OpenTelemetry side — tracer, meter, instruments — imported only when a client reports and
  `opentelemetry` is importable (the `otel` extra); it reports through the global providers.
- `bulk`: a `get_many` run as one parent span, its items counted.

Nothing here changes what a call does: telemetry only watches. No secret reaches a span, event or metric:
every text that could hold one passes `tbapi._logs.redact`, and no request or response body is recorded.
"""
