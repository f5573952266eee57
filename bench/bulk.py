"""Bulk updates: `customers.update_campaign_statuses` against our mock at a raised rate
limit, paced by the client's limiter vs unpaced (retrying on 429s, as other SDKs leave
it), and the time `carecycle bulk-update` takes to check a file of 100,000 rows.

The mock runs on the server core with a data set of ROWS extra enrollments and a rate
limit of LIMIT requests per WINDOW seconds (1,200 a minute): a window of seconds, so that
ROWS rows span several windows and the limit binds. careCycle's rule is a sliding window,
so a client at the limit sends a window's worth at once and each next one a window later:
the fastest ROWS rows can go is WINDOW * (ceil(ROWS / LIMIT) - 1) seconds, plus the last
answers. The achieved rate over the allowed rate is that time over the run's time.
"""

from __future__ import annotations

import json
import math
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench import processes
from bench.report import Ratio, Section, table
from bench.rounds import median
from carecycle_client import CareCycle
from carecycle_client.bulk import BulkProgress, BulkResult
from carecycle_client.bulk_file import read_bulk_file
from carecycle_client.models import UpdateCustomerCampaignStatusResponse
from carecycle_client.rate_limit import InProcessRateLimiter
from carecycle_mock.data import READ, WRITE, default_dataset_path

ROWS = 1000
LIMIT = 100
WINDOW = 5.0
CONCURRENCY = 4
"""The bulk call's default."""
MORE_CONCURRENCY = 8
VALIDATED_ROWS = 100_000
VALIDATION_ROUNDS = 3
ACHIEVED_TARGET = 0.97
VALIDATION_TARGET_S = 2.0
UNPACED_RETRIES = 20
"""Enough for every unpaced row to get through in the end: each 429 asks for at most WINDOW."""

Response = UpdateCustomerCampaignStatusResponse


@dataclass(frozen=True)
class Run:
    """One bulk run: its time, its outcome and what the server answered."""

    name: str
    concurrency: int
    seconds: float
    first_window: float
    """Seconds from the first request to the answer of the window's worth (LIMIT): the burst
    that each window repeats, and that no pacing shortens."""
    applied: int
    failed: int
    too_many: int
    """429s the server sent (its request journal)."""

    @property
    def achieved(self) -> float:
        return fastest_seconds(ROWS, LIMIT, WINDOW) / self.seconds

    def row(self) -> list[str]:
        rate = ROWS / self.seconds * 60
        return [
            self.name,
            str(self.concurrency),
            f"{self.seconds:.1f}",
            f"{self.first_window:.2f}",
            f"{rate:,.0f}",
            f"{self.achieved:.3f}",
            str(self.too_many),
            f"{self.applied} / {self.failed}",
        ]


def fastest_seconds(rows: int, limit: int, window: float) -> float:
    """The least time `rows` requests take under `limit` per sliding `window`: a window's
    worth at once, the next a window later, and so on (the last answers' time aside)."""
    return window * (math.ceil(rows / limit) - 1)


def _dataset(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    """A data set of ROWS pending enrollments in one campaign: its read-write key and rows."""
    data = json.loads(default_dataset_path().read_text())
    organisation = data["organisations"][0]["id"]
    campaign = next(c for c in data["campaigns"] if c["organisationId"] == organisation)[
        "campaign"
    ]["id"]
    key = next(
        k["key"]
        for k in data["apiKeys"]
        if k["organisationId"] == organisation and set(k["permissions"]) == {READ, WRITE}
    )
    rows = []
    for number in range(ROWS):
        customer = str(uuid.uuid4())
        data["customers"].append(
            {"id": customer, "organisationId": organisation, "name": f"Bulk {number}"}
        )
        data["enrollments"].append(
            {
                "id": str(uuid.uuid4()),
                "customerId": customer,
                "campaignId": campaign,
                "status": "pending",
            }
        )
        rows.append((customer, campaign, "completed"))
    path.write_text(json.dumps(data))
    return key, rows


def _mock_command(port: int, dataset: Path) -> list[str]:
    options = f"--host {processes.HOST} --port {port} --rate-limit {LIMIT} --rate-window {WINDOW:g}"
    return [
        sys.executable,
        "-m",
        "carecycle_mock",
        *options.split(),
        "--data",
        str(dataset),
        "--no-access-log",
    ]


def _run(
    name: str,
    base_url: str,
    key: str,
    rows: list[tuple[str, str, str]],
    concurrency: int,
    **settings: Any,
) -> Run:
    httpx.post(
        f"{base_url}/_mock/reset"
    ).raise_for_status()  # seed statuses, empty windows and journal
    acknowledged: list[float] = []

    def progress(event: BulkProgress[Response]) -> None:
        acknowledged.append(time.monotonic())

    with CareCycle(key, base_url=base_url, **settings) as carecycle:
        started = time.monotonic()
        result: BulkResult[Response] = carecycle.customers.update_campaign_statuses(
            rows, concurrency=concurrency, progress=progress
        )
    seconds = max(acknowledged) - started
    first_window = sorted(acknowledged)[LIMIT - 1] - started
    journal = httpx.get(
        f"{base_url}/_mock/requests", params={"apiKey": key, "status": "429"}, timeout=30
    ).raise_for_status()
    too_many = len(journal.json()["requests"])
    return Run(name, concurrency, seconds, first_window, result.applied, result.failed, too_many)


def _warm_up(base_url: str, key: str, rows: list[tuple[str, str, str]]) -> None:
    with CareCycle(key, base_url=base_url, rate_limit=None) as carecycle:
        carecycle.customers.update_campaign_statuses(rows[:20], concurrency=CONCURRENCY)


def _validation_seconds(path: Path, rows: list[tuple[str, str, str]]) -> list[float]:
    """Seconds to read and check a CSV file of VALIDATED_ROWS distinct rows, per round."""
    campaign = rows[0][1]
    with path.open("w") as file:
        file.write("customerId,campaignId,status\n")
        for _ in range(VALIDATED_ROWS):
            file.write(f"{uuid.uuid4()},{campaign},completed\n")
    read_bulk_file(path)  # warm-up: the file in the page cache, the code imported
    times = []
    for _ in range(VALIDATION_ROUNDS):
        started = time.perf_counter()
        checked = read_bulk_file(path)
        times.append(time.perf_counter() - started)
        if checked.problems or len(checked.rows) != VALIDATED_ROWS:
            raise RuntimeError(
                f"the validation file should be all good rows: {checked.problems[:3]}"
            )
    return times


def measure(*, log_dir: Path) -> Section:
    log_dir.mkdir(parents=True, exist_ok=True)
    dataset = log_dir / "bulk-dataset.json"
    key, rows = _dataset(dataset)
    port = processes.free_port()
    base_url = f"http://{processes.HOST}:{port}"

    def paced(concurrency: int) -> Run:
        limiter = InProcessRateLimiter(LIMIT, WINDOW)
        return _run("paced", base_url, key, rows, concurrency, rate_limit=limiter)

    def unpaced() -> Run:
        name, retries = "unpaced, retrying 429s", UNPACED_RETRIES
        return _run(name, base_url, key, rows, CONCURRENCY, rate_limit=None, max_retries=retries)

    contenders: list[Callable[[], Run]] = [
        lambda: paced(CONCURRENCY),
        lambda: paced(MORE_CONCURRENCY),
        unpaced,
    ]
    with processes.serving(_mock_command(port, dataset), port=port, log=log_dir / "bulk-mock.log"):
        _warm_up(base_url, key, rows)
        runs = [contender() for contender in contenders]
    validation = _validation_seconds(log_dir / "bulk-100k.csv", rows)
    paced_default, paced_more, _ = runs
    ratios = [
        Ratio(
            f"bulk: achieved / allowed rate, paced, concurrency {CONCURRENCY}",
            paced_default.achieved,
            ACHIEVED_TARGET,
        ),
        Ratio(
            f"bulk: achieved / allowed rate, paced, concurrency {MORE_CONCURRENCY}",
            paced_more.achieved,
            ACHIEVED_TARGET,
        ),
        Ratio(
            f"bulk: rows a minute / {LIMIT * 60 / WINDOW:,.0f}, paced, concurrency {CONCURRENCY}",
            ROWS / paced_default.seconds * WINDOW / LIMIT,
        ),
        Ratio("bulk: 429s, paced", float(paced_default.too_many + paced_more.too_many), at_most=0),
        Ratio(
            "bulk: seconds to check 100,000 rows",
            median(validation),
            at_most=VALIDATION_TARGET_S,
        ),
    ]
    headers = [
        "run",
        "concurrency",
        "seconds",
        f"first {LIMIT} answered (s)",
        "rows a minute",
        "achieved / allowed",
        "429s",
        "applied / failed",
    ]
    allowed = fastest_seconds(ROWS, LIMIT, WINDOW)
    body = f"""
`customers.update_campaign_statuses` with {ROWS:,} rows against our
mock (`--rate-limit {LIMIT} --rate-window {WINDOW:g}`: {LIMIT * 60 / WINDOW:,.0f} a minute, in
windows of {WINDOW:g} s so that {ROWS:,} rows span {math.ceil(ROWS / LIMIT)} windows and the
limit binds), the mock on the server core, the client in this process on the load core;
each run starts from `/_mock/reset` (seed statuses, empty rate windows), after a warm-up of
20 unpaced rows. The rule is a sliding window, so the fastest {ROWS:,} rows can go is
{allowed:g} s (a window's worth at once, the next a window later); **achieved / allowed** is
that over the run's time (first request to last answer). 429s are counted by the server
(its request journal). Where the rest goes: the limiter keeps a margin of 2% of the window
for the time a request takes to arrive (about 2% here, as at a real minute's window), and the
last window's worth takes as long to answer as the first (the "first answered" column),
which more concurrency shortens. "rows a minute" over the limit, the plain reading of
"achieved / allowed", is above 1 (in the summary, without a target): the sliding window
lets the first window's worth go at once, so it says less than the ratio above. One run each (a run lasts the better part of a minute), in the table's
order; the unpaced run is what a loop without a limiter gets (its 429s).

{table(headers, [run.row() for run in runs])}
Checking a bulk-update file: `read_bulk_file` (what `carecycle bulk-update` runs before
sending anything: CSV parsing, the spec's UUID pattern on both ids, the status, duplicates)
on {VALIDATED_ROWS:,} distinct rows, {", ".join(f"{t:.2f}" for t in validation)} s
(median {median(validation):.2f} s, target < {VALIDATION_TARGET_S:g} s), after one warm-up run.
"""
    return Section("5. Bulk updates", body, ratios)
