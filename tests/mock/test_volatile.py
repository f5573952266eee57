"""Both volatile states, the one process's memory and the shared SQLite file, behave alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from carecycle_mock.volatile import (
    LocalVolatileState,
    SharedVolatileState,
    VolatileState,
    open_volatile_state,
)


@pytest.fixture(params=["local", "shared"])
def volatile(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[VolatileState]:
    opened = open_volatile_state(None if request.param == "local" else str(tmp_path / "volatile"))
    yield opened
    opened.close()


def test_open_volatile_state_shares_only_a_file() -> None:
    opened = open_volatile_state(None)
    assert isinstance(opened, LocalVolatileState)
    opened.close()


def test_a_file_volatile_state_is_seen_by_every_process_that_opens_it(tmp_path: Path) -> None:
    path = str(tmp_path / "volatile")
    first, second = open_volatile_state(path), open_volatile_state(path)
    assert isinstance(first, SharedVolatileState)
    first.count_request("k")
    assert first.admit("k", 1, 60.0, now=100.0) is None
    assert second.request_count("k") == 1
    assert second.admit("k", 1, 60.0, now=101.0) == 100.0
    first.close()
    second.close()


def test_the_window_admits_up_to_the_limit_and_names_the_oldest_hit(
    volatile: VolatileState,
) -> None:
    assert volatile.admit("k", 2, 60.0, now=0.0) is None
    assert volatile.admit("k", 2, 60.0, now=10.0) is None
    assert volatile.admit("k", 2, 60.0, now=20.0) == 0.0
    assert volatile.admit("other", 2, 60.0, now=20.0) is None, "windows are per key"
    assert volatile.admit("k", 2, 60.0, now=60.0) is None, "the first hit left the window"
    assert volatile.admit("k", 2, 60.0, now=61.0) == 10.0, "a refused hit takes no slot"


def test_requests_are_counted_per_key_and_in_all(volatile: VolatileState) -> None:
    for key in ("a", "a", "b"):
        volatile.count_request(key)
    assert (volatile.request_count("a"), volatile.request_count("b")) == (2, 1)
    assert volatile.request_count("c") == 0
    assert volatile.request_count(None) == 3


def test_plans_come_key_first_and_hand_out_each_step_once(volatile: VolatileState) -> None:
    volatile.put_plan("", "v1", "global")
    volatile.put_plan("k", "v2", "mine")
    assert [(p.scope, p.plan) for p in volatile.plans_for("k")] == [("k", "mine"), ("", "global")]
    assert [p.scope for p in volatile.plans_for("other")] == [""]
    assert [volatile.take_step("k", "v2", 2) for _ in range(3)] == [0, 1, None]
    assert volatile.plans_for("k")[0].position == 2
    assert volatile.take_step("k", "old version", 2) is None
    volatile.put_plan("k", "v3", "replaced")
    assert volatile.plans_for("k")[0].position == 0
    volatile.delete_plans()
    assert volatile.plans_for("k") == []


def test_clear_forgets_everything(volatile: VolatileState) -> None:
    volatile.count_request("k")
    volatile.admit("k", 1, 60.0, now=0.0)
    volatile.put_plan("", "v", "plan")
    volatile.clear()
    assert volatile.request_count(None) == 0
    assert volatile.admit("k", 1, 60.0, now=1.0) is None
    assert volatile.plans_for("k") == []
