"""The HTTP stack under every client: what goes on the wire and what comes back.

- `transport`: the checked transport both APIs send through (timeouts, size caps, JSON decoding, request ids).
- `inflated`: the bounded decoding of gzip/deflate bodies.
- `concurrency`: `max_concurrency`, the one cap on calls in flight of both clients (a bounded wait for a place).
- `aiohttp_pool`: the async clients' default transport (httpx's API over aiohttp).
- `thread_pools`: the sync clients' own pool, one connection pool per sending thread.
"""
