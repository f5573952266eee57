"""The shipped in-process transports: the client over the mock without a server."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from carecycle_client import APIConnectionError, AsyncCareCycle, CareCycle
from carecycle_client.models import CampaignStatus
from carecycle_mock import (
    AsyncMockTransport,
    DropFault,
    FaultPlan,
    MockConfig,
    MockTransport,
    StatusFault,
    create_app,
)
from carecycle_mock.data import ApiKey, Dataset


def test_the_sync_client_runs_against_the_app_in_process(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    transport = MockTransport(config=MockConfig(rate_limit=None))
    with CareCycle(read_write_key.key, base_url="http://mock", transport=transport) as carecycle:
        assert str(carecycle.campaigns.get(campaign.id).campaign.id) == campaign.id
    (entry,) = transport.state.requests("getCampaign")
    assert entry.key_label == read_write_key.label
    transport.state.close()


def test_a_dropped_connection_is_retried_by_the_sync_client(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    waits: list[float] = []
    plan = FaultPlan(script=(DropFault(), StatusFault(500)))
    transport = MockTransport(config=MockConfig(faults=plan))
    with CareCycle(
        read_write_key.key, base_url="http://mock", transport=transport, sleep=waits.append
    ) as carecycle:
        assert carecycle.campaigns.get(campaign.id).campaign.name == campaign.name
        assert len(waits) == 2
        transport.state.set_faults(FaultPlan(rates={"drop": 1.0}))
        with pytest.raises(APIConnectionError) as raised:
            carecycle.campaigns.get(campaign.id, max_retries=1)
    assert "RemoteProtocolError" in str(raised.value)
    assert [e.status for e in transport.state.requests()] == [None, 500, 200, None, None]
    transport.state.close()


def test_a_dropped_connection_is_retried_by_the_async_client(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    transport = AsyncMockTransport(create_app(MockConfig(faults=FaultPlan(script=(DropFault(),)))))

    async def read() -> CampaignStatus:
        async with AsyncCareCycle(
            read_write_key.key, base_url="http://mock", transport=transport, sleep=record
        ) as carecycle:
            return (await carecycle.campaigns.get(campaign.id)).campaign.status

    assert asyncio.run(read()) == campaign.document["status"]
    assert len(waits) == 1
    transport.state.close()


def test_a_transport_takes_an_app_or_a_config_not_both() -> None:
    app = create_app()
    with pytest.raises(TypeError, match="either an app or a MockConfig"):
        MockTransport(app, config=MockConfig())
    with pytest.raises(TypeError, match="either an app or a MockConfig"):
        AsyncMockTransport(app, config=MockConfig())
    assert MockTransport(app).state is app.state.mock
    app.state.mock.close()


def test_a_closed_sync_transport_starts_again_on_use(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    transport = MockTransport(config=MockConfig(rate_limit=None))
    transport.close()
    for _ in range(2):
        with httpx.Client(transport=transport, base_url="http://mock") as http:
            assert (
                http.get("/v2/campaigns/x", headers={"x-api-key": read_write_key.key}).status_code
                == 422
            )
    transport.state.close()
