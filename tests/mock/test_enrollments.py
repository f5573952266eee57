"""Both enrollment stores, the process's memory and the SQLite file, behave alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

from carecycle_mock.data import Dataset, Enrollment
from carecycle_mock.enrollments import (
    EnrollmentStore,
    FileEnrollments,
    MemoryEnrollments,
    open_enrollments,
)


@pytest.fixture(params=["memory", "file"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, dataset: Dataset
) -> Iterator[EnrollmentStore]:
    opened = open_enrollments(None if request.param == "memory" else str(tmp_path / "state"))
    opened.seed(dataset)
    yield opened
    opened.close()


@pytest.fixture
def pending(dataset: Dataset) -> Enrollment:
    return next(e for e in dataset.enrollments if e.status == "pending")


def seeded_counts(dataset: Dataset, campaign_id: str) -> Counter[str]:
    return Counter(e.status for e in dataset.enrollments if e.campaign_id == campaign_id)


def test_open_enrollments_keeps_memory_for_no_file(tmp_path: Path) -> None:
    assert isinstance(open_enrollments(None), MemoryEnrollments)
    opened = open_enrollments(str(tmp_path / "state"))
    assert isinstance(opened, FileEnrollments)
    opened.close()


def test_the_seed_counts_are_the_data_sets(store: EnrollmentStore, dataset: Dataset) -> None:
    for campaign in dataset.campaigns:
        assert store.status_counts(campaign.id) == seeded_counts(dataset, campaign.id)
    assert store.status_counts("no-such-campaign") == Counter()


def test_a_change_moves_one_enrollment_between_counts(
    store: EnrollmentStore, dataset: Dataset, pending: Enrollment
) -> None:
    before = store.generation()
    changed = anyio.run(store.set_status, pending.customer_id, pending.campaign_id, "completed")
    assert changed == (pending.id, "pending")
    assert store.status(pending.customer_id, pending.campaign_id) == "completed"
    expected = seeded_counts(dataset, pending.campaign_id)
    expected.subtract({"pending": 1, "completed": -1})
    assert store.status_counts(pending.campaign_id) == +expected
    assert store.generation() != before


def test_setting_the_same_status_again_changes_nothing(
    store: EnrollmentStore, dataset: Dataset, pending: Enrollment
) -> None:
    store.set_status_now(pending.customer_id, pending.campaign_id, "failed")
    generation, counts = store.generation(), store.status_counts(pending.campaign_id)
    again = store.set_status_now(pending.customer_id, pending.campaign_id, "failed")
    assert again == (pending.id, "failed")
    assert store.status_counts(pending.campaign_id) == counts
    if isinstance(store, MemoryEnrollments):  # a file's writes all move SQLite's data_version
        assert store.generation() == generation


def test_an_enrollment_that_does_not_exist_is_none(
    store: EnrollmentStore, dataset: Dataset, pending: Enrollment
) -> None:
    enrolled_in = {
        e.campaign_id for e in dataset.enrollments if e.customer_id == pending.customer_id
    }
    other_campaign = next(c for c in dataset.campaigns if c.id not in enrolled_in)
    generation = store.generation()
    assert store.set_status_now(pending.customer_id, other_campaign.id, "failed") is None
    assert store.status(pending.customer_id, other_campaign.id) is None
    assert store.generation() == generation


def test_a_reset_brings_back_every_seed_status(
    store: EnrollmentStore, dataset: Dataset, pending: Enrollment
) -> None:
    store.set_status_now(pending.customer_id, pending.campaign_id, "completed")
    changed = store.generation()
    store.reset(dataset)
    assert store.status(pending.customer_id, pending.campaign_id) == "pending"
    assert store.status_counts(pending.campaign_id) == seeded_counts(dataset, pending.campaign_id)
    assert store.generation() != changed
