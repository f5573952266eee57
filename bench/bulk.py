"""Bulk updates: `customers.update_campaign_statuses` paced by the client's rate limiter
against our mock at a raised rate limit, and the time `carecycle bulk-update` takes to
check a file of 100,000 rows.

The mock runs on the server core with a data set of ROWS extra enrollments and its rate
limit raised to PER_MINUTE requests a minute per key (`--rate-limit`, over a window of
WINDOW_S seconds: `--rate-window`); the client runs
in this process on the load core, with `rate_limit=PER_MINUTE`, as a user would set it.
The limiter paces evenly (one permit every 60 / PER_MINUTE seconds, plus its margin), so
the achieved rate, rows a minute from the first request to the last answer, over
PER_MINUTE is how close to the quota a bulk run goes; the server counts the 429s.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench import processes
from bench.report import Ratio, Section, table
from bench.rounds import median, spread
from carecycle_client import CareCycle
from carecycle_client.bulk import DEFAULT_CONCURRENCY, BulkProgress, BulkResult
from carecycle_client.bulk_file import read_bulk_file
from carecycle_client.models import UpdateCustomerCampaignStatusResponse
from carecycle_mock.data import READ, WRITE, default_dataset_path

ROWS = 1000
PER_MINUTE = 1200
WINDOW_S = 3
"""The mock's rate window. A minute's window of 1,200 would hold all 1,000 rows, so no
pace could earn a 429 and the count of 429s would prove nothing; a 3 s window of 60
refuses any burst above the quota, as the client's pace must not make."""
VALIDATED_ROWS = 100_000
ACHIEVED_TARGET = 0.97
VALIDATION_TARGET_S = 2.0
WARM_UP_ROWS = 20

Response = UpdateCustomerCampaignStatusResponse


@dataclass(frozen=True)
class Run:
    """One bulk run: its time, its outcome and what the server answered."""

    seconds: float
    applied: int
    failed: int
    too_many: int
    """429s the server sent (its request journal)."""

    @property
    def achieved(self) -> float:
        return achieved_ratio(ROWS, self.seconds, PER_MINUTE)


def achieved_ratio(rows: int, seconds: float, per_minute: float) -> float:
    """Rows a minute over the rate allowed."""
    return rows / seconds * 60 / per_minute


def _dataset(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    """A data set of ROWS pending enrollments in one campaign: its read-write key and rows."""
    data = json.loads(default_dataset_path().read_text())
    organisation = data["organisations"][0]["id"]
    campaigns = (c for c in data["campaigns"] if c["organisationId"] == organisation)
    campaign = next(campaigns)["campaign"]["id"]
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
        enrollment = {"customerId": customer, "campaignId": campaign, "status": "pending"}
        data["enrollments"].append({"id": str(uuid.uuid4()), **enrollment})
        rows.append((customer, campaign, "completed"))
    path.write_text(json.dumps(data))
    return key, rows


def _mock_command(port: int, dataset: Path) -> list[str]:
    per_window = PER_MINUTE * WINDOW_S // 60
    options = f"--host {processes.HOST} --port {port} --rate-limit {per_window}"
    options += f" --rate-window {WINDOW_S}"
    return [
        *(sys.executable, "-m", "carecycle_mock", *options.split()),
        *("--data", str(dataset), "--no-access-log"),
    ]


def _reset(base_url: str) -> None:
    """Seed statuses back, rate-limit windows and the journal empty."""
    httpx.post(f"{base_url}/_mock/reset").raise_for_status()


def _run(base_url: str, key: str, rows: list[tuple[str, str, str]]) -> Run:
    _reset(base_url)
    acknowledged: list[float] = []

    def progress(event: BulkProgress[Response]) -> None:
        acknowledged.append(time.monotonic())

    with CareCycle(key, base_url=base_url, rate_limit=PER_MINUTE) as carecycle:
        started = time.monotonic()
        result: BulkResult[Response] = carecycle.customers.update_campaign_statuses(
            rows, progress=progress
        )
    seconds = max(acknowledged) - started
    journal = httpx.get(
        f"{base_url}/_mock/requests", params={"apiKey": key, "status": "429"}, timeout=30
    ).raise_for_status()
    return Run(seconds, result.applied, result.failed, len(journal.json()["requests"]))


def _warm_up(base_url: str, key: str, rows: list[tuple[str, str, str]]) -> None:
    with CareCycle(key, base_url=base_url, rate_limit=None) as carecycle:
        carecycle.customers.update_campaign_statuses(rows[:WARM_UP_ROWS])


def _validation_seconds(path: Path, campaign: str, rounds: int) -> list[float]:
    """Seconds to read and check a CSV file of VALIDATED_ROWS distinct rows, per round."""
    with path.open("w") as file:
        file.write("customerId,campaignId,status\n")
        for _ in range(VALIDATED_ROWS):
            file.write(f"{uuid.uuid4()},{campaign},completed\n")
    read_bulk_file(path)  # warm-up: the file in the page cache, the code imported
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        checked = read_bulk_file(path)
        times.append(time.perf_counter() - started)
        if checked.problems or len(checked.rows) != VALIDATED_ROWS:
            raise RuntimeError(f"the file should hold good rows only: {checked.problems[:3]}")
    return times


def measure(*, rounds: int, log_dir: Path) -> Section:
    log_dir.mkdir(parents=True, exist_ok=True)
    dataset = log_dir / "bulk-dataset.json"
    key, rows = _dataset(dataset)
    port = processes.free_port()
    base_url = f"http://{processes.HOST}:{port}"
    command = _mock_command(port, dataset)
    with processes.serving(command, port=port, log=log_dir / "bulk-mock.log"):
        _warm_up(base_url, key, rows)
        runs = [_run(base_url, key, rows) for _ in range(rounds)]
    validation = _validation_seconds(log_dir / "bulk-100k.csv", rows[0][1], rounds)
    achieved = [run.achieved for run in runs]
    ratios = [
        Ratio("bulk: achieved / allowed rate", median(achieved), ACHIEVED_TARGET),
        Ratio("bulk: 429s (all rounds)", float(sum(run.too_many for run in runs)), ceiling=0),
        Ratio(
            "bulk: seconds to check 100,000 rows",
            median(validation),
            ceiling=VALIDATION_TARGET_S,
        ),
    ]
    headers = [
        "round",
        "seconds",
        "rows a minute",
        "achieved / allowed",
        "429s",
        "applied",
        "failed",
    ]
    table_rows = [
        [
            str(number),
            f"{run.seconds:.1f}",
            f"{ROWS / run.seconds * 60:,.0f}",
            f"{run.achieved:.3f}",
            str(run.too_many),
            str(run.applied),
            str(run.failed),
        ]
        for number, run in enumerate(runs, start=1)
    ]
    checks = ", ".join(f"{seconds:.2f}" for seconds in validation)
    body = f"""
`customers.update_campaign_statuses` with {ROWS:,} rows (its default concurrency,
{DEFAULT_CONCURRENCY}) and `rate_limit={PER_MINUTE}` against our mock with
`--rate-limit {PER_MINUTE * WINDOW_S // 60} --rate-window {WINDOW_S}` (the same quota over
a {WINDOW_S} s window, which a burst above it cannot pass unrefused; a minute's window would hold
every row), the mock on the
server core and the client in this process on the load core, {rounds} rounds, each from
`/_mock/reset` (seed statuses, an empty rate window), after a warm-up of {WARM_UP_ROWS}
unpaced rows. **achieved / allowed** is rows a minute, from the first request to the last
answer, over {PER_MINUTE:,}; the limiter's margin (2% of the period, for the time a request
takes to reach the server) costs about 2% of it by design. 429s are counted by the server
(its request journal). Median {median(achieved):.3f} ({spread(achieved)}).

{table(headers, table_rows)}
Checking a bulk-update file: `read_bulk_file` (what `carecycle bulk-update` runs before
sending anything: CSV parsing, the spec's UUID pattern on both ids, the status, duplicates)
on {VALIDATED_ROWS:,} distinct rows: {checks} s (median {median(validation):.2f} s, target
< {VALIDATION_TARGET_S:g} s), after one untimed run.
"""
    return Section("7. Bulk updates", body, ratios)
