"""The client-side rate limiter: its rule on an injected clock (no sleeps, no wall time), and
how the client uses it: a permit per attempt, a pause on a 429, no wait past the deadline."""

from __future__ import annotations

import pytest

from carecycle_client import AuthenticatedClient, CareCycle
from carecycle_client.errors import CareCycleError, RateLimiterTimeoutError
from carecycle_client.rate_limit import (
    RATE_LIMIT_ENV,
    InProcessRateLimiter,
    RateLimiter,
    rate_limiter_from,
)

from .examples import SEED_CAMPAIGN
from .flavours import MakeApi, Waits
from .scripted import Script, reply

OK = reply(200, SEED_CAMPAIGN)


class Clock:
    """A clock that moves only when the limiter's caller sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def limiter(
    limit: float = 3, period: float = 10.0, margin: float = 0.5
) -> tuple[InProcessRateLimiter, Clock]:
    clock = Clock()
    return InProcessRateLimiter(limit, period, margin=margin, clock=clock), clock


def test_permits_are_evenly_paced_and_the_first_goes_at_once() -> None:
    rate, clock = limiter(limit=3, period=10.0, margin=0.5)
    for _ in range(4):
        rate.acquire(None, clock.sleep)
    assert clock.slept == [3.5, 3.5, 3.5]  # (10 s + 0.5 s) / 3


def test_permits_are_reserved_in_turn_and_never_more_than_the_limit_in_a_period() -> None:
    rate, clock = limiter(limit=3, period=10.0, margin=0.5)
    # Reserved without sleeping, as callers in other threads would: each gets its own slot.
    starts = [clock.now + rate.reserve(None) for _ in range(12)]
    assert starts == pytest.approx([1000.0 + 3.5 * index for index in range(12)])
    for start in starts:
        assert len([other for other in starts if start <= other < start + 10.0]) <= 3


def test_a_caller_after_a_quiet_spell_never_waits() -> None:
    rate, clock = limiter(limit=3, period=10.0, margin=0.5)
    for _ in range(10):
        rate.acquire(None, clock.sleep)
        clock.now += 3.5
    assert clock.slept == []


def test_a_permit_past_max_wait_is_refused_at_once_and_not_reserved() -> None:
    rate, clock = limiter(limit=1, period=10.0, margin=0.0)
    rate.acquire(None, clock.sleep)
    with pytest.raises(
        RateLimiterTimeoutError, match=r"within 5 s: the next one is 10 s off"
    ) as caught:
        rate.acquire(5.0, clock.sleep)
    assert caught.value.wait == pytest.approx(10.0)
    assert clock.slept == []
    rate.acquire(10.0, clock.sleep)  # the refused caller took no slot
    assert clock.slept == [10.0]


def test_a_pause_holds_every_permit_until_it_ends() -> None:
    rate, clock = limiter(limit=100, period=60.0)
    rate.pause(30.0)
    rate.pause(5.0)  # a shorter pause does not cut the longer one short
    rate.acquire(None, clock.sleep)
    assert clock.slept == [30.0]
    rate.acquire(None, clock.sleep)
    assert clock.slept == [30.0, pytest.approx(0.605)]


def test_the_rate_changes_at_run_time_from_the_last_permit() -> None:
    rate, clock = limiter(limit=2, period=10.0, margin=0.0)
    rate.acquire(None, clock.sleep)
    rate.set_rate(1, 10.0)
    rate.acquire(None, clock.sleep)
    assert clock.slept == [10.0]  # not the 5 s of the old rate
    rate.set_rate(10, 10.0)
    rate.acquire(None, clock.sleep)
    assert clock.slept == [10.0, 1.0]


def test_the_default_margin_is_two_percent_of_the_period() -> None:
    assert InProcessRateLimiter(60).interval == pytest.approx(1.02)
    assert InProcessRateLimiter(60, 1.0, margin=0).interval == pytest.approx(1 / 60)
    assert InProcessRateLimiter(1.5).interval == pytest.approx(40.8)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), True, "60"])
def test_a_limiter_refuses_a_rate_that_is_not_positive_and_finite(bad: object) -> None:
    with pytest.raises(ValueError, match="rate limit must be a positive number"):
        InProcessRateLimiter(bad)  # type: ignore[arg-type]


def test_a_number_is_requests_per_minute_and_none_or_zero_is_off() -> None:
    limiter_60 = rate_limiter_from(60)
    assert isinstance(limiter_60, InProcessRateLimiter)
    assert (limiter_60.limit, limiter_60.period) == (60, 60.0)
    assert limiter_60.interval == pytest.approx(1.02)
    assert rate_limiter_from(None) is None
    assert rate_limiter_from(0) is None
    own = InProcessRateLimiter(10)
    assert rate_limiter_from(own) is own
    with pytest.raises(TypeError, match="rate_limit must be requests per minute"):
        rate_limiter_from("60")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "limit"), [("", None), ("0", None), ("off", None), (" OFF ", None), ("120", 120)]
)
def test_the_environment_sets_the_default(
    monkeypatch: pytest.MonkeyPatch, text: str, limit: int | None
) -> None:
    monkeypatch.setenv(RATE_LIMIT_ENV, text)
    client = AuthenticatedClient(token="k", base_url="http://127.0.0.1")
    assert (None if client.rate_limit is None else client.rate_limit.limit) == limit  # type: ignore[attr-defined]
    assert (
        AuthenticatedClient(token="k", base_url="http://127.0.0.1", rate_limit=None).rate_limit
        is None
    )


def test_a_malformed_environment_value_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RATE_LIMIT_ENV, "sixty")
    with pytest.raises(
        CareCycleError, match=r"CARECYCLE_RATE_LIMIT must be requests per minute .* got 'sixty'"
    ):
        CareCycle("k", base_url="http://127.0.0.1")


def test_off_unless_set() -> None:
    assert CareCycle("k", base_url="http://127.0.0.1").client.rate_limit is None


class CountingLimiter(RateLimiter):
    """Grants every permit at once, and records what the client asked of it."""

    def __init__(self) -> None:
        self.acquired: list[float | None] = []
        self.pauses: list[float] = []

    def acquire(self, max_wait: float | None, sleep: object) -> None:
        self.acquired.append(max_wait)

    async def acquire_async(self, max_wait: float | None, sleep: object) -> None:
        self.acquired.append(max_wait)

    def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)

    def set_rate(self, limit: float, period: float = 60.0) -> None:
        raise AssertionError("not called")


def test_every_attempt_takes_a_permit_and_a_429_pauses_the_limiter(make_api: MakeApi) -> None:
    counting = CountingLimiter()
    limited = reply(
        429, {"message": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 7}
    )
    script = Script(reply(503, {}), limited, OK)
    assert make_api(script, rate_limit=counting, deadline=60.0).get().campaign.name == "string"
    assert len(script.requests) == 3
    assert len(counting.acquired) == 3
    assert all(wait is not None and 0 < wait <= 60.0 for wait in counting.acquired)
    assert counting.pauses == [7.0]


def test_a_permit_past_the_deadline_fails_the_call_unsent(make_api: MakeApi, waits: Waits) -> None:
    script = Script(OK)
    shared = InProcessRateLimiter(1, 60.0)
    api = make_api(script, rate_limit=shared, deadline=5.0)
    api.get()
    with pytest.raises(RateLimiterTimeoutError) as caught:
        api.get()
    assert len(script.requests) == 1
    assert waits.seconds == []
    message = str(caught.value)
    assert message.startswith("GET /v2/campaigns/")
    assert "not sent: no rate-limit permit within" in message
    assert "past the call's deadline of 5 s (request id " in message
    assert caught.value.wait is not None
    assert caught.value.wait > 5.0


def test_copies_from_with_options_share_the_limiter_unless_given_another() -> None:
    carecycle = CareCycle("k", base_url="http://127.0.0.1", rate_limit=30)
    shared = carecycle.client.rate_limit
    assert shared is not None
    assert carecycle.with_options(timeout=5.0).client.rate_limit is shared
    assert carecycle.with_options(rate_limit=None).client.rate_limit is None
    other = carecycle.with_options(rate_limit=90).client.rate_limit
    assert isinstance(other, InProcessRateLimiter)
    assert other.limit == 90
