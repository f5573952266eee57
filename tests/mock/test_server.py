"""The server as a real process: command line, signals, workers, a file database, crashes."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from carecycle_mock.data import WRITE, ApiKey, Dataset, Enrollment, default_dataset_path
from carecycle_mock.process import MockProcess

PATCH = "/v2/customers/campaign-status"


def body(enrollment: Enrollment, status: str) -> dict[str, str]:
    return {
        "customerId": enrollment.customer_id,
        "campaignId": enrollment.campaign_id,
        "status": status,
    }


@pytest.fixture
def enrollment(dataset: Dataset, read_write_key: ApiKey) -> Enrollment:
    return next(
        e for e in dataset.enrollments_of(read_write_key.organisation_id) if e.status == "pending"
    )


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_it_says_where_it_listens_and_stops_cleanly_on_a_signal(stop: signal.Signals) -> None:
    server = MockProcess()
    try:
        base_url = server.start()
        assert base_url.startswith("http://127.0.0.1:")
        assert not base_url.endswith(":0")
        assert httpx.get(f"{base_url}/_mock/requests").json() == {"count": 0, "requests": []}
        server._process.send_signal(stop)  # type: ignore[union-attr]
        assert server._process.wait(30) == 0  # type: ignore[union-attr]
        assert "Traceback" not in server.log_text()
    finally:
        server.close()


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "carecycle_mock", "--port", "0", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "arguments",
    [
        ("--rate-limit", "-1"),
        ("--workers", "0"),
        ("--fault-rate", "500"),
        ("--fault-rate", "500=lots"),
        ("--fault-rate", "500=0.7", "--fault-rate", "429=0.7"),
        ("--fault-script", "500,teapot"),
        ("--latency", "-1"),
        ("--idle-timeout", "0"),
        ("--body-timeout", "soon"),
        ("--max-connections", "0"),
        ("--max-header-fields", "-5"),
        ("--admin-token-file", "/nonexistent/admin-token"),
        ("--nonsense",),
    ],
)
def test_bad_arguments_exit_2_with_a_message(arguments: tuple[str, ...]) -> None:
    result = run_cli(*arguments)
    assert result.returncode == 2
    assert "carecycle-mock: error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_data_set_exits_1_saying_why(tmp_path: Path) -> None:
    data = json.loads(default_dataset_path().read_text())
    data["enrollments"][0]["status"] = 7
    broken = tmp_path / "data.json"
    broken.write_text(json.dumps(data))
    result = run_cli("--data", str(broken))
    assert result.returncode == 1
    assert "enrollments/0/status: Invalid input: expected string, received number" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_port_in_use_exits_1() -> None:
    with MockProcess() as running:
        port = running.base_url.rsplit(":", 1)[1]
        result = subprocess.run(
            [sys.executable, "-m", "carecycle_mock", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert "Address already in use" in result.stderr


def test_no_key_reaches_the_log(dataset: Dataset, read_write_key: ApiKey) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    with (
        MockProcess("--fault-script", "500") as server,
        httpx.Client(base_url=server.base_url) as http,
    ):
        http.put("/_mock/faults", json={"apiKey": read_write_key.key, "script": [{"status": 500}]})
        http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
        http.get(
            f"/v2/campaigns/{read_write_key.key}",
            params={"apiKey": read_write_key.key},
            headers={"x-api-key": read_write_key.key},
        )
        http.get("/_mock/requests", params={"apiKey": read_write_key.key})
        http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": "cc_wrong_key_123"})
        http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
        # A line is written just after its answer is sent: stopped, the server has written all.
        server.stop()
        log = server.log_text()
    assert f"GET /v2/campaigns/{campaign.id} 200" in log
    assert "cc_***" in log
    secret = read_write_key.key.removeprefix("cc_")
    assert secret not in log
    assert "wrong_key_123" not in log


def test_the_state_survives_a_restart_with_a_file_database(
    tmp_path: Path, dataset: Dataset, read_write_key: ApiKey, enrollment: Enrollment
) -> None:
    database = str(tmp_path / "state.sqlite3")
    with MockProcess("--db", database) as first:
        answer = httpx.patch(
            f"{first.base_url}{PATCH}",
            json=body(enrollment, "failed"),
            headers={"x-api-key": read_write_key.key},
        )
        assert answer.json()["previousStatus"] == "pending"
    with MockProcess("--db", database) as second:
        answer = httpx.patch(
            f"{second.base_url}{PATCH}",
            json=body(enrollment, "completed"),
            headers={"x-api-key": read_write_key.key},
        )
        assert answer.json()["previousStatus"] == "failed"


def test_a_database_of_another_data_set_is_refused(tmp_path: Path) -> None:
    database = str(tmp_path / "state.sqlite3")
    with MockProcess("--db", database):
        pass
    data = json.loads(default_dataset_path().read_text())
    data["organisations"][0]["name"] = "Renamed"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data))
    result = run_cli("--db", database, "--data", str(other))
    assert result.returncode == 1
    assert "was seeded from another data set" in result.stderr


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[MockProcess]:
    """Two server processes sharing one database file."""
    with MockProcess(
        "--workers",
        "2",
        "--db",
        str(tmp_path / "shared.sqlite3"),
        "--rate-limit",
        "0",
        "--no-access-log",
    ) as server:
        yield server


def test_concurrent_patches_of_one_enrollment_are_serialised(
    workers: MockProcess, read_write_key: ApiKey, enrollment: Enrollment
) -> None:
    """Each answer's previousStatus is what the one before it set: the answers form one chain
    from the seed status to the final one, with no status reported as previous twice."""
    answers: list[tuple[str, str]] = []
    lock = threading.Lock()

    def hammer(thread: int) -> None:
        with httpx.Client(
            base_url=workers.base_url, headers={"x-api-key": read_write_key.key}
        ) as http:
            for step in range(25):
                status = ("completed", "failed")[(thread + step) % 2]
                result = http.patch(PATCH, json=body(enrollment, status)).json()
                with lock:
                    answers.append((result["previousStatus"], result["newStatus"]))

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    final = httpx.patch(
        f"{workers.base_url}{PATCH}",
        json=body(enrollment, "failed"),
        headers={"x-api-key": read_write_key.key},
    )
    last_set = final.json()["previousStatus"]
    previous = Counter(p for p, _ in answers) + Counter([last_set])
    new = Counter(n for _, n in answers) + Counter([enrollment.status])
    assert len(answers) == 200
    assert previous == new


def test_the_rate_limit_holds_across_workers(
    tmp_path: Path, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    arguments = (
        "--workers",
        "2",
        "--db",
        str(tmp_path / "limited.sqlite3"),
        "--rate-limit",
        "10",
        "--no-access-log",
    )
    with MockProcess(*arguments) as server:
        got = Counter(
            httpx.get(
                f"{server.base_url}/v2/campaigns/{campaign.id}",
                headers={"x-api-key": read_write_key.key, "connection": "close"},
            ).status_code
            for _ in range(30)
        )
    assert got == Counter({200: 10, 429: 20})


def data_with_many_pending(directory: Path, count: int) -> tuple[Path, list[Enrollment]]:
    """The default data set plus `count` customers enrolled, pending, in its first campaign."""
    data = json.loads(default_dataset_path().read_text())
    campaign = data["campaigns"][0]
    added = []
    for n in range(count):
        customer = str(uuid.UUID(int=(1 << 64) + n, version=4))
        enrollment = str(uuid.UUID(int=(2 << 64) + n, version=4))
        data["customers"].append(
            {"id": customer, "organisationId": campaign["organisationId"], "name": f"Customer {n}"}
        )
        data["enrollments"].append(
            {
                "id": enrollment,
                "customerId": customer,
                "campaignId": campaign["campaign"]["id"],
                "status": "pending",
            }
        )
        added.append(Enrollment(enrollment, customer, campaign["campaign"]["id"], "pending"))
    path = directory / "many.json"
    path.write_text(json.dumps(data))
    return path, added


def test_no_acknowledged_update_is_lost_when_the_server_is_killed(
    tmp_path: Path, dataset: Dataset
) -> None:
    """Writers complete pending enrollments, each once, until SIGKILL. After a restart every
    acknowledged one is completed; only those in flight at the kill may be either."""
    data, enrollments = data_with_many_pending(tmp_path, 3000)
    owner = next(
        k
        for k in dataset.api_keys
        if k.organisation_id == dataset.campaigns[0].organisation_id and WRITE in k.permissions
    )
    database = str(tmp_path / "crash.sqlite3")
    acknowledged: set[str] = set()
    enough = threading.Event()
    arguments = ("--db", database, "--data", str(data), "--rate-limit", "0", "--no-access-log")
    server = MockProcess(*arguments)
    server.start()

    def complete(share: list[Enrollment]) -> None:
        with httpx.Client(base_url=server.base_url, headers={"x-api-key": owner.key}) as http:
            for enrollment in share:
                try:
                    answer = http.patch(PATCH, json=body(enrollment, "completed"))
                except httpx.TransportError:
                    return
                assert answer.json()["previousStatus"] == "pending"
                acknowledged.add(enrollment.id)
                if len(acknowledged) >= 300:
                    enough.set()

    threads = [threading.Thread(target=complete, args=(enrollments[n::6],)) for n in range(6)]
    try:
        for thread in threads:
            thread.start()
        assert enough.wait(120), "the writers never got going"
        server.kill()
        for thread in threads:
            thread.join(60)
    finally:
        server.close()
    assert len(acknowledged) < len(enrollments), "the kill came after the last write"

    with closing(sqlite3.connect(database)) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with (
        MockProcess(*arguments) as restarted,
        httpx.Client(base_url=restarted.base_url, headers={"x-api-key": owner.key}) as http,
    ):
        after = {
            e.id: http.patch(PATCH, json=body(e, "failed")).json()["previousStatus"]
            for e in enrollments
        }
    assert [e for e in acknowledged if after[e] != "completed"] == [], "acknowledged, then lost"
    unacknowledged = Counter(status for e, status in after.items() if e not in acknowledged)
    assert unacknowledged["completed"] <= len(threads), "only requests in flight may have landed"
    assert set(unacknowledged) <= {"pending", "completed"}
