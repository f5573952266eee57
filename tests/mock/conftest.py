"""An in-process mock per test, and the seed data that tests pick ids and keys from."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from carecycle_mock import MockConfig
from carecycle_mock.data import READ, WRITE, ApiKey, Dataset, load_dataset

from .in_process import open_app


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def read_write_key(dataset: Dataset) -> ApiKey:
    """A read+write key of an organisation that also has a read-only key."""
    read_only = dataset.key(permissions={READ})
    return dataset.key(permissions={READ, WRITE}, organisation_id=read_only.organisation_id)


@pytest.fixture(scope="session")
def read_only_key(dataset: Dataset, read_write_key: ApiKey) -> ApiKey:
    return dataset.key(permissions={READ}, organisation_id=read_write_key.organisation_id)


@pytest.fixture(scope="session")
def other_tenant_key(dataset: Dataset, read_write_key: ApiKey) -> ApiKey:
    """A read+write key of another organisation."""
    return next(
        k
        for k in dataset.api_keys
        if k.organisation_id != read_write_key.organisation_id and WRITE in k.permissions
    )


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """A fresh in-memory mock without rate limit."""
    with open_app(MockConfig(rate_limit=None)) as app_client:
        yield app_client
