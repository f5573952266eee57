"""Names a release renamed still work for a while, and say what replaced them."""

from __future__ import annotations

from pathlib import Path

import pytest

import carecycle_mock
from carecycle_mock import MockConfig, MockService


def test_mock_state_is_the_mock_service_under_its_old_name() -> None:
    with pytest.deprecated_call(match="use carecycle_mock.MockService"):
        from carecycle_mock import MockState  # noqa: PLC0415 - the import is what warns
    assert MockState is MockService
    assert "MockState" not in carecycle_mock.__all__


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'MockStat'"):
        carecycle_mock.MockStat  # noqa: B018 - the lookup is the test


def test_the_runtime_names_lead_to_the_volatile_state(tmp_path: Path) -> None:
    config = MockConfig(db_path=f"{tmp_path}/state.sqlite3", rate_limit=None)
    with pytest.deprecated_call(match="use MockConfig.volatile_file"):
        assert config.runtime_file == config.volatile_file
    service = MockService(config)
    try:
        with pytest.deprecated_call(match="use MockService.volatile"):
            assert service.runtime is service.volatile
        service.volatile.count_request("a digest")
        with pytest.deprecated_call(match="use fresh_volatile_state"):
            worker = MockService(config, fresh_runtime=False)
        try:
            assert worker.volatile.request_count("a digest") == 1, "a worker joins, not clears"
        finally:
            worker.close()
    finally:
        service.close()
