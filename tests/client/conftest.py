"""Fixtures of the client tests: a scripted server, a sleep that only records, both flavours.

Most tests talk to a scripted `httpx.MockTransport` (`Script`), which records what the
client sent; `test_against_mock.py` talks to the mock server over real HTTP. `Api` runs
the same calls through `CareCycle` or `AsyncCareCycle`, so that each behaviour is tested
in both flavours.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import secrets
import traceback
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
import yaml

from carecycle_client import AsyncCareCycle, AuthenticatedClient, CareCycle
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.models import GetCampaignResponse, UpdateCustomerCampaignStatusResponse
from carecycle_client.types import Response
from carecycle_mock.data import READ, WRITE, Dataset, default_dataset_path, load_dataset
from carecycle_mock.process import MockProcess

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
_GET = SPEC["paths"]["/v2/campaigns/{campaignId}"]["get"]
_PATCH = SPEC["paths"]["/v2/customers/campaign-status"]["patch"]


def _seed(content: dict[str, Any]) -> dict[str, Any]:
    """The example the page shows for a body."""
    example: dict[str, Any] = content["application/json"]["examples"]["seed"]["value"]
    return example


CAMPAIGN_ID = _GET["parameters"][0]["example"]
SEED_CAMPAIGN = _seed(_GET["responses"]["200"]["content"])
SEED_UPDATE = _seed(_PATCH["responses"]["200"]["content"])
SEED_UPDATE_REQUEST = _seed(_PATCH["requestBody"]["content"])


def seed_campaign() -> dict[str, Any]:
    """The page's full GET example, free to change."""
    return copy.deepcopy(SEED_CAMPAIGN)


Reply = Exception | Callable[[httpx.Request], httpx.Response]


def reply(
    status: int,
    body: Any = None,
    *,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Callable[[httpx.Request], httpx.Response]:
    """A response made afresh for each request: a JSON `body`, or raw `content`."""

    def respond(request: httpx.Request) -> httpx.Response:
        if content is not None:
            return httpx.Response(status, content=content, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return respond


class Script:
    """A server that answers with its replies in order (the last one repeats) and records
    every request as sent; an Exception reply is raised, as a transport failure."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = replies
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        # A copy as sent: the client masks the key on the request once the response is in.
        self.requests.append(
            httpx.Request(
                request.method,
                request.url,
                headers=request.headers.copy(),
                content=request.content,
                extensions=request.extensions,
            )
        )
        answer = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer(request)


class Waits:
    """Stands in for time.sleep and asyncio.sleep: records each wait, waits for none."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.seconds.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.seconds.append(seconds)


class Api(ABC):
    """The facade and the generated functions in one flavour, a fresh client per call."""

    def __init__(
        self, api_key: str, waits: Waits, transport: httpx.MockTransport | None, **settings: Any
    ) -> None:
        self.api_key = api_key
        self.waits = waits
        self.settings = {**settings, **({} if transport is None else {"transport": transport})}

    @abstractmethod
    def get(self, campaign_id: str = CAMPAIGN_ID, **arguments: Any) -> GetCampaignResponse:
        """campaigns.get."""

    @abstractmethod
    def update(self, **arguments: Any) -> UpdateCustomerCampaignStatusResponse:
        """customers.update_campaign_status."""

    @abstractmethod
    def get_detailed(self, campaign_id: str = CAMPAIGN_ID, **client_settings: Any) -> Response[Any]:
        """get_campaign.sync_detailed or asyncio_detailed, through an AuthenticatedClient."""

    def _authenticated_client(self, **client_settings: Any) -> AuthenticatedClient:
        transport = self.settings.get("transport")
        return AuthenticatedClient(
            base_url=self.settings.get("base_url"),
            token=self.api_key,
            sleep=self.waits.sleep,
            async_sleep=self.waits.async_sleep,
            httpx_args={} if transport is None else {"transport": transport},
            **client_settings,
        )


class SyncApi(Api):
    def facade(self) -> CareCycle:
        return CareCycle(self.api_key, sleep=self.waits.sleep, **self.settings)

    def get(self, campaign_id: str = CAMPAIGN_ID, **arguments: Any) -> GetCampaignResponse:
        with self.facade() as carecycle:
            return carecycle.campaigns.get(campaign_id, **arguments)

    def update(self, **arguments: Any) -> UpdateCustomerCampaignStatusResponse:
        with self.facade() as carecycle:
            return carecycle.customers.update_campaign_status(**arguments)

    def get_detailed(self, campaign_id: str = CAMPAIGN_ID, **client_settings: Any) -> Response[Any]:
        with self._authenticated_client(**client_settings) as client:
            return get_campaign.sync_detailed(UUID(campaign_id), client=client)


class AsyncApi(Api):
    def facade(self) -> AsyncCareCycle:
        return AsyncCareCycle(self.api_key, sleep=self.waits.async_sleep, **self.settings)

    def get(self, campaign_id: str = CAMPAIGN_ID, **arguments: Any) -> GetCampaignResponse:
        async def get() -> GetCampaignResponse:
            async with self.facade() as carecycle:
                return await carecycle.campaigns.get(campaign_id, **arguments)

        return asyncio.run(get())

    def update(self, **arguments: Any) -> UpdateCustomerCampaignStatusResponse:
        async def update() -> UpdateCustomerCampaignStatusResponse:
            async with self.facade() as carecycle:
                return await carecycle.customers.update_campaign_status(**arguments)

        return asyncio.run(update())

    def get_detailed(self, campaign_id: str = CAMPAIGN_ID, **client_settings: Any) -> Response[Any]:
        async def get_detailed() -> Response[Any]:
            async with self._authenticated_client(**client_settings) as client:
                return await get_campaign.asyncio_detailed(UUID(campaign_id), client=client)

        return asyncio.run(get_detailed())


MakeApi = Callable[..., Api]

_TESTS = str(Path(__file__).parent)


def everything_about(error: BaseException) -> str:
    """What a person or a log could see of an error: its str and repr, and its traceback with
    every frame's locals, through the causes and contexts a traceback shows. The tests' own
    frames are left out: they hold the key on purpose."""
    parts = [str(error), repr(error)]
    link: BaseException | None = error
    while link is not None:
        frames = [
            (frame, line)
            for frame, line in traceback.walk_tb(link.__traceback__)
            if _TESTS not in frame.f_code.co_filename
        ]
        parts += traceback.StackSummary.extract(iter(frames), capture_locals=True).format()
        link = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def no_carecycle_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come from each test, never from the machine's environment."""
    for name in (
        "CARECYCLE_API_KEY",
        "CARECYCLE_BASE_URL",
        "CARECYCLE_LOG",
        "CARECYCLE_RATE_LIMIT",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def api_key() -> str:
    """A fresh key per test, so that finding it anywhere means it leaked from this test."""
    return f"cc_test_{secrets.token_hex(16)}"


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.fixture(params=["sync", "async"])
def make_api(request: pytest.FixtureRequest, api_key: str, waits: Waits) -> MakeApi:
    """Builds an Api of the parametrised flavour: make_api(script, **settings)."""
    flavour = SyncApi if request.param == "sync" else AsyncApi

    def make(script: Script | None = None, **settings: Any) -> Api:
        settings.setdefault("base_url", "https://api.test")
        return flavour(api_key, waits, None if script is None else script.transport, **settings)

    return make


@pytest.fixture
def package_logs() -> Iterator[None]:
    """Leaves the package logger as it found it, whatever CARECYCLE_LOG set up."""
    logger = logging.getLogger("carecycle_client")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


# Fields the live API has and the spec does not, added to the mock's seed campaign.
NEWER_FIELDS = {"outboundEnabled": True, "softphoneHandoffStrategy": {"mode": "ring-all"}}


class Mock:
    """A running mock server and its /_mock controls."""

    def __init__(self, process: MockProcess, dataset: Dataset) -> None:
        self.base_url = process.base_url
        self.dataset = dataset
        self.key = dataset.key(permissions={READ, WRITE})
        self.read_only_key = dataset.key(
            permissions={READ}, organisation_id=self.key.organisation_id
        )
        self.campaign = dataset.campaigns_of(self.key.organisation_id)[0]
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
        api.api_key = api_key or self.key.key
        return api


def _start(tmp_path: Path, *arguments: str) -> Iterator[Mock]:
    data = json.loads(default_dataset_path().read_text())
    data["campaigns"][0]["campaign"].update(NEWER_FIELDS)
    data["campaigns"][0]["campaign"]["transferConfig"]["ringTimeoutSeconds"] = 25
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(data))
    with MockProcess("--data", str(path), *arguments) as process:
        mock = Mock(process, load_dataset(path))
        assert mock.campaign.document["outboundEnabled"] is True
        yield mock


@pytest.fixture(scope="session")
def mock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    yield from _start(tmp_path_factory.mktemp("mock"), "--rate-limit", "0")


@pytest.fixture(scope="session")
def rate_limited_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    yield from _start(tmp_path_factory.mktemp("limited"), "--rate-limit", "2")


@pytest.fixture
def mock(mock_server: Mock) -> Mock:
    """The mock server as seeded, without faults: no rate limit."""
    mock_server.reset()
    return mock_server


@pytest.fixture
def limited(rate_limited_server: Mock) -> Mock:
    """A mock server as seeded that allows two requests a minute per key."""
    rate_limited_server.reset()
    return rate_limited_server
