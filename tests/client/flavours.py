"""The same calls through `CareCycle` or `AsyncCareCycle`, so that each behaviour is tested in
both flavours, and a sleep that only records."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx

from carecycle_client import AsyncCareCycle, AuthenticatedClient, CareCycle
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.models import GetCampaignResponse, UpdateCustomerCampaignStatusResponse
from carecycle_client.types import Response

from .examples import CAMPAIGN_ID


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
