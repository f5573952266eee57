"""A mock in this process, as a test's httpx client: the shipped MockTransport over create_app."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from carecycle_mock import MockConfig, MockTransport, create_app


@contextmanager
def open_app(config: MockConfig, **options: Any) -> Iterator[httpx.Client]:
    """A client of a new in-process mock (the shipped MockTransport); the mock's databases
    are closed afterwards. `client._transport.state` is the mock's MockService."""
    raise_app_exceptions = options.pop("raise_app_exceptions", True)
    app = create_app(config, **options)
    transport = MockTransport(app, raise_app_exceptions=raise_app_exceptions)
    try:
        with httpx.Client(transport=transport, base_url="http://mock") as app_client:
            yield app_client
    finally:
        app.state.mock.close()
