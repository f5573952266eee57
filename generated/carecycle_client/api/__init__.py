# Generated from templates/api_init.py.jinja by make generate: edit that, not this file.
"""`CareCycle` and `AsyncCareCycle`: the careCycle API with one attribute per tag.

Their methods take an operation's parameters, and the fields of its JSON body as keyword
arguments; they return the parsed success body and raise the errors of `errors` for
anything else. The packages below hold the generated functions of each operation, which
return `Response` objects instead, and the resources (see the naming rule in the README).
"""

from __future__ import annotations

import asyncio
import copy
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Self

import httpx

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


class _Facade(ABC):
    """What CareCycle and AsyncCareCycle share: their client, and copies with other settings."""

    client: AuthenticatedClient

    def _use(self, key: ApiKey | None, transport: Any, **settings: Any) -> None:
        client = AuthenticatedClient(
            token=key, httpx_args={} if transport is None else {"transport": transport}, **settings
        )
        self._bind(client, owns_connections=True)

    @abstractmethod
    def _bind(self, client: AuthenticatedClient, *, owns_connections: bool) -> None:
        """Use `client` from now on, closing its connections with this facade if it owns them."""

    @abstractmethod
    def _share_connections(self, clone: AuthenticatedClient) -> None:
        """Make `clone` use this facade's connections."""

    def with_options(
        self,
        *,
        base_url: str | Unset = UNSET,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        max_retry_wait: float | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        max_response_size: int | Unset = UNSET,
        default_headers: Mapping[str, str] | Unset = UNSET,
        follow_redirects: bool | Unset = UNSET,
        rate_limit: RateLimitSetting | Unset = UNSET,
    ) -> Self:
        """A copy with other settings (any of the constructor's but the key, the transport and
        the sleep; `default_headers` replace this one's). It shares this one's connections,
        unless its base_url differs, and leaves closing them to this one; it shares this
        one's rate limiter too, unless given a `rate_limit`."""
        client = self.client.with_options(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            deadline=deadline,
            max_response_size=max_response_size,
            headers=default_headers,
            follow_redirects=follow_redirects,
            rate_limit=rate_limit,
        )
        shares = client.base_url == self.client.base_url
        if shares:
            self._share_connections(client)
        clone = copy.copy(self)
        clone._bind(client, owns_connections=not shares)
        return clone

    def __repr__(self) -> str:
        # Also shown for a half-built one, in the locals of a traceback from __init__.
        client: AuthenticatedClient | None = getattr(self, "client", None)
        if client is None:
            return f"{type(self).__name__}(<not constructed>)"
        return f"{type(self).__name__}(base_url={client.base_url!r}, api_key={client.token!r})"


class CareCycle(_Facade):
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


class AsyncCareCycle(_Facade):
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
