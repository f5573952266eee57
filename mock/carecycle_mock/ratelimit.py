"""60 requests a minute per key (configurable): a sliding window over the last minute.

The window is in the volatile state (volatile.py), which every server process shares, so the
limit holds however many workers serve the key. `retryAfter` is the whole number of
seconds until the oldest request in the window leaves it, rounded up.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from carecycle_mock.errors import rate_limited
from carecycle_mock.volatile import VolatileState

WINDOW_SECONDS = 60.0


class RateLimiter:
    def __init__(
        self,
        volatile: VolatileState,
        limit: int,
        *,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._limit = limit
        self._window = window
        self._clock = clock
        self._admit = volatile.admit

    def check(self, key_digest: str) -> None:
        now = self._clock()
        oldest = self._admit(key_digest, self._limit, self._window, now)
        if oldest is not None:
            raise rate_limited(max(1, math.ceil(oldest + self._window - now)))
