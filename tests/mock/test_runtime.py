"""Both runtimes, the one process's memory and the shared SQLite file, behave alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from carecycle_mock.runtime import LocalRuntime, Runtime, SharedRuntime, open_runtime


@pytest.fixture(params=["local", "shared"])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    opened = open_runtime(None if request.param == "local" else str(tmp_path / "runtime"))
    yield opened
    opened.close()


def test_open_runtime_shares_only_a_file() -> None:
    opened = open_runtime(None)
    assert isinstance(opened, LocalRuntime)
    opened.close()


def test_a_file_runtime_is_seen_by_every_process_that_opens_it(tmp_path: Path) -> None:
    path = str(tmp_path / "runtime")
    first, second = open_runtime(path), open_runtime(path)
    assert isinstance(first, SharedRuntime)
    first.count_request("k")
    assert first.admit("k", 1, 60.0, now=100.0) is None
    assert second.request_count("k") == 1
    assert second.admit("k", 1, 60.0, now=101.0) == 100.0
    first.close()
    second.close()


def test_the_window_admits_up_to_the_limit_and_names_the_oldest_hit(runtime: Runtime) -> None:
    assert runtime.admit("k", 2, 60.0, now=0.0) is None
    assert runtime.admit("k", 2, 60.0, now=10.0) is None
    assert runtime.admit("k", 2, 60.0, now=20.0) == 0.0
    assert runtime.admit("other", 2, 60.0, now=20.0) is None, "windows are per key"
    assert runtime.admit("k", 2, 60.0, now=60.0) is None, "the first hit left the window"
    assert runtime.admit("k", 2, 60.0, now=61.0) == 10.0, "a refused hit takes no slot"


def test_requests_are_counted_per_key_and_in_all(runtime: Runtime) -> None:
    for key in ("a", "a", "b"):
        runtime.count_request(key)
    assert (runtime.request_count("a"), runtime.request_count("b")) == (2, 1)
    assert runtime.request_count("c") == 0
    assert runtime.request_count(None) == 3


def test_plans_come_key_first_and_hand_out_each_step_once(runtime: Runtime) -> None:
    runtime.put_plan("", "v1", "global")
    runtime.put_plan("k", "v2", "mine")
    assert [(p.scope, p.plan) for p in runtime.plans_for("k")] == [("k", "mine"), ("", "global")]
    assert [p.scope for p in runtime.plans_for("other")] == [""]
    assert [runtime.take_step("k", "v2", 2) for _ in range(3)] == [0, 1, None]
    assert runtime.plans_for("k")[0].position == 2
    assert runtime.take_step("k", "old version", 2) is None
    runtime.put_plan("k", "v3", "replaced")
    assert runtime.plans_for("k")[0].position == 0
    runtime.delete_plans()
    assert runtime.plans_for("k") == []


def test_clear_forgets_everything(runtime: Runtime) -> None:
    runtime.count_request("k")
    runtime.admit("k", 1, 60.0, now=0.0)
    runtime.put_plan("", "v", "plan")
    runtime.clear()
    assert runtime.request_count(None) == 0
    assert runtime.admit("k", 1, 60.0, now=1.0) is None
    assert runtime.plans_for("k") == []
