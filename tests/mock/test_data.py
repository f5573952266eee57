"""The seed data set: realistic, consistent, checked on load, secrets kept out of reprs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from carecycle_mock import MockConfig
from carecycle_mock.data import (
    READ,
    WRITE,
    Dataset,
    DatasetError,
    default_dataset_path,
    load_dataset,
)

from .conformance import SPEC

STATUSES = SPEC["components"]["schemas"]["CustomerCampaignStatus"]["enum"]


def test_the_default_data_set_covers_what_the_tests_need(dataset: Dataset) -> None:
    assert len(dataset.organisations) >= 2
    for organisation in dataset.organisations:
        assert dataset.key(permissions={READ, WRITE}, organisation_id=organisation.id)
        assert dataset.campaigns_of(organisation.id)
        assert dataset.enrollments_of(organisation.id)
    assert dataset.key(permissions={READ})
    assert {e.status for e in dataset.enrollments} == set(STATUSES)
    assert all(key.key.startswith("cc_") for key in dataset.api_keys)


def test_loading_is_deterministic(dataset: Dataset) -> None:
    again = load_dataset()
    assert again == dataset
    assert again.fingerprint == dataset.fingerprint


def test_no_repr_shows_a_key(dataset: Dataset) -> None:
    for key in dataset.api_keys:
        assert key.key not in repr(key)
        assert key.key.removeprefix("cc_") not in repr(dataset)


def test_tenancy_lookups_only_find_the_organisations_own(dataset: Dataset) -> None:
    mine, theirs = dataset.organisations[:2]
    campaign = dataset.campaigns_of(theirs.id)[0]
    assert dataset.campaign(campaign.id, theirs.id) == campaign
    assert dataset.campaign(campaign.id, mine.id) is None
    customer = next(c for c in dataset.customers if c.organisation_id == theirs.id)
    assert dataset.customer(customer.id, mine.id) is None


def mutate(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], Path]:
    def write(directory: Path) -> Path:
        data = json.loads(default_dataset_path().read_text())
        change(data)
        path = directory / "data.json"
        path.write_text(json.dumps(data))
        return path

    return write


def _set(path: list[str | int], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]  # type: ignore[index]
        node[path[-1]] = value  # type: ignore[index]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set(["apiKeys", 0, "key"], "sk_live_nope"), "apiKeys/0/key: Invalid string"),
        (
            _set(["campaigns", 0, "campaign", "id"], "{not-a-uuid}"),
            "campaigns/0/campaign/id: Invalid UUID",
        ),
        (
            _set(["campaigns", 0, "campaign", "status"], 3),
            "campaigns/0/campaign/status: Invalid input: expected string, received number",
        ),
        (
            _set(["campaigns", 0, "campaign", "name"], None),
            "campaigns/0/campaign/name: Invalid input: expected string, received null",
        ),
        (
            _set(["campaigns", 0, "campaign", "createdAt"], "yesterday"),
            "campaigns/0/campaign/createdAt: Invalid date-time",
        ),
        (
            _set(["enrollments", 0, "status"], 0),
            "enrollments/0/status: Invalid input: expected string",
        ),
        (
            _set(["organisations", 0, "region"], "eu"),
            'organisations/0: Unrecognized key(s): "region"',
        ),
        (_set(["organisations"], []), "organisations: Too small"),
        (_set(["apiKeys", 0, "permissions"], ["admin"]), "apiKeys/0/permissions/0: Invalid option"),
        (lambda data: data.pop("customers"), "customers: Invalid input: expected"),
        (
            _set(["enrollments", 1], None),
            "enrollments/1: Invalid input: expected object, received null",
        ),
    ],
)
def test_a_data_set_that_breaks_its_schema_is_refused(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(DatasetError, match=r"does not match dataset\.schema\.json") as raised:
        load_dataset(mutate(change)(tmp_path))
    assert message in str(raised.value)


def _cross_organisation(data: dict[str, Any]) -> None:
    other_customer = next(
        c
        for c in data["customers"]
        if c["organisationId"] != data["campaigns"][0]["organisationId"]
    )
    data["enrollments"][0] = {
        **data["enrollments"][0],
        "customerId": other_customer["id"],
        "campaignId": data["campaigns"][0]["campaign"]["id"],
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_cross_organisation, "does not join a customer and a campaign of one organisation"),
        (
            lambda data: data["enrollments"].append(dict(data["enrollments"][0])),
            "duplicate enrollment ids",
        ),
        (lambda data: data["apiKeys"].append(dict(data["apiKeys"][0])), "duplicate API key"),
        (
            _set(["campaigns", 0, "organisationId"], "00000000-0000-4000-8000-000000000000"),
            "has an unknown organisation",
        ),
    ],
)
def test_an_inconsistent_data_set_is_refused(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(DatasetError, match=message) as raised:
        load_dataset(mutate(change)(tmp_path))
    assert "cc_" not in str(raised.value)


def test_an_unreadable_data_set_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(DatasetError, match="cannot read data set"):
        load_dataset(tmp_path / "broken.json")
    with pytest.raises(DatasetError, match="cannot read data set"):
        load_dataset(tmp_path / "missing.json")


def test_a_negative_rate_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="rate_limit"):
        MockConfig(rate_limit=-1)
