"""One process of a fleet starting together: N `items.get` calls on one Redis `RateLimiter`.

    python -m tests.reliability.fleet_worker URL REDIS_URL KEY RATE CALLS START_AT

waits until the epoch time START_AT (so that every process of the fleet starts at once), makes CALLS calls
to the Shanjing API at URL, paced by the shared rate limit KEY at RATE calls/s, and prints how many succeeded.
"""

from __future__ import annotations

import sys
import time

import tbapi


def main(url: str, redis_url: str, key: str, rate: float, calls: int, start_at: float) -> None:
    limiter = tbapi.RateLimiter(rate, redis_url=redis_url, key=key)
    with tbapi.ShanjingClient(access_token="fleet-access-token", base_url=url, rate_limit=limiter) as client:
        time.sleep(max(0.0, start_at - time.time()))
        done = 0
        for _ in range(calls):
            client.items.get(689542173310)
            done += 1
    print(done, flush=True)


if __name__ == "__main__":
    url, redis_url, key, rate, calls, start_at = sys.argv[1:7]
    main(url, redis_url, key, float(rate), int(calls), float(start_at))
