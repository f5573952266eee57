"""Fixtures of the release tests: the real spec to mutate, and a throwaway git repository."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from tests.repository import SPEC

from .repo import Repo


@pytest.fixture
def spec() -> dict[str, Any]:
    """A fresh copy of openapi.yaml, free to mutate."""
    return copy.deepcopy(SPEC)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository whose only commit holds the current spec (as version 1.0.0, whatever the
    current version is), templates and config."""
    created = Repo.create(tmp_path / "repo")
    created.set_version("1.0.0")
    created.commit("spec 1.0.0")
    return created
