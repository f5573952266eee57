"""One of the processes sharing a key in test_redis_rate_limiter: THREADS threads, one paced
client, calls until the shared count of work (a Redis counter) runs out. It starts calling
once the test says go, when every process is ready.

    python -m tests.rate_limit_redis.worker SETTINGS_JSON

The key comes from CARECYCLE_API_KEY, never from the command line. Prints one JSON line:
{"calls": N, "failures": ["ErrorClass: message", ...]}.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from redis import Redis

from carecycle_client import CareCycle, CareCycleError
from carecycle_client.rate_limit_redis import RedisRateLimiter


def main(settings: dict[str, Any]) -> None:
    work = Redis.from_url(settings["redis"], socket_timeout=90)  # longer than the wait for go
    calls = 0
    failures: list[str] = []
    lock = threading.Lock()
    limiter = RedisRateLimiter(
        settings["redis"],
        settings["limit"],
        settings["window"],
        name=settings["name"],
        margin=settings["margin"],
    )
    with CareCycle(
        base_url=settings["base_url"], max_retries=0, deadline=60.0, rate_limit=limiter
    ) as carecycle:

        def run() -> None:
            nonlocal calls
            while int(work.incr(settings["work_key"])) <= settings["total"]:
                try:
                    carecycle.campaigns.get(settings["campaign_id"])
                except CareCycleError as error:
                    with lock:
                        failures.append(f"{type(error).__name__}: {error}")
                with lock:
                    calls += 1

        threads = [threading.Thread(target=run) for _ in range(settings["threads"])]
        # Started, every process waits for the others, so that all of them take part.
        work.rpush(settings["ready_key"], "ready")
        assert work.blpop([settings["go_key"]], timeout=60), "no go within 60 s"
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    limiter.close()
    work.close()
    print(json.dumps({"calls": calls, "failures": failures}), flush=True)


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
