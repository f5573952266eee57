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
from collections.abc import Awaitable, Callable
from typing import Any, Self

import httpx

from ..client import DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, DEFAULT_TIMEOUT, AuthenticatedClient, TimeoutTypes
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
    ) -> Self:
        """A copy with other settings. It shares this one's connections, unless its base_url
        differs, and leaves closing them to this one."""
        client = self.client.with_options(base_url=base_url, timeout=timeout, max_retries=max_retries)
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
    CARECYCLE_BASE_URL, else the spec's server. ``timeout``, ``max_retries`` and
    ``max_retry_wait`` are described on client.Client; ``transport`` replaces httpx's
    network transport (in tests, say), ``sleep`` how retries wait.

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
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        key = None if api_key is None else ApiKey(api_key)
        del api_key  # no frame keeps the raw key in its locals, should a setting be refused
        self._use(
            key,
            transport,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
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
    CARECYCLE_BASE_URL, else the spec's server. ``timeout``, ``max_retries`` and
    ``max_retry_wait`` are described on client.Client; ``transport`` replaces httpx's
    network transport (in tests, say), ``sleep`` how retries wait.

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
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        key = None if api_key is None else ApiKey(api_key)
        del api_key  # no frame keeps the raw key in its locals, should a setting be refused
        self._use(
            key,
            transport,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
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
