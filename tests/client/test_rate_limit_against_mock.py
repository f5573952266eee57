"""Threads and tasks sharing one paced client against the mock server as a real process,
at a raised limit over a short window, so that a run overruns the limit in seconds.

The mock allows LIMIT requests per key in any WINDOW seconds (2,400 a minute). A run sends
more than that (TOTAL), so that a client that did not pace, or paced each thread on its
own, would be refused (the control test shows the server does refuse them). Every call
has max_retries=0: a single 429 fails it, and the server's journal must show none.

Robustness on a loaded 2-core machine: the limiter paces its permits, the server counts
the requests' arrivals; a request that reaches the server late, while the one LIMIT
permits later arrives on time, could land one too many in a window. The limiter's MARGIN
(0.3 s added to the window) is far more than a request's lag on loopback even with the
machine busy, and it costs nothing to the counts asserted: how many requests, how many
429s. Paced at LIMIT per WINDOW + MARGIN, TOTAL calls take about 1.6 s.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest

from carecycle_client import AsyncCareCycle, CareCycle, RateLimitError
from carecycle_client.rate_limit import InProcessRateLimiter
from carecycle_mock.data import load_dataset
from carecycle_mock.process import MockProcess

from .mock_server import Mock

LIMIT = 40
WINDOW = 1.0
MARGIN = 0.3
THREADS = 8
CALLS_PER_THREAD = 6
TOTAL = THREADS * CALLS_PER_THREAD  # more than LIMIT


@pytest.fixture(scope="module")
def paced_server() -> Iterator[Mock]:
    arguments = ("--rate-limit", str(LIMIT), "--rate-window", str(WINDOW))
    with MockProcess(*arguments) as process:
        yield Mock(process, load_dataset())


@pytest.fixture
def server(paced_server: Mock) -> Mock:
    paced_server.reset()
    return paced_server


def refusals(mock: Mock) -> int:
    answer = httpx.get(
        f"{mock.base_url}/_mock/requests",
        params={"apiKey": mock.read_write_key.key, "status": "429"},
    )
    return len(answer.raise_for_status().json()["requests"])


def run_threads(calls_per_thread: int, call: object) -> list[BaseException]:
    failures: list[BaseException] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(calls_per_thread):
            try:
                call()  # type: ignore[operator]
            except Exception as error:
                with lock:
                    failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return failures


def test_eight_threads_sharing_one_paced_client_get_no_429(server: Mock) -> None:
    limiter = InProcessRateLimiter(LIMIT, WINDOW, margin=MARGIN)
    with CareCycle(
        server.read_write_key.key, base_url=server.base_url, max_retries=0, rate_limit=limiter
    ) as carecycle:
        failures = run_threads(
            CALLS_PER_THREAD, lambda: carecycle.campaigns.get(server.campaign.id)
        )
    assert failures == []
    assert server.requests_seen(server.read_write_key.key) == TOTAL
    assert refusals(server) == 0


def test_tasks_sharing_one_paced_async_client_get_no_429(server: Mock) -> None:
    limiter = InProcessRateLimiter(LIMIT, WINDOW, margin=MARGIN)

    async def run() -> list[BaseException | object]:
        async with AsyncCareCycle(
            server.read_write_key.key, base_url=server.base_url, max_retries=0, rate_limit=limiter
        ) as carecycle:
            calls = [carecycle.campaigns.get(server.campaign.id) for _ in range(TOTAL)]
            return await asyncio.gather(*calls, return_exceptions=True)

    outcomes = asyncio.run(run())
    assert [outcome for outcome in outcomes if isinstance(outcome, BaseException)] == []
    assert server.requests_seen(server.read_write_key.key) == TOTAL
    assert refusals(server) == 0


def test_without_the_limiter_the_same_threads_are_refused(server: Mock) -> None:
    """The control: the server's limit does bite at this scale, so the tests above can fail."""
    with CareCycle(
        server.read_write_key.key, base_url=server.base_url, max_retries=0, rate_limit=None
    ) as carecycle:
        failures = run_threads(
            CALLS_PER_THREAD, lambda: carecycle.campaigns.get(server.campaign.id)
        )
    assert failures
    assert all(isinstance(failure, RateLimitError) for failure in failures)
    assert refusals(server) == len(failures)
