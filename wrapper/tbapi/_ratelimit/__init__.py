"""Client-side rate limiting: the budget behind every client.

- `limiter`: `RateLimiter`, the budget, and the effects flows yield to wait for a slot.
- `pacing`: the pure math — even pacing, pauses after bans, a rate that adapts (botocore's adaptive mode).
- `redis_budget`: the same budget in Redis, shared by every process and machine on one key.
"""
