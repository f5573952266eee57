"""The mock on a network: the admin API needs a token off loopback; one database, one owner.

Servers here may listen on 0.0.0.0, but every request goes to 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from carecycle_mock import MockConfig, create_app
from carecycle_mock.data import ApiKey, Dataset
from carecycle_mock.database import DatabaseInUse
from carecycle_mock.process import MockProcess

TOKEN = "admin-token-for-tests-7f3a9c"


def loopback_url(server: MockProcess) -> str:
    """The server's URL with 127.0.0.1 for a host, whatever address it listens on."""
    return f"http://127.0.0.1:{urlsplit(server.base_url).port}"


def run_cli(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "carecycle_mock", "--port", "0", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    path = tmp_path / "admin-token"
    path.write_text(f"{TOKEN}\n")
    return path


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_non_loopback_bind_without_an_admin_token_is_refused(host: str) -> None:
    result = run_cli("--host", host, env={"CARECYCLE_MOCK_ADMIN_TOKEN": ""})
    assert result.returncode == 2
    assert "not a loopback address: the /_mock admin API needs a token there" in result.stderr
    assert "--admin-token-file FILE or CARECYCLE_MOCK_ADMIN_TOKEN" in result.stderr
    assert "listening" not in result.stdout
    assert "Traceback" not in result.stderr


def test_an_empty_token_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    result = run_cli("--admin-token-file", str(empty))
    assert result.returncode == 2
    assert "is empty" in result.stderr


def test_with_a_token_every_admin_request_needs_it(
    token_file: Path, dataset: Dataset, read_write_key: ApiKey
) -> None:
    """Of every worker: each request may reach either."""
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    with (
        MockProcess(
            "--host", "0.0.0.0", "--admin-token-file", str(token_file), "--workers", "2"
        ) as server,
        httpx.Client(base_url=loopback_url(server)) as http,
    ):
        refused = [
            http.get("/_mock/requests"),
            http.get("/_mock/requests", headers={"authorization": "Bearer wrong"}),
            http.get("/_mock/requests", headers={"authorization": TOKEN}),
            http.get("/_mock/requests", headers={"authorization": f"Basic {TOKEN}"}),
            http.post("/_mock/reset", headers={"x-api-key": read_write_key.key}),
            http.delete("/_mock/faults"),
            http.put("/_mock/faults", json={"latency": 60}),
            http.get("/_mock/nothing"),
        ]
        for response in refused:
            assert response.status_code == 401
            assert response.headers["www-authenticate"] == "Bearer"
            assert response.json() == {
                "message": "The admin API needs Authorization: Bearer <admin token>",
                "code": "UNAUTHORIZED",
            }
        api = http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
        assert api.status_code == 200
        allowed = http.get("/_mock/requests", headers={"authorization": f"Bearer {TOKEN}"})
        assert allowed.json()["count"] == 1
        assert (
            http.delete("/_mock/faults", headers={"authorization": f"bearer  {TOKEN}"}).status_code
            == 204
        )
        log = server.log_text()
    assert server.base_url.startswith("http://0.0.0.0:")
    assert TOKEN not in log
    assert "(admin API at /_mock, token required)" in server.ready_line


def test_the_token_may_come_from_the_environment_and_binds_on_loopback_too() -> None:
    os.environ["CARECYCLE_MOCK_ADMIN_TOKEN"] = TOKEN
    try:
        with MockProcess() as server, httpx.Client(base_url=loopback_url(server)) as http:
            assert http.get("/_mock/requests").status_code == 401
            bearer = {"authorization": f"Bearer {TOKEN}"}
            assert http.get("/_mock/requests", headers=bearer).status_code == 200
            log = server.log_text()
    finally:
        del os.environ["CARECYCLE_MOCK_ADMIN_TOKEN"]
    assert TOKEN not in log
    assert "(admin API at /_mock, token required)" in server.ready_line


def test_without_the_admin_api_any_address_will_do(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    with (
        MockProcess("--host", "0.0.0.0", "--no-admin") as server,
        httpx.Client(base_url=loopback_url(server)) as http,
    ):
        assert http.get("/_mock/requests").status_code == 404
        api = http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
        assert api.status_code == 200
    assert "(admin API off)" in server.ready_line


def test_on_loopback_without_a_token_the_line_says_so() -> None:
    with MockProcess() as server:
        assert httpx.get(f"{server.base_url}/_mock/requests").json()["count"] == 0
    assert "(admin API at /_mock, no token: loopback only)" in server.ready_line


def test_the_token_is_in_no_repr() -> None:
    assert TOKEN not in repr(MockConfig(admin_token=TOKEN))


def test_a_second_process_on_the_same_database_is_refused_and_the_first_keeps_its_state(
    tmp_path: Path, dataset: Dataset, read_write_key: ApiKey
) -> None:
    database = str(tmp_path / "state.sqlite3")
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    with (
        MockProcess("--db", database, "--workers", "2") as first,
        httpx.Client(base_url=first.base_url) as http,
    ):
        http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
        http.put("/_mock/faults", json={"apiKey": read_write_key.key, "script": [{"status": 500}]})
        second = run_cli("--db", database)
        assert second.returncode == 1
        assert (
            f"carecycle-mock: {database} is in use by another carecycle-mock process"
            f" (pid {first.pid}); stop that one, or give this one another --db"
        ) in second.stderr
        assert "Traceback" not in second.stderr
        assert (
            http.get("/_mock/requests", params={"apiKey": read_write_key.key}).json()["count"] == 1
        )
        faulted = http.get(
            f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key}
        )
        assert faulted.status_code == 500
    with MockProcess("--db", database) as after_the_first:
        assert httpx.get(f"{after_the_first.base_url}/_mock/requests").json()["count"] == 0


def test_in_process_a_second_owner_of_a_database_is_refused(tmp_path: Path) -> None:
    config = MockConfig(db_path=tmp_path / "state.sqlite3")
    first = create_app(config)
    try:
        with pytest.raises(DatabaseInUse, match="is in use by another carecycle-mock process"):
            create_app(config)
    finally:
        first.state.mock.close()
    create_app(config).state.mock.close()
