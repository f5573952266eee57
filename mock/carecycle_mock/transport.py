"""httpx transports that run the mock in process, without a server: sync and async.

    from carecycle_client import CareCycle
    from carecycle_mock import MockTransport

    transport = MockTransport()                       # a fresh mock: MockConfig() defaults
    with CareCycle(key, base_url="http://mock", transport=transport) as carecycle:
        ...
    transport.state.requests("getCampaign")           # its MockService: journal, faults...

`AsyncMockTransport` is the same for `AsyncCareCycle` and `httpx.AsyncClient`. Either takes
an app (`create_app(...)`) or a `MockConfig`. httpx's own `ASGITransport` is async only,
and an injected drop reaches its caller as the mock's `ConnectionDropped`; these
transports raise `httpx.RemoteProtocolError` instead, what httpx raises when a server
drops a connection, so a client retries it and reports it as it would over HTTP.

`MockTransport` runs the app on an event loop in a thread of its own (anyio's blocking
portal), started on first use and stopped by `close()` (httpx.Client closes its transport).
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

import anyio.from_thread
import httpx
from starlette.applications import Starlette

from carecycle_mock.app import create_app
from carecycle_mock.config import MockConfig
from carecycle_mock.faults import ConnectionDropped
from carecycle_mock.service import MockService

DROPPED_MESSAGE = "Server disconnected without sending a complete response (an injected drop)"


def _app_of(app: Starlette | None, config: MockConfig | None) -> Starlette:
    if app is not None and config is not None:
        raise TypeError("give either an app or a MockConfig, not both")
    return app if app is not None else create_app(config)


class AsyncMockTransport(httpx.AsyncBaseTransport):
    """The mock's ASGI app as an httpx async transport; drops are httpx transport errors.

    `raise_app_exceptions=False` answers an exception of the app with its 500, as a server
    would, instead of raising it (the mock answers its own with a documented 500 anyway).
    """

    def __init__(
        self,
        app: Starlette | None = None,
        *,
        config: MockConfig | None = None,
        raise_app_exceptions: bool = True,
    ) -> None:
        self.app = _app_of(app, config)
        self._asgi = httpx.ASGITransport(app=self.app, raise_app_exceptions=raise_app_exceptions)

    @property
    def state(self) -> MockService:
        """The mock's state: journal, fault plans, enrollments (see MockService)."""
        state: MockService = self.app.state.mock
        return state

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._asgi.handle_async_request(request)
        except ConnectionDropped as error:
            raise httpx.RemoteProtocolError(DROPPED_MESSAGE, request=request) from error

    async def aclose(self) -> None:
        await self._asgi.aclose()


class MockTransport(httpx.BaseTransport):
    """The mock's ASGI app as an httpx sync transport, for `CareCycle` and `httpx.Client`."""

    def __init__(
        self,
        app: Starlette | None = None,
        *,
        config: MockConfig | None = None,
        raise_app_exceptions: bool = True,
    ) -> None:
        self._async = AsyncMockTransport(
            _app_of(app, config), raise_app_exceptions=raise_app_exceptions
        )
        self.app = self._async.app
        self._stack = ExitStack()
        self._portal: anyio.from_thread.BlockingPortal | None = None

    @property
    def state(self) -> MockService:
        """The mock's state: journal, fault plans, enrollments (see MockService)."""
        return self._async.state

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._portal is None:
            self._portal = self._stack.enter_context(anyio.from_thread.start_blocking_portal())
        body = request.read()
        forwarded = httpx.Request(
            request.method,
            request.url,
            headers=request.headers,
            content=body,
            extensions=request.extensions,
        )
        try:
            status, headers, content, extensions = self._portal.call(self._send, forwarded)
        except httpx.TransportError as error:
            raise type(error)(str(error), request=request) from error
        return httpx.Response(
            status,
            headers=headers,
            stream=httpx.ByteStream(content),
            extensions=extensions,
            request=request,
        )

    async def _send(
        self, request: httpx.Request
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes, dict[str, Any]]:
        response = await self._async.handle_async_request(request)
        try:
            content = b"".join([chunk async for chunk in response.aiter_raw()])
        finally:
            await response.aclose()
        return response.status_code, response.headers.raw, content, dict(response.extensions)

    def close(self) -> None:
        if self._portal is not None:
            self._portal.call(self._async.aclose)
        self._portal = None
        self._stack.close()
