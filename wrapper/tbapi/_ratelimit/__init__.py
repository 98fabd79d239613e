"""Client-side rate limiting: the rate limit behind every client.

- `limiter`: `RateLimiter`, the rate limit, and the effects flows yield to wait for a slot.
- `pacing`: the pure math — even pacing, pauses after bans, a rate that adapts (botocore's adaptive mode).
- `redis_backend`: the same rate limit in Redis, shared by every process and machine on one key.
"""
