"""Fixtures of the client tests: a scripted server, a sleep that only records, both flavours.

Most tests talk to a scripted `httpx.MockTransport` (`Script`), which records what the
client sent; `test_against_mock.py` talks to the mock server over real HTTP. `Api` runs
the same calls through `CareCycle` or `AsyncCareCycle`, so that each behaviour is tested
in both flavours.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from .flavours import Api, AsyncApi, MakeApi, SyncApi, Waits
from .mock_server import Mock, start
from .scripted import Script


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


@pytest.fixture(scope="session")
def mock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    yield from start(tmp_path_factory.mktemp("mock"), "--rate-limit", "0")


@pytest.fixture(scope="session")
def rate_limited_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    yield from start(tmp_path_factory.mktemp("limited"), "--rate-limit", "2")


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
