"""An in-process mock per test, and the seed data that tests pick ids and keys from."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from carecycle_mock import MockConfig, create_app
from carecycle_mock.data import READ, WRITE, ApiKey, Dataset, load_dataset

from .app_client import AppClient


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
def client() -> Iterator[AppClient]:
    """A fresh in-memory mock without rate limit."""
    with open_app(MockConfig(rate_limit=None)) as app_client:
        yield app_client


@contextmanager
def open_app(config: MockConfig, **options: Any) -> Iterator[AppClient]:
    """A client of a new in-process mock; the mock's databases are closed afterwards."""
    raise_app_exceptions = options.pop("raise_app_exceptions", True)
    app = create_app(config, **options)
    app_client = AppClient(app, raise_app_exceptions=raise_app_exceptions)
    try:
        yield app_client
    finally:
        app_client.close()
        app.state.mock.close()
