"""The HTTP stack under every client: what goes on the wire and what comes back.

- `transport`: the checked transport both APIs send through (timeouts, size caps, JSON decoding, request ids).
- `inflated`: the bounded decoding of gzip/deflate bodies.
- `gate`: the async pools' bound on calls in flight; `concurrency`: the sync clients' `max_concurrency`.
- `aiohttp_pool`: the async clients' default transport (httpx's API over aiohttp).
- `thread_pools`: the sync clients' own pool, one connection pool per sending thread.
"""
