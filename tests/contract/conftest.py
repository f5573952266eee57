"""The API under test over HTTP: the mock as a real server, or the deployment of `make contract`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from carecycle_mock.process import MockProcess

from .targets import REMOTE, required_env


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    if REMOTE:
        yield required_env("BASE_URL").rstrip("/")
    else:
        with MockProcess("--rate-limit", "0", "--no-access-log") as server:
            yield server.base_url
