"""The mock as a real server on a loopback port, seeded with fields the spec does not know."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from carecycle_mock.data import READ, WRITE, Dataset, default_dataset_path, load_dataset
from carecycle_mock.process import MockProcess

from .flavours import Api, MakeApi

# Fields the live API has and the spec does not, added to the mock's seed campaign.
NEWER_FIELDS = {"outboundEnabled": True, "softphoneHandoffStrategy": {"mode": "ring-all"}}


class Mock:
    """A running mock server and its /_mock controls."""

    def __init__(self, process: MockProcess, dataset: Dataset) -> None:
        self.base_url = process.base_url
        self.dataset = dataset
        self.read_write_key = dataset.key(permissions={READ, WRITE})
        self.read_only_key = dataset.key(
            permissions={READ}, organisation_id=self.read_write_key.organisation_id
        )
        self.campaign = dataset.campaigns_of(self.read_write_key.organisation_id)[0]
        self.enrollment = next(e for e in dataset.enrollments if e.campaign_id == self.campaign.id)

    def reset(self) -> None:
        httpx.post(f"{self.base_url}/_mock/reset").raise_for_status()

    def inject(self, *script: dict[str, Any], api_key: str) -> None:
        """Answer the next requests with this key with these faults, one each, in order."""
        plan = {"apiKey": api_key, "script": list(script)}
        httpx.put(f"{self.base_url}/_mock/faults", json=plan).raise_for_status()

    def requests_seen(self, api_key: str) -> int:
        answer = httpx.get(f"{self.base_url}/_mock/requests", params={"apiKey": api_key})
        count: int = answer.raise_for_status().json()["count"]
        return count

    def api(self, make_api: MakeApi, api_key: str | None = None, **settings: Any) -> Api:
        """An Api of the test's flavour on this server, with `api_key` or the data set's
        read-write key."""
        api = make_api(base_url=self.base_url, **settings)
        api.api_key = api_key or self.read_write_key.key
        return api


def start(tmp_path: Path, *arguments: str) -> Iterator[Mock]:
    data = json.loads(default_dataset_path().read_text())
    data["campaigns"][0]["campaign"].update(NEWER_FIELDS)
    data["campaigns"][0]["campaign"]["transferConfig"]["ringTimeoutSeconds"] = 25
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(data))
    with MockProcess("--data", str(path), *arguments) as process:
        mock = Mock(process, load_dataset(path))
        assert mock.campaign.document["outboundEnabled"] is True
        yield mock
