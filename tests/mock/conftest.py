"""An in-process mock per test, and the seed data that tests pick ids and keys from."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from carecycle_mock import MockConfig, MockTransport, create_app
from carecycle_mock.data import READ, WRITE, ApiKey, Dataset, load_dataset


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def writer(dataset: Dataset) -> ApiKey:
    """A read+write key of an organisation that also has a read-only key."""
    read_only = dataset.key(permissions={READ})
    return dataset.key(permissions={READ, WRITE}, organisation_id=read_only.organisation_id)


@pytest.fixture(scope="session")
def reader(dataset: Dataset, writer: ApiKey) -> ApiKey:
    return dataset.key(permissions={READ}, organisation_id=writer.organisation_id)


@pytest.fixture(scope="session")
def stranger(dataset: Dataset, writer: ApiKey) -> ApiKey:
    """A read+write key of another organisation."""
    return next(
        k
        for k in dataset.api_keys
        if k.organisation_id != writer.organisation_id and WRITE in k.permissions
    )


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """A fresh in-memory mock without rate limit."""
    with open_app(MockConfig(rate_limit=None)) as app_client:
        yield app_client


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
