"""In process: a request to the mock through the testing kit's transport, and its reset.

`carecycle_mock.MockTransport` runs the mock in the test's own process; the pytest kit
resets the mock before every test (`reset()`: statuses back to the seed, rate-limit
windows, fault plans, counts and the journal cleared). Both run here on the load core,
as a consumer's test suite runs them, with no server process at all.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bench import probes, wrk
from bench.report import Ratio, Section, table
from bench.rounds import alternating, median, spread
from bench.servers import RAISED_RATE_LIMIT
from carecycle_mock import MockConfig, MockTransport

# Issue 17: a reset costs less than one GET, so 1,000 tests pay under a second for it.
RESET_TARGET = 1.0
CALLS = 2000
WARMUP_CALLS = 200


class UnexpectedAnswer(Exception):
    """The mock answered otherwise than the benchmark expects: the numbers would lie."""


@dataclass(frozen=True)
class _Mock:
    """One in-process mock, a client on it, and the mix's requests."""

    transport: MockTransport
    http: httpx.Client
    get: wrk.Request
    patch: wrk.Request

    @classmethod
    def open(cls) -> _Mock:
        kinds = probes.seeded_probes()
        transport = MockTransport(config=MockConfig(rate_limit=RAISED_RATE_LIMIT))
        http = httpx.Client(transport=transport, base_url="http://mock")
        return cls(transport, http, kinds[0].request, kinds[1].request)

    def send(self, request: wrk.Request) -> None:
        headers = {"x-api-key": request.key or ""}
        if request.body is not None:
            headers["content-type"] = "application/json"
        response = self.http.request(
            request.method, request.path, headers=headers, content=request.body
        )
        if response.status_code != 200 or not isinstance(json.loads(response.content), dict):
            raise UnexpectedAnswer(f"{request.method} {request.path}: {response.status_code}")

    def close(self) -> None:
        self.http.close()


def _per_call(mock: _Mock, name: str) -> Callable[[], float]:
    """Microseconds per call, CALLS timed calls after WARMUP_CALLS untimed ones."""

    def timed(operation: Callable[[], None], before: Callable[[], None] | None) -> float:
        spent = 0
        for call in range(WARMUP_CALLS + CALLS):
            if before is not None:
                before()
            started = time.perf_counter_ns()
            operation()
            if call >= WARMUP_CALLS:
                spent += time.perf_counter_ns() - started
        return spent / CALLS / 1000

    def reset() -> None:
        mock.transport.state.reset()

    def run() -> float:
        if name == GET:
            return timed(lambda: mock.send(mock.get), None)
        if name == PATCH:
            return timed(lambda: mock.send(mock.patch), None)
        if name == RESET_AFTER_WRITE:
            return timed(reset, lambda: mock.send(mock.patch))
        return timed(reset, None)

    return run


GET = "GET campaign"
PATCH = "PATCH status"
RESET_AFTER_WRITE = "reset, after a PATCH"
RESET_UNTOUCHED = "reset, nothing changed since the last"


def measure(*, rounds: int) -> Section:
    mock = _Mock.open()
    try:
        names = [GET, PATCH, RESET_AFTER_WRITE, RESET_UNTOUCHED]
        costs = alternating({name: _per_call(mock, name) for name in names}, rounds)
    finally:
        mock.close()
    get = median(costs[GET])
    rows = [
        [
            name,
            f"{median(costs[name]):,.1f} ({spread(costs[name])})",
            f"{median(costs[name]) / get:.2f}",
        ]
        for name in names
    ]
    body = f"""
Microseconds per call through `MockTransport` (an `httpx.Client` on it, the mock in this
process, `MockConfig()` defaults but the rate limit, raised as in measurement 1 so that
it never trips): median of {rounds} alternating rounds of {CALLS:,}
timed calls after {WARMUP_CALLS} untimed ones (± is half the range of the rounds), on
the load core. GET and PATCH are the mix's (measurement 1), each answer checked for a 200
and a JSON object. A reset is `transport.state.reset()`, what the pytest kit runs before
every test: timed alone, after a PATCH that changed a status and wrote the journal
(untimed), or with nothing changed since the last reset.

{table(["call", "µs per call", "/ GET"], rows)}"""
    ratios = [
        Ratio(
            f"in process: {RESET_AFTER_WRITE} / {GET}",
            median(costs[RESET_AFTER_WRITE]) / get,
            ceiling=RESET_TARGET,
        ),
    ]
    return Section("6. In process", body, ratios)
