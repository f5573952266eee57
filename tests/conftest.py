"""Fixtures every part of the suite may use."""

from __future__ import annotations

import pytest

from tests.built_packages import Wheels, build_wheels

# A consuming team's project, with its own pytest settings: test_consumer_project.py runs
# it in an environment of its own.
collect_ignore = ["consumer_project"]


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Wheels:
    """Both packages built once per session by `make build`, as the release builds them."""
    return build_wheels(tmp_path_factory.mktemp("dist"))
