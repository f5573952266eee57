"""The `carecycle` console script, run as a user runs it (the installed script, in a child
process) against the mock server as a real process, with a data set of many enrollments.
What the script sent is checked on the server's side, in the mock's request journal; no
test's output may show the key."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from carecycle_client import cli
from carecycle_mock.data import READ, WRITE, default_dataset_path
from carecycle_mock.process import MockProcess

SCRIPT = Path(sys.executable).with_name("carecycle")
ROWS = 60
DEADLINE = 30.0


class Server:
    """The mock with ROWS extra enrollments (pending) in one campaign, and its controls."""

    def __init__(
        self, process: MockProcess, data: dict[str, Any], customers: list[str], campaign: str
    ) -> None:
        self.base_url = process.base_url
        organisation = data["organisations"][0]["id"]
        keys = [key for key in data["apiKeys"] if key["organisationId"] == organisation]
        self.read_write_key: str = next(
            k["key"] for k in keys if set(k["permissions"]) == {READ, WRITE}
        )
        self.read_only_key: str = next(k["key"] for k in keys if set(k["permissions"]) == {READ})
        self.customers = customers
        self.campaign = campaign

    def reset(self) -> None:
        httpx.post(f"{self.base_url}/_mock/reset").raise_for_status()

    def slow_down(self, seconds: float) -> None:
        httpx.put(f"{self.base_url}/_mock/faults", json={"latency": seconds}).raise_for_status()

    def patches(self, key: str, **filters: str) -> list[dict[str, Any]]:
        """The journal's PATCHes with `key`, oldest first."""
        params = {"apiKey": key, "operation": "updateCustomerCampaignStatus", **filters}
        answer = httpx.get(f"{self.base_url}/_mock/requests", params=params).raise_for_status()
        entries: list[dict[str, Any]] = answer.json()["requests"]
        return entries

    def completed(self) -> int:
        """The campaign's enrollments now completed, as the API counts them."""
        answer = httpx.get(
            f"{self.base_url}/v2/campaigns/{self.campaign}",
            headers={"x-api-key": self.read_write_key},
        )
        count: int = answer.raise_for_status().json()["campaign"]["customerStats"]["statusCounts"][
            "completed"
        ]
        return count

    def csv(self, path: Path, rows: list[tuple[str, str, str]] | None = None) -> Path:
        rows = (
            rows
            if rows is not None
            else [(customer, self.campaign, "completed") for customer in self.customers]
        )
        path.write_text(
            "customerId,campaignId,status\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows)
        )
        return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = json.loads(default_dataset_path().read_text())
    organisation = data["organisations"][0]["id"]
    campaign = next(c for c in data["campaigns"] if c["organisationId"] == organisation)[
        "campaign"
    ]["id"]
    customers = [str(uuid.uuid4()) for _ in range(ROWS)]
    for number, customer in enumerate(customers):
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
    path = tmp_path_factory.mktemp("bulk") / "dataset.json"
    path.write_text(json.dumps(data))
    with MockProcess("--data", str(path), "--rate-limit", "0") as process:
        yield Server(process, data, customers, campaign)


@pytest.fixture
def mock(server: Server) -> Server:
    server.reset()
    return server


def _environment(server: Server, key: str | None) -> dict[str, str]:
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("CARECYCLE_")
    }
    environment["CARECYCLE_BASE_URL"] = server.base_url
    if key is not None:
        environment["CARECYCLE_API_KEY"] = key
    return environment


def carecycle(
    server: Server, *arguments: str, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the script to its end; its output never shows the key."""
    key = server.read_write_key if key is None else key
    done = subprocess.run(
        [str(SCRIPT), *arguments],
        env=_environment(server, key),
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=False,
    )
    assert_no_key(done.stdout + done.stderr, server)
    return done


def in_process(
    server: Server,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *arguments: str,
    key: str | None = None,
) -> tuple[int, str, str]:
    """`carecycle` run in this process (cheaper than a child): exit code, stdout, stderr."""
    for name, value in _environment(server, server.read_write_key if key is None else key).items():
        if name.startswith("CARECYCLE_"):
            monkeypatch.setenv(name, value)
    if key == "":
        monkeypatch.delenv("CARECYCLE_API_KEY")
    try:
        code = cli.run(arguments)
    except SystemExit as exit:  # argparse: --help, a usage error
        code = exit.code if isinstance(exit.code, int) else 2
    out, err = capsys.readouterr()
    assert_no_key(out + err, server)
    return code, out, err


def assert_no_key(text: str, server: Server) -> None:
    for key in (server.read_write_key, server.read_only_key):
        assert key not in text
        assert key.removeprefix("cc_") not in text


def journal_lines(path: Path) -> list[dict[str, Any]]:
    """The journal's complete lines (a killed run may leave a partial last one)."""
    lines = path.read_bytes().split(b"\n")[:-1] if path.exists() else []
    return [json.loads(line) for line in lines]


def wait_for(condition: Any, what: str) -> None:
    """Poll `condition` until it holds, within DEADLINE."""
    ends = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < ends, f"timed out waiting for {what}"
        time.sleep(0.005)


def test_help_shows_each_command(
    mock: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    top = carecycle(mock, "--help")  # the installed script
    assert top.returncode == 0
    for name in ("campaigns", "customers", "bulk-update"):
        assert name in top.stdout
    for command in (["campaigns", "get"], ["customers", "update-status"], ["bulk-update"]):
        code, out, _ = in_process(mock, capsys, monkeypatch, *command, "--help")
        assert code == 0
        assert "--api-key-file" in out
        assert "--base-url" in out
    readme = (Path(__file__).parents[2] / "generated" / "README.md").read_text()
    for shown in (
        "carecycle campaigns get",
        "carecycle customers update-status",
        "carecycle bulk-update",
    ):
        assert shown in readme


@pytest.mark.usefixtures("package_logs")
def test_campaigns_get_and_customers_update_status(
    mock: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = in_process(
        mock,
        capsys,
        monkeypatch,
        "campaigns",
        "get",
        mock.campaign,
        "--include-client",
        "--json",
        "-vv",
    )
    assert code == 0, err
    assert json.loads(out)["campaign"]["id"] == mock.campaign
    assert "GET /v2/campaigns/" in err  # -vv logs each request, without the key
    code, out, err = in_process(mock, capsys, monkeypatch, "campaigns", "get", mock.campaign)
    assert code == 0, err
    assert "customers: " in out
    key_file = tmp_path / "key"
    key_file.write_text(mock.read_write_key + "\n")
    arguments = [
        "--customer-id",
        mock.customers[0],
        "--campaign-id",
        mock.campaign,
        "--status",
        "completed",
    ]
    code, out, err = in_process(
        mock,
        capsys,
        monkeypatch,
        "customers",
        "update-status",
        *arguments,
        "--api-key-file",
        str(key_file),
        key="",
    )
    assert code == 0, err
    assert "pending -> completed" in out
    assert len(mock.patches(mock.read_write_key, status="200")) == 1


@pytest.mark.usefixtures("package_logs")
def test_usage_and_api_errors_have_their_exit_codes(
    mock: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = in_process(mock, capsys, monkeypatch, "campaigns", "get", mock.campaign, key="")
    assert code == 2
    assert "CARECYCLE_API_KEY" in err
    code, _, err = in_process(mock, capsys, monkeypatch, "campaigns", "get", "not-a-uuid")
    assert code == 2
    assert "not a UUID" in err
    wrong_key = f"cc_wrong_{secrets.token_hex(12)}"
    code, out, err = in_process(
        mock, capsys, monkeypatch, "campaigns", "get", mock.campaign, "-vv", key=wrong_key
    )
    assert code == 1
    assert "401" in err
    assert wrong_key not in out + err


def test_a_file_with_bad_rows_is_refused_with_their_line_numbers_and_nothing_sent(
    mock: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = [(customer, mock.campaign, "completed") for customer in mock.customers[:5]]
    bad = [
        ("not-a-uuid", mock.campaign, "completed"),  # line 7
        (
            mock.customers[5],
            "{" + mock.campaign + "}",
            "completed",
        ),  # 8: braces, refused by the pattern
        (mock.customers[6], mock.campaign, "done"),  # 9: unknown
        (mock.customers[7], mock.campaign, "pending"),  # 10: not terminal
        good[1],  # 11: repeats line 3
    ]
    path = mock.csv(tmp_path / "updates.csv", good + bad)
    refused = carecycle(mock, "bulk-update", str(path), "--rate", "0")  # the installed script
    assert refused.returncode == 2
    for line in (7, 8, 9, 10, 11):
        assert f"line {line}: " in refused.stderr
    assert "line 11: repeats line 3" in refused.stderr
    assert "nothing was sent" in refused.stderr
    assert mock.patches(mock.read_write_key) == []
    assert not (tmp_path / "updates.csv.journal.jsonl").exists()

    code, _, _ = in_process(
        mock,
        capsys,
        monkeypatch,
        "bulk-update",
        str(path),
        "--rate",
        "0",
        "--skip-invalid",
        "--no-progress",
    )
    assert code == 1  # the bad rows count as failed
    assert len(mock.patches(mock.read_write_key, status="200")) == 5


def test_a_403_stops_the_run_early(
    mock: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = mock.csv(tmp_path / "updates.csv")
    code, _, err = in_process(
        mock,
        capsys,
        monkeypatch,
        "bulk-update",
        str(path),
        "--rate",
        "0",
        "--concurrency",
        "2",
        key=mock.read_only_key,
    )
    assert code == 1
    assert "stopped early" in err
    sent = mock.patches(mock.read_only_key)
    assert 1 <= len(sent) <= 2  # the rows in flight when the first 403 came, no more
    assert {entry["status"] for entry in sent} == {403}


def test_a_run_killed_midway_is_resumed_and_every_row_applied(mock: Server, tmp_path: Path) -> None:
    path = mock.csv(tmp_path / "updates.csv")
    journal = tmp_path / "updates.csv.journal.jsonl"
    completed_before = mock.completed()
    mock.slow_down(0.02)  # so that the kill comes midway
    run = subprocess.Popen(
        [str(SCRIPT), "bulk-update", str(path), "--rate", "0", "--concurrency", "2"],
        env=_environment(mock, mock.read_write_key),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(
            lambda: len(journal_lines(journal)) >= 10 or run.poll() is not None, "10 journal lines"
        )
        run.send_signal(signal.SIGKILL)
    finally:
        stdout, stderr = run.communicate(timeout=DEADLINE)
    assert run.returncode == -signal.SIGKILL
    assert_no_key(stdout + stderr, mock)
    first = journal_lines(journal)
    assert 10 <= len(first) < ROWS
    applied_first = {
        entry["requestId"] for entry in mock.patches(mock.read_write_key, status="200")
    }
    journaled = {entry["requestId"] for entry in first}
    assert journaled <= applied_first  # every journal line is a row the server applied
    assert len(applied_first - journaled) <= 2  # and it lacks at most the two in flight

    mock.slow_down(0)
    resumed = carecycle(mock, "bulk-update", str(path), "--rate", "0", "--resume", str(journal))
    assert resumed.returncode == 0, resumed.stderr
    assert f"{ROWS} of {ROWS} rows applied" in resumed.stdout
    lines = journal_lines(journal)
    assert {entry["customerId"] for entry in lines} == set(mock.customers)
    assert {entry["outcome"] for entry in lines} == {"applied"}
    sent_again = [entry for entry in lines[len(first) :]]
    assert not {entry["customerId"] for entry in sent_again} & {
        entry["customerId"] for entry in first
    }
    assert {entry["requestId"] for entry in lines} <= {
        entry["requestId"] for entry in mock.patches(mock.read_write_key, status="200")
    }
    assert mock.completed() == completed_before + ROWS


def test_ctrl_c_stops_cleanly_with_the_journal_complete(mock: Server, tmp_path: Path) -> None:
    path = mock.csv(tmp_path / "updates.csv")
    journal = tmp_path / "run.jsonl"
    mock.slow_down(0.02)
    run = subprocess.Popen(
        [
            str(SCRIPT),
            "bulk-update",
            str(path),
            "--rate",
            "0",
            "--journal",
            str(journal),
            "--concurrency",
            "3",
        ],
        env=_environment(mock, mock.read_write_key),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(
            lambda: len(journal_lines(journal)) >= 5 or run.poll() is not None, "5 journal lines"
        )
        run.send_signal(signal.SIGINT)
    finally:
        stdout, stderr = run.communicate(timeout=DEADLINE)
    assert_no_key(stdout + stderr, mock)
    assert run.returncode == 130, stderr
    assert f"--resume {journal}" in stderr
    applied = {entry["requestId"] for entry in mock.patches(mock.read_write_key, status="200")}
    lines = journal_lines(journal)
    assert journal.read_bytes().endswith(b"\n")
    assert {
        entry["requestId"] for entry in lines
    } == applied  # every acknowledged row, and only those
    assert len(lines) < ROWS
