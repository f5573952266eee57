"""Client overhead: calls per second through our client vs raw httpx + json.loads.

Every client asks the same fixed-response server (bench/fixed_server.py) on the server
core, for the same request, from this process on the load core. Raw httpx is what a
user would write instead of our client: the request, a status check and `json.loads`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import (
    AbstractAsyncContextManager,
    AbstractContextManager,
    AsyncExitStack,
    ExitStack,
    asynccontextmanager,
    contextmanager,
)
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx

from bench import processes, wrk
from bench.hotspots import Hotspots
from bench.report import Ratio, Section, command_block, table
from bench.rounds import median, rotated, spread
from bench.samples import campaign_body
from carecycle_client import AsyncCareCycle, AuthenticatedClient, CareCycle
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.api.customers import update_customer_campaign_status
from carecycle_client.models import (
    CustomerCampaignStatus,
    GetCampaignResponse,
    UpdateCustomerCampaignStatusRequest,
    UpdateCustomerCampaignStatusResponse,
)
from carecycle_client.types import Response

# The fixed server checks nothing: any id and key do.
CAMPAIGN_ID = UUID("497f6eca-6276-4993-bfeb-53cbbbba6f08")
CUSTOMER_ID = UUID("87d8e330-2878-4742-a86f-dbbb3bf522ac")
KEY = "cc_bench_placeholder"
CONCURRENCY = 8
GET, PATCH = "GET campaign", "PATCH status"
RAW, GENERATED, FACADE = "raw httpx", "generated functions", "CareCycle facade"
CLIENT_TARGET = 0.95
"""The least share of raw httpx's calls per second a client should reach (issue 17)."""


class UnexpectedAnswer(Exception):
    """The server answered something else than the call expects: the numbers would lie."""


def fixed_server_command(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "bench.fixed_server:app",
        "--host",
        processes.HOST,
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--lifespan",
        "off",
        "--log-level",
        "warning",
    ]


# Each client's calls, written the way its users would write them.

_GET_PATH = f"/v2/campaigns/{CAMPAIGN_ID}"
_GET_PARAMS = {"includeClient": "true"}
# Each GET asks for the next of these campaigns (the fixed server answers any id), in the
# same order for every contender: more ids than the client keeps parsed URLs of, so that
# no client is flattered by asking for one URL over and over.
GET_IDS = 1000
_IDS = random.Random(20261202)
_CAMPAIGN_IDS = tuple(UUID(int=_IDS.getrandbits(128), version=4) for _ in range(GET_IDS))
_PATCH_PATH = "/v2/customers/campaign-status"
_PATCH_BODY = {
    "customerId": str(CUSTOMER_ID),
    "campaignId": str(CAMPAIGN_ID),
    "status": "completed",
}
_STATUS_UPDATE = UpdateCustomerCampaignStatusRequest(
    customer_id=CUSTOMER_ID, campaign_id=CAMPAIGN_ID, status=CustomerCampaignStatus.COMPLETED
)
_CAPACITY_MIX = wrk.Mix(
    (
        (5, wrk.Request("GET", f"{_GET_PATH}?includeClient=true", KEY)),
        (3, wrk.Request("PATCH", _PATCH_PATH, KEY, json.dumps(_PATCH_BODY))),
    )
)

SyncCalls = dict[str, Callable[[], object]]
AsyncCalls = dict[str, Callable[[], Awaitable[object]]]


def _decoded(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise UnexpectedAnswer(response.status_code)
    return json.loads(response.content)


async def _decoded_async(response: Awaitable[httpx.Response]) -> Any:
    return _decoded(await response)


def _parsed(response: Response[Any], model: type) -> object:
    if not isinstance(response.parsed, model):
        raise UnexpectedAnswer(response.parsed)
    return response.parsed


async def _parsed_async(response: Awaitable[Response[Any]], model: type) -> object:
    return _parsed(await response, model)


@contextmanager
def _raw(base_url: str) -> Iterator[SyncCalls]:
    ids = itertools.cycle(_CAMPAIGN_IDS)
    with httpx.Client(base_url=base_url, headers={"x-api-key": KEY}) as http:
        yield {
            GET: lambda: _decoded(http.get(f"/v2/campaigns/{next(ids)}", params=_GET_PARAMS)),
            PATCH: lambda: _decoded(http.patch(_PATCH_PATH, json=_PATCH_BODY)),
        }


@asynccontextmanager
async def _raw_async(base_url: str) -> AsyncIterator[AsyncCalls]:
    ids = itertools.cycle(_CAMPAIGN_IDS)
    async with httpx.AsyncClient(base_url=base_url, headers={"x-api-key": KEY}) as http:
        yield {
            GET: lambda: _decoded_async(http.get(f"/v2/campaigns/{next(ids)}", params=_GET_PARAMS)),
            PATCH: lambda: _decoded_async(http.patch(_PATCH_PATH, json=_PATCH_BODY)),
        }


@contextmanager
def _generated(base_url: str) -> Iterator[SyncCalls]:
    ids = itertools.cycle(_CAMPAIGN_IDS)
    with AuthenticatedClient(base_url=base_url, token=KEY) as client:
        yield {
            GET: lambda: _parsed(
                get_campaign.sync_detailed(next(ids), client=client, include_client=True),
                GetCampaignResponse,
            ),
            PATCH: lambda: _parsed(
                update_customer_campaign_status.sync_detailed(client=client, body=_STATUS_UPDATE),
                UpdateCustomerCampaignStatusResponse,
            ),
        }


@asynccontextmanager
async def _generated_async(base_url: str) -> AsyncIterator[AsyncCalls]:
    ids = itertools.cycle(_CAMPAIGN_IDS)
    async with AuthenticatedClient(base_url=base_url, token=KEY) as client:
        yield {
            GET: lambda: _parsed_async(
                get_campaign.asyncio_detailed(next(ids), client=client, include_client=True),
                GetCampaignResponse,
            ),
            PATCH: lambda: _parsed_async(
                update_customer_campaign_status.asyncio_detailed(
                    client=client, body=_STATUS_UPDATE
                ),
                UpdateCustomerCampaignStatusResponse,
            ),
        }


# The facade returns the parsed model or raises: it needs no check of its own.


@contextmanager
def _facade(base_url: str) -> Iterator[SyncCalls]:
    ids = itertools.cycle(_CAMPAIGN_IDS)
    with CareCycle(KEY, base_url=base_url) as carecycle:
        yield {
            GET: lambda: carecycle.campaigns.get(next(ids), include_client=True),
            PATCH: lambda: carecycle.customers.update_campaign_status(
                customer_id=CUSTOMER_ID, campaign_id=CAMPAIGN_ID, status="completed"
            ),
        }


@asynccontextmanager
async def _facade_async(base_url: str) -> AsyncIterator[AsyncCalls]:
    ids = itertools.cycle(_CAMPAIGN_IDS)
    async with AsyncCareCycle(KEY, base_url=base_url) as carecycle:
        yield {
            GET: lambda: carecycle.campaigns.get(next(ids), include_client=True),
            PATCH: lambda: carecycle.customers.update_campaign_status(
                customer_id=CUSTOMER_ID, campaign_id=CAMPAIGN_ID, status="completed"
            ),
        }


CLIENTS: dict[str, Callable[[str], AbstractContextManager[SyncCalls]]] = {
    RAW: _raw,
    GENERATED: _generated,
    FACADE: _facade,
}
ASYNC_CLIENTS: dict[str, Callable[[str], AbstractAsyncContextManager[AsyncCalls]]] = {
    RAW: _raw_async,
    GENERATED: _generated_async,
    FACADE: _facade_async,
}


TURN = 80
"""Calls a client makes in a row before the next client takes its turn (a multiple of CONCURRENCY)."""


@dataclass(frozen=True)
class Workload:
    calls: int
    warmup_calls: int

    @property
    def turns(self) -> int:
        return max(1, self.calls // TURN)

    def sync_round(
        self,
        clients: Mapping[str, Callable[[str], AbstractContextManager[SyncCalls]]],
        base_url: str,
        operation: str,
        first: int,
    ) -> dict[str, float]:
        """Calls per second of each client in one round: all open at once, after warm-up
        calls, taking turns of TURN calls (the client at index `first` goes first); each
        client's rate counts the time of its own turns only."""
        with ExitStack() as stack:
            calls = {
                name: stack.enter_context(open_client(base_url))[operation]
                for name, open_client in clients.items()
            }
            for call in calls.values():
                for _ in range(self.warmup_calls):
                    call()
            elapsed = dict.fromkeys(calls, 0.0)
            order = rotated(list(calls), first)
            for _ in range(self.turns):
                for name in order:
                    call = calls[name]
                    start = time.perf_counter()
                    for _ in range(TURN):
                        call()
                    elapsed[name] += time.perf_counter() - start
        return {name: self.turns * TURN / seconds for name, seconds in elapsed.items()}

    def async_round(
        self,
        clients: Mapping[str, Callable[[str], AbstractAsyncContextManager[AsyncCalls]]],
        base_url: str,
        operation: str,
        first: int,
    ) -> dict[str, float]:
        """`sync_round` for asyncio: each turn keeps CONCURRENCY calls of one client in
        flight, as an async user would run them."""

        async def turn(call: Callable[[], Awaitable[object]], calls: int) -> None:
            async def caller() -> None:
                for _ in range(calls // CONCURRENCY):
                    await call()

            await asyncio.gather(*(caller() for _ in range(CONCURRENCY)))

        async def rates() -> dict[str, float]:
            async with AsyncExitStack() as stack:
                calls = {
                    name: (await stack.enter_async_context(open_client(base_url)))[operation]
                    for name, open_client in clients.items()
                }
                for call in calls.values():
                    await turn(call, self.warmup_calls)
                elapsed = dict.fromkeys(calls, 0.0)
                order = rotated(list(calls), first)
                for _ in range(self.turns):
                    for name in order:
                        start = time.perf_counter()
                        await turn(calls[name], TURN)
                        elapsed[name] += time.perf_counter() - start
            return {name: self.turns * TURN / seconds for name, seconds in elapsed.items()}

        return asyncio.run(rates())


def _rounds(base_url: str, workload: Workload, rounds: int) -> dict[str, list[dict[str, float]]]:
    """For each call and mode, every round's calls per second of each client."""
    modes: dict[str, Callable[[int], dict[str, float]]] = {}
    for operation in (GET, PATCH):
        modes[f"{operation}, sync"] = partial(workload.sync_round, CLIENTS, base_url, operation)
        modes[f"{operation}, async, {CONCURRENCY} in flight"] = partial(
            workload.async_round, ASYNC_CLIENTS, base_url, operation
        )
    return {mode: [measure(first) for first in range(rounds)] for mode, measure in modes.items()}


def measure(*, rounds: int, workload: Workload, load: wrk.Load, log_dir: Path) -> Section:
    port = processes.free_port()
    server = fixed_server_command(port)
    base_url = f"http://{processes.HOST}:{port}"
    rows: list[list[str]] = []
    ratios: list[Ratio] = []
    with processes.serving(server, port=port, log=log_dir / "fixed-server.log"):
        # What the server can answer, to show that the client, not the server, is the limit.
        capacity = wrk.run(load, base_url, _CAPACITY_MIX)
        for mode, measured in _rounds(base_url, workload, rounds).items():
            rates = {name: [each[name] for each in measured] for name in CLIENTS}
            raw = median(rates[RAW])
            row = [mode, f"{raw:,.0f} ({spread(rates[RAW])})"]
            for name in (GENERATED, FACADE):
                paired = [
                    ours / theirs for ours, theirs in zip(rates[name], rates[RAW], strict=True)
                ]
                ratio = median(paired)
                row += [
                    f"{median(rates[name]):,.0f} ({spread(rates[name])})",
                    f"{ratio:.2f} ({spread(paired)})",
                ]
                ratios.append(Ratio(f"client: {name} / raw httpx, {mode}", ratio, CLIENT_TARGET))
            rows.append(row)
        with _facade(base_url) as facade:
            for _ in range(workload.warmup_calls):
                facade[GET]()
            hotspots = Hotspots.of(facade[GET], workload.calls // 2)
    headers = ["call", f"{RAW} (calls/s)"]
    for name in (GENERATED, FACADE):
        headers += [f"{name} (calls/s)", f"{name} / raw"]
    body = f"""
Calls per second: median of {rounds} rounds; ± is half the range of the rounds. In each
round the three clients are new and open at once, each makes {workload.warmup_calls}
warm-up calls, then they take turns of {TURN} calls ({workload.turns} turns each; each
round starts with the next client), and a client's rate counts the time of its own turns.
Turns of a fraction of a second put the three at the same moments of whatever else the
machine does, which moves the calls per second of whole rounds (their spread) far more
than it moves one client against another. A ratio is the median of the rounds' own
ratios.

- **raw httpx**: `httpx.Client` / `httpx.AsyncClient` sending the same request with the
  key header, checking the status and running `json.loads` on the body.
- **generated functions**: `get_campaign.sync_detailed` / `asyncio_detailed` (and the
  same of `update_customer_campaign_status`) with an `AuthenticatedClient`, checking that
  `parsed` is the success model.
- **CareCycle facade**: `CareCycle` / `AsyncCareCycle`, `campaigns.get(...)` and
  `customers.update_campaign_status(...)`, which return the success model or raise.

Both of ours go through the client's retry loop (no retry happens: every answer is 200),
authentication, logging and reading the body into its model: the whole body is checked
against the model's JSON Schema in the call, and each field is read into its type when it
is first used (`Model.from_body`). No contender here reads a field of the result;
measurement 3 shows what reading every field adds. The async rows keep {CONCURRENCY}
calls in flight on one client, as an async user would. Each GET, of every contender, asks
for the next of {GET_IDS:,} campaign ids in the same order (the server answers any), so
that a client that keeps parsed URLs (ours keeps 256) gains nothing from asking for one
URL over and over.

{table(headers, rows)}
The server is a fixed-response server (`bench/fixed_server.py`: uvicorn with httptools
and uvloop, no access log) on core {processes.SERVER_CPU}, answering the seed examples of
openapi.yaml (the GET body is {len(campaign_body()):,} bytes) to any request. The clients
run on core {processes.LOAD_CPU}. It was chosen over the mock because it answers far
faster than one Python client asks — under wrk (five GETs to three PATCHes, the load
shape of measurement 1) it answered {capacity.requests_per_second:,.0f} requests/s — so
the client is the bottleneck, and the mock's own variance (validation, state, rate
limiting) does not blur a ratio that is about the client only.

{command_block([" ".join(processes.pinned(server, str(processes.SERVER_CPU)))])}
### Where the facade's time goes

cProfile of {workload.calls // 2} sync `campaigns.get` calls of the facade against the same
server, after {workload.warmup_calls} warm-up calls; shares of the profiled time
(`bench/hotspots.py` says what cProfile inflates).

Functions of the client package, with what they call:

{table(["function (file)", "share"], hotspots.rows(hotspots.cumulative, "carecycle_client/"))}
All functions, by their own time:

{table(["function (file)", "share"], hotspots.rows(hotspots.own))}"""
    return Section("2. Client overhead", body, ratios)
