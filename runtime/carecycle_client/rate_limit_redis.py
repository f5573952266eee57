"""A rate limiter shared through Redis, by every process and machine that uses one API key.

    pip install 'carecycle-client[redis]'

    from carecycle_client import CareCycle
    from carecycle_client.rate_limit_redis import RedisRateLimiter

    limiter = RedisRateLimiter("redis://redis.internal:6379/0", 60, name="orders-service")
    carecycle = CareCycle(rate_limit=limiter)

Ten replicas with an in-process limiter each at 60 a minute send 600 a minute; with this
one they send 60 between them. The pace is the in-process limiter's (rate_limit): one
permit every (period + margin) / limit seconds, by pyrate-limiter's GCRA in Redis: one
number per `name` (the next permit's time), checked and moved on by one Lua script in one
atomic step. A caller whose clock reading reaches Redis after a later one's finds that
number already moved on, so two callers can never both take the last slot. (A sliding
window log, pyrate-limiter's RedisBucket, counts only the permits stamped up to the
caller's own time, so two racing callers can: a test of four processes caught it.)

A 429 pauses every process (a key with the pause's time to live). Permits are stamped with
each process's wall clock: the machines must keep their clocks in step (NTP does, to a
few milliseconds).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from pyrate_limiter import GCRA, Decision, Rate, RedisStateStore
from redis import Redis, RedisError
from redis.asyncio import Redis as AsyncRedis
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

from .errors import RateLimiterStoreError
from .rate_limit import MINUTE, RateLimiter, interval_of, no_permit_within

KEY_PREFIX = "carecycle-client:rate-limit"
REDIS_TIMEOUT = 2.0
"""Seconds for each connect, read and write of a Redis client made from a URL, retried once:
a Redis that does not answer fails the call (errors.RateLimiterStoreError) within seconds.
(redis-py's own defaults, 5 s retried three times with backoff, would hold it far longer.)"""
# Keeps a pause only if it is the longer one: a short 429's wait never cuts a long one short.
_PAUSE = """
local left = redis.call('pttl', KEYS[1])
if left < tonumber(ARGV[1]) then
    redis.call('set', KEYS[1], '1', 'px', ARGV[1])
end
return 0
"""
_GCRA = GCRA()

T = TypeVar("T")


class RedisRateLimiter(RateLimiter):
    """`limit` permits per `period` seconds (a minute unless set) plus `margin` seconds (2% of
    the period unless set), evenly paced, for every process whose limiter has the same
    `name` on the same Redis server.

    ``redis``: a URL (``redis://host:6379/0``, ``rediss://`` for TLS), or a client of your
    own: ``redis.Redis`` for CareCycle, ``redis.asyncio.Redis`` for AsyncCareCycle. With a
    URL, the limiter makes each kind as needed.

    A permit's wait counts against the call's deadline, as with the in-process limiter; a
    Redis operation under way may pass it by its socket timeout (REDIS_TIMEOUT for a
    limiter made from a URL).

    ``name``: the quota's name, the same in every process that shares the API key (its
    label, say; never the key itself).

    ``set_rate`` changes this process's rule; give the others the same. The clients close
    their connections; the limiter, which they may share, closes its own with ``close()``
    (``await aclose()`` after asyncio use).
    """

    def __init__(
        self,
        redis: str | Redis | AsyncRedis,
        limit: float,
        period: float = MINUTE,
        *,
        name: str,
        margin: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not isinstance(name, str) or not name:
            raise ValueError("name must be a non-empty string, the same in every process sharing the key")
        self._url = redis if isinstance(redis, str) else None
        self._sync = redis if isinstance(redis, Redis) else None
        self._async = redis if isinstance(redis, AsyncRedis) else None
        if self._url is None and self._sync is None and self._async is None:
            raise TypeError(f"redis must be a URL, a redis.Redis or a redis.asyncio.Redis, got {type(redis).__name__}")
        self.name = name
        self._state_key = f"{KEY_PREFIX}:{name}:gcra"
        self._pause_key = f"{KEY_PREFIX}:{name}:paused"
        self._clock = clock
        self._margin = margin
        self._sync_store: RedisStateStore | None = None
        self._async_store: RedisStateStore | None = None
        self.set_rate(limit, period)

    def set_rate(self, limit: float, period: float = MINUTE) -> None:
        interval = interval_of(limit, period, self._margin)
        self.limit, self.period, self.interval = limit, period, interval
        # One permit per interval, no burst: pyrate-limiter's Rate counts whole permits per
        # whole milliseconds, so the interval is given as a thousand permits per that many
        # seconds (its GCRA emission interval is in microseconds, rounded up).
        self._rates = [Rate(1000, round(interval * 1_000_000), burst=1)]
        # Half the margin: see _stamp.
        self._late_allowance = (interval * limit - period) / 2

    # The sync flavour.

    def acquire(self, max_wait: float | None, sleep: Callable[[float], None]) -> None:
        started = time.monotonic()
        due: float | None = None
        while True:
            stamp = self._stamp(due)
            wait = self._store_call(functools.partial(self._take, stamp))
            if wait == 0:
                return
            _check_in_time(max_wait, time.monotonic() - started + wait)
            due = stamp + wait
            sleep(wait)

    def pause(self, seconds: float) -> None:
        client = self._sync_client()
        self._store_call(lambda: client.eval(_PAUSE, 1, self._pause_key, _milliseconds(seconds)))

    def _take(self, stamp: float) -> float:
        """Take a permit at the time `stamp`: 0, or the seconds after it to ask again."""
        client = self._sync_client()
        paused = client.pttl(self._pause_key)
        if paused > 0:
            return paused / 1000
        if self._sync_store is None:
            self._sync_store = RedisStateStore(client, self._state_key)
        check = self._sync_store.check(_GCRA, self._rates, round(stamp * 1000), 1)  # type: ignore[no-untyped-call]
        decision = cast(Decision, check)
        return 0.0 if decision.allowed else self._retry_after(decision)

    def _sync_client(self) -> Redis:
        if self._sync is None:
            if self._url is None:
                raise TypeError("this RedisRateLimiter has a redis.asyncio.Redis: use it with AsyncCareCycle")
            self._sync = Redis.from_url(
                self._url,
                socket_timeout=REDIS_TIMEOUT,
                socket_connect_timeout=REDIS_TIMEOUT,
                retry=Retry(NoBackoff(), 1),
            )
        return self._sync

    # The asyncio flavour.

    async def acquire_async(self, max_wait: float | None, sleep: Callable[[float], Awaitable[None]]) -> None:
        started = time.monotonic()
        due: float | None = None
        while True:
            stamp = self._stamp(due)
            wait = await self._store_call_async(functools.partial(self._take_async, stamp))
            if wait == 0:
                return
            _check_in_time(max_wait, time.monotonic() - started + wait)
            due = stamp + wait
            await sleep(wait)

    async def pause_async(self, seconds: float) -> None:
        client = self._async_client()

        async def pause() -> Any:
            return await client.eval(_PAUSE, 1, self._pause_key, _milliseconds(seconds))

        await self._store_call_async(pause)

    async def _take_async(self, stamp: float) -> float:
        client = self._async_client()
        paused = await client.pttl(self._pause_key)
        if paused > 0:
            return float(paused) / 1000
        if self._async_store is None:
            self._async_store = RedisStateStore(client, self._state_key)
        check = self._async_store.check(_GCRA, self._rates, round(stamp * 1000), 1)  # type: ignore[no-untyped-call]
        decision = await cast(Awaitable[Decision], check)
        return 0.0 if decision.allowed else self._retry_after(decision)

    def _async_client(self) -> AsyncRedis:
        if self._async is None:
            if self._url is None:
                raise TypeError("this RedisRateLimiter has a redis.Redis: use it with CareCycle")
            self._async = AsyncRedis.from_url(
                self._url,
                socket_timeout=REDIS_TIMEOUT,
                socket_connect_timeout=REDIS_TIMEOUT,
                retry=AsyncRetry(NoBackoff(), 1),
            )
        return self._async

    # Both.

    def close(self) -> None:
        """Close the sync Redis client this limiter made from its URL (not one given to it)."""
        if self._url is not None and self._sync is not None:
            self._sync.close()
            self._sync = self._sync_store = None

    async def aclose(self) -> None:
        """Close the Redis clients this limiter made from its URL, the asyncio one too (in the
        event loop that used it)."""
        self.close()
        if self._url is not None and self._async is not None:
            await self._async.aclose()
            self._async = self._async_store = None

    def _stamp(self, due: float | None) -> float:
        """The time to take a permit at: now, less up to half the margin, never before the
        time the caller's permit was due (if it waited for one).

        Callers wake, and reach Redis, a little after the permit they waited for was due.
        Stamped with the time they come, each permit would start the next interval that
        much later, and the pace would fall short of the rate (by 5% in a test of four
        processes on a loaded machine). Stamped with the due time, the pace holds. A permit
        so stamped goes out at most half the margin after its slot; the other half is left
        for the request's way to the server.
        """
        now = self._clock()
        earliest = now - self._late_allowance
        return earliest if due is None else min(now, max(due, earliest))

    def _retry_after(self, decision: Decision) -> float:
        # pyrate-limiter leaves it unknown only for a weight over the burst; ours is 1.
        milliseconds = decision.retry_after_ms if decision.retry_after_ms is not None else 1
        return max(milliseconds, 1) / 1000

    def _store_call(self, operation: Callable[[], T]) -> T:
        try:
            return operation()
        except RedisError as error:
            raise self._store_failed(error) from None

    async def _store_call_async(self, operation: Callable[[], Awaitable[T]]) -> T:
        try:
            return await operation()
        except RedisError as error:
            raise self._store_failed(error) from None

    def _store_failed(self, error: RedisError) -> RateLimiterStoreError:
        return RateLimiterStoreError(
            f"the rate limiter {self.name!r} could not reach Redis ({type(error).__name__}: {error}); no request was sent"
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.name!r}, limit={self.limit:g}, period={self.period:g},"
            f" interval={self.interval:.4g})"
        )


def _check_in_time(max_wait: float | None, total: float) -> None:
    if max_wait is not None and total > max_wait:
        raise no_permit_within(max_wait, total)


def _milliseconds(seconds: float) -> int:
    return max(round(seconds * 1000), 1)


__all__ = ["RedisRateLimiter"]
