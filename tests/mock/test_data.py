"""The seed data set: realistic, consistent, checked on load, secrets kept out of reprs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from carecycle_client import CareCycle
from carecycle_mock import MockConfig, MockTransport
from carecycle_mock.data import (
    READ,
    WRITE,
    Dataset,
    DatasetError,
    default_dataset_path,
    load_dataset,
    relaxed,
)
from tests.repository import SPEC

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


@pytest.fixture
def drifted(tmp_path: Path) -> Path:
    """The default data set with what a later careCycle might add: new values and fields."""
    data = json.loads(default_dataset_path().read_text())
    campaign = data["campaigns"][0]["campaign"]
    campaign["status"] = "archived_v2"
    campaign["archiveReason"] = "merged"
    campaign["features"]["voicemailDrop"] = True
    enrollment = next(e for e in data["enrollments"] if e["campaignId"] == campaign["id"])
    enrollment["status"] = "on_hold_v2"
    path = tmp_path / "drifted.json"
    path.write_text(json.dumps(data))
    return path


def test_a_drifted_data_set_is_served_as_it_is(drifted: Path) -> None:
    dataset = load_dataset(drifted)
    tenant = dataset.tenant()
    campaign = tenant.campaign()
    enrollment = tenant.enrollment(status="on_hold_v2")
    headers = {"x-api-key": tenant.read_write_key.key}
    transport = MockTransport(config=MockConfig(data_path=drifted, rate_limit=None))
    with httpx.Client(transport=transport, base_url="http://mock", headers=headers) as http:
        served = http.get(f"/v2/campaigns/{campaign.id}").json()["campaign"]
        assert (served["status"], served["archiveReason"]) == ("archived_v2", "merged")
        assert served["features"]["voicemailDrop"] is True
        assert served["customerStats"]["statusCounts"]["on_hold_v2"] == 1
        assert set(STATUSES) - {"awaiting_call"} <= set(served["customerStats"]["statusCounts"])
        body = {"customerId": enrollment.customer_id, "campaignId": campaign.id}
        # Requests are still checked against the spec as written.
        refused = http.patch(
            "/v2/customers/campaign-status", json={**body, "status": "archived_v2"}
        )
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "invalid_value"
        done = http.patch("/v2/customers/campaign-status", json={**body, "status": "completed"})
        assert done.json()["previousStatus"] == "on_hold_v2"
    transport.state.close()


def test_the_client_reads_a_drifted_campaign(drifted: Path) -> None:
    tenant = load_dataset(drifted).tenant()
    transport = MockTransport(config=MockConfig(data_path=drifted))
    with CareCycle(tenant.read_write_key.key, base_url="http://mock", transport=transport) as cc:
        campaign = cc.campaigns.get(tenant.campaign().id).campaign
    assert (str(campaign.status), campaign.status.is_known) == ("archived_v2", False)
    assert campaign.additional_properties == {"archiveReason": "merged"}
    transport.state.close()


def test_drift_relaxes_exactly_extra_properties_and_enums() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["status"],
        "properties": {
            "status": {"enum": ["a", "b"]},
            "level": {"type": "integer", "enum": [1, 2]},
            "enum": {"type": "string", "pattern": "^x"},
            "nested": {"type": "array", "items": {"additionalProperties": False, "maxItems": 2}},
        },
    }
    assert relaxed(schema) == {
        "type": "object",
        "required": ["status"],
        "properties": {
            "status": {"type": "string"},
            "level": {"type": "integer"},
            "enum": {"type": "string", "pattern": "^x"},
            "nested": {"type": "array", "items": {"maxItems": 2}},
        },
    }


def test_tenants_name_what_a_test_needs(dataset: Dataset) -> None:
    tenant = dataset.tenant()
    assert tenant.read_write_key.permissions == {READ, WRITE}
    assert tenant.read_only_key.permissions == {READ}
    assert (
        tenant.read_only_key.organisation_id == tenant.read_write_key.organisation_id == tenant.id
    )
    assert (dataset.read_write_key, dataset.read_only_key) == (
        tenant.read_write_key,
        tenant.read_only_key,
    )
    other = dataset.tenant(dataset.organisations[1].name)
    assert dataset.tenant(other.id.upper()) == other
    assert {c.organisation_id for c in other.campaigns} == {other.id}
    assert {c.organisation_id for c in other.customers} == {other.id}
    assert {e.campaign_id for e in other.enrollments} <= {c.id for c in other.campaigns}
    campaign = other.campaign()
    assert other.campaign(campaign.name) == other.campaign(campaign.id) == campaign
    customer = other.customer()
    assert other.customer(customer.name) == customer
    pending = tenant.enrollment(status="pending")
    assert pending.status == "pending"
    assert (
        tenant.enrollment(customer_id=pending.customer_id, campaign_id=pending.campaign_id)
        == pending
    )
    assert pending in tenant.enrollments_in(pending.campaign_id)
    assert sum(len(t.enrollments) for t in dataset.tenants) == len(dataset.enrollments)


@pytest.mark.parametrize(
    ("lookup", "message"),
    [
        (
            lambda d: d.tenant("Nobody"),
            "no organisation named or with id 'Nobody'; there are: 'Harbor",
        ),
        (lambda d: d.tenant().campaign("Nothing"), "no campaign of Harbor Family Dental named"),
        (lambda d: d.tenant().customer("Nobody"), "no customer of Harbor Family Dental named"),
        (lambda d: d.tenant().enrollment(status="gone"), "its seed statuses: awaiting_call, "),
        (lambda d: d.tenant("Lakeview Veterinary Clinic").read_only_key, "has no key with"),
    ],
)
def test_a_lookup_that_finds_nothing_says_what_there_is(
    dataset: Dataset, lookup: Callable[[Dataset], object], message: str
) -> None:
    with pytest.raises(LookupError, match=re.escape(message)):
        lookup(dataset)
