# Generated from runtime/carecycle_client/_facade.py by make generate: edit that, not this file.
"""What `CareCycle` and `AsyncCareCycle` share: their client, and copies with other settings.

The two classes themselves are generated (templates/api_init.py.jinja): each has one
attribute per tag of the spec.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, Self

from .client import AuthenticatedClient, TimeoutTypes
from .rate_limit import RateLimitSetting
from .types import UNSET, ApiKey, Unset


class Facade(ABC):
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
        deadline: float | Unset | None = UNSET,
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
