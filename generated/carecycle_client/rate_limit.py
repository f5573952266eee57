# Generated from runtime/carecycle_client/rate_limit.py by make generate: edit that, not this file.
"""Pacing calls to a key's quota on the client side, so that they never spend a call on a 429.

A client given a rate limiter (`rate_limit=` on `CareCycle`, `AsyncCareCycle`, `Client` and
`with_options`, or the CARECYCLE_RATE_LIMIT environment variable) takes a permit before
every attempt it sends, retries included; every thread and task using the client, and
every copy from `with_options`, shares its limiter. A permit that cannot come within the
call's deadline is not waited for: the call fails at once with
errors.RateLimiterTimeoutError, and nothing is sent. A 429 that still comes (another
client using the key, a quota lowered on the server) pauses the limiter for the wait its
`retryAfter` asks; `set_rate` changes the quota while the client runs.

The pace is even: `limit` permits per `period` seconds plus a `margin` are one permit
every (period + margin) / limit seconds, 1.02 s for 60 a minute (GCRA, the generic cell
rate algorithm, with no burst). That keeps within "60 a minute" however the server counts
it (a sliding window, as careCycle's mock does, fixed minutes, a token bucket), where a
burst of 60 would not be under a smoother reading; and the margin leaves room for the
time a request takes to reach the server, whose arrival, not our sending, is what it
counts. A first call after a pause goes at once.

- `InProcessRateLimiter`: one process; the next free slot under a lock.
- `RedisRateLimiter` (in `rate_limit_redis`, extra `carecycle-client[redis]`): every
  process and machine using one key, through a Redis server.
"""

from __future__ import annotations

import math
import os
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable

from ._unset import Unset
from .errors import CareCycleError, RateLimiterTimeoutError

RATE_LIMIT_ENV = "CARECYCLE_RATE_LIMIT"
DOCUMENTED_RATE_LIMIT = 60
"""Requests a minute per key, as careCycle documents it."""
MINUTE = 60.0
DEFAULT_MARGIN = 0.02
"""Of the period, added to it: 1.2 s a minute, so 0.98 of the quota. A request whose way to
the server takes that much longer than the one `limit` permits after it still lands inside
the quota; with no margin, one a millisecond late could be one too many in a window."""
_OFF = ("0", "off", "none", "false")


class RateLimiter(ABC):
    """What a client needs of a rate limiter. Subclass it for another shared store."""

    @abstractmethod
    def acquire(self, max_wait: float | None, sleep: Callable[[float], None]) -> None:
        """Take a permit, waiting with `sleep` until one is free.

        Raises:
            errors.RateLimiterTimeoutError: None can come within `max_wait` seconds (None:
                no bound); raised as soon as that is known, and no permit is taken.
        """

    async def acquire_async(self, max_wait: float | None, sleep: Callable[[float], Awaitable[None]]) -> None:
        """`acquire`, for asyncio."""
        raise NotImplementedError(f"{type(self).__name__} has no asyncio flavour")

    @abstractmethod
    def pause(self, seconds: float) -> None:
        """No permit for `seconds` from now (the server's `retryAfter` for a 429)."""

    async def pause_async(self, seconds: float) -> None:
        """`pause`, for asyncio."""
        self.pause(seconds)

    @abstractmethod
    def set_rate(self, limit: float, period: float = MINUTE) -> None:
        """From now on, `limit` permits per `period` seconds."""


def no_permit_within(max_wait: float, wait: float | None) -> RateLimiterTimeoutError:
    """The error for a permit further off than `max_wait` seconds (`wait`, if known)."""
    when = "" if wait is None else f" the next one is {wait:.3g} s off,"
    return RateLimiterTimeoutError(
        f"no rate-limit permit within {max_wait:.3g} s:{when} past the call's deadline", wait=wait
    )


def interval_of(limit: float, period: float, margin: float | None) -> float:
    """Seconds between permits: `limit` per `period` seconds plus `margin` (None: 2% of the period)."""
    if isinstance(limit, bool) or not isinstance(limit, int | float) or not math.isfinite(limit) or limit <= 0:
        raise ValueError(f"a rate limit must be a positive number of requests, got {limit!r}")
    if isinstance(period, bool) or not isinstance(period, int | float) or not math.isfinite(period) or period <= 0:
        raise ValueError(f"a rate limit's period must be positive seconds, got {period!r}")
    margin = DEFAULT_MARGIN * period if margin is None else margin
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not 0 <= margin < math.inf:
        raise ValueError(f"margin must be seconds, 0 or more, got {margin!r}")
    return (period + margin) / limit


class InProcessRateLimiter(RateLimiter):
    """`limit` permits per `period` seconds (a minute unless set) plus `margin` seconds (2%
    of the period unless set), evenly paced, for every thread and task of this process that
    uses it.

    Each caller reserves the next free slot and sleeps until it, first come first served.
    `clock` (time.monotonic) is for tests.
    """

    def __init__(
        self,
        limit: float,
        period: float = MINUTE,
        *,
        margin: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._last = -math.inf  # the last permit's time
        self._paused_until = -math.inf
        self._margin = margin
        self.set_rate(limit, period)

    def set_rate(self, limit: float, period: float = MINUTE) -> None:
        interval = interval_of(limit, period, self._margin)
        with self._lock:
            self.limit, self.period, self.interval = limit, period, interval

    def reserve(self, max_wait: float | None) -> float:
        """Reserve the next free permit: the seconds until it (0: now). Raises
        errors.RateLimiterTimeoutError, reserving nothing, when it is further off than
        `max_wait`."""
        with self._lock:
            now = self._clock()
            start = max(now, self._last + self.interval, self._paused_until)
            wait = start - now
            if max_wait is not None and wait > max_wait:
                raise no_permit_within(max_wait, wait)
            self._last = start
            return wait

    def acquire(self, max_wait: float | None, sleep: Callable[[float], None]) -> None:
        wait = self.reserve(max_wait)
        if wait > 0:
            sleep(wait)

    async def acquire_async(self, max_wait: float | None, sleep: Callable[[float], Awaitable[None]]) -> None:
        wait = self.reserve(max_wait)
        if wait > 0:
            await sleep(wait)

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + max(seconds, 0.0))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(limit={self.limit:g}, period={self.period:g}, interval={self.interval:.4g})"


RateLimitSetting = float | RateLimiter | None
"""What `rate_limit=` takes: requests per minute, a limiter (to share, or backed by Redis),
or None for none."""


def rate_limiter_from(value: RateLimitSetting | Unset) -> RateLimiter | None:
    """The limiter a client uses: the one given, one for the requests per minute given (0:
    none), or, when none is given, the CARECYCLE_RATE_LIMIT environment variable's (unset,
    0 or `off`: none)."""
    if isinstance(value, Unset):
        return _from_environment()
    if value is None or isinstance(value, RateLimiter):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"rate_limit must be requests per minute, a RateLimiter or None, got {type(value).__name__} {value!r}"
        )
    return None if value == 0 else InProcessRateLimiter(value)


def _from_environment() -> RateLimiter | None:
    text = os.environ.get(RATE_LIMIT_ENV, "").strip()
    if not text or text.lower() in _OFF:
        return None
    try:
        per_minute = float(text)
        return None if per_minute == 0 else InProcessRateLimiter(per_minute)
    except ValueError:
        raise CareCycleError(
            f"{RATE_LIMIT_ENV} must be requests per minute (e.g. {DOCUMENTED_RATE_LIMIT}), or 0 or off for"
            f" none; got {text!r}"
        ) from None


__all__ = [
    "DOCUMENTED_RATE_LIMIT",
    "RATE_LIMIT_ENV",
    "InProcessRateLimiter",
    "RateLimitSetting",
    "RateLimiter",
    "rate_limiter_from",
]
