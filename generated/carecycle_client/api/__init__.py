# Generated from templates/api_init.py.jinja by make generate: edit that, not this file.
"""`CareCycle` and `AsyncCareCycle`: the careCycle API with one attribute per tag.

Their methods take an operation's parameters, and the fields of its JSON body as keyword
arguments; they return the parsed success body and raise the errors of `errors` for
anything else. The packages below hold the generated functions of each operation, which
return `Response` objects instead, and the resources (see the naming rule in the README).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Self

import httpx

from .._facade import Facade
from ..client import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_WAIT,
    DEFAULT_TIMEOUT,
    AuthenticatedClient,
    TimeoutTypes,
)
from ..rate_limit import RateLimitSetting
from ..types import UNSET, ApiKey, Unset
from .campaigns import AsyncCampaigns, Campaigns
from .customers import AsyncCustomers, Customers


class CareCycle(Facade):
    """The careCycle API: `campaigns`, `customers`.

    Every argument is optional. ``api_key`` defaults to the CARECYCLE_API_KEY environment
    variable, and without either construction fails; ``base_url`` defaults to
    CARECYCLE_BASE_URL, else the spec's server. ``timeout``, ``deadline``, ``max_retries``,
    ``max_retry_wait``, ``max_response_size``, ``follow_redirects`` and ``rate_limit`` (pacing
    to the key's quota: requests per minute, a rate_limit.RateLimiter, or None; unless given,
    the CARECYCLE_RATE_LIMIT environment variable's, else none) are described on
    client.Client; ``default_headers`` are sent with every request; ``transport`` replaces
    httpx's network transport (in tests, say), ``sleep`` how retries and rate-limit permits
    wait.

    Call ``close()``, or use ``with``, to release its connections. ``client`` is the
    AuthenticatedClient underneath, for the generated functions.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        default_headers: Mapping[str, str] | None = None,
        follow_redirects: bool = False,
        rate_limit: RateLimitSetting | Unset = UNSET,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if api_key is not None and not isinstance(api_key, str):
            raise TypeError(f"api_key must be a str, got {type(api_key).__name__}")
        key = None if api_key is None else ApiKey(api_key)
        del api_key  # no frame keeps the raw key in its locals, should a setting be refused
        self._use(
            key,
            transport,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            deadline=deadline,
            max_response_size=max_response_size,
            headers=dict(default_headers or {}),
            follow_redirects=follow_redirects,
            rate_limit=rate_limit,
            sleep=sleep,
        )

    def _bind(self, client: AuthenticatedClient, *, owns_connections: bool) -> None:
        self.client = client
        self._owns_connections = owns_connections
        self.campaigns = Campaigns(client)
        self.customers = Customers(client)

    def _share_connections(self, clone: AuthenticatedClient) -> None:
        clone.set_httpx_client(self.client.get_httpx_client())

    def close(self) -> None:
        if self._owns_connections:
            self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncCareCycle(Facade):
    """The careCycle API, for asyncio: `campaigns`, `customers`.

    Every argument is optional. ``api_key`` defaults to the CARECYCLE_API_KEY environment
    variable, and without either construction fails; ``base_url`` defaults to
    CARECYCLE_BASE_URL, else the spec's server. ``timeout``, ``deadline``, ``max_retries``,
    ``max_retry_wait``, ``max_response_size``, ``follow_redirects`` and ``rate_limit`` (pacing
    to the key's quota: requests per minute, a rate_limit.RateLimiter, or None; unless given,
    the CARECYCLE_RATE_LIMIT environment variable's, else none) are described on
    client.Client; ``default_headers`` are sent with every request; ``transport`` replaces
    httpx's network transport (in tests, say), ``sleep`` how retries and rate-limit permits
    wait.

    Call ``await close()``, or use ``async with``, to release its connections. ``client`` is
    the AuthenticatedClient underneath, for the generated functions.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        default_headers: Mapping[str, str] | None = None,
        follow_redirects: bool = False,
        rate_limit: RateLimitSetting | Unset = UNSET,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if api_key is not None and not isinstance(api_key, str):
            raise TypeError(f"api_key must be a str, got {type(api_key).__name__}")
        key = None if api_key is None else ApiKey(api_key)
        del api_key  # no frame keeps the raw key in its locals, should a setting be refused
        self._use(
            key,
            transport,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            deadline=deadline,
            max_response_size=max_response_size,
            headers=dict(default_headers or {}),
            follow_redirects=follow_redirects,
            rate_limit=rate_limit,
            async_sleep=sleep,
        )

    def _bind(self, client: AuthenticatedClient, *, owns_connections: bool) -> None:
        self.client = client
        self._owns_connections = owns_connections
        self.campaigns = AsyncCampaigns(client)
        self.customers = AsyncCustomers(client)

    def _share_connections(self, clone: AuthenticatedClient) -> None:
        clone.set_async_httpx_client(self.client.get_async_httpx_client())

    async def close(self) -> None:
        if self._owns_connections:
            await self.client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
