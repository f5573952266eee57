"""What reading a response means, judged against an independent validator, openapi-core.

A response must have the spec's types and required fields, UUIDs in their 8-4-4-4-12 form
and RFC 3339 date-times (with an offset): there the client's verdict is openapi-core's. It
tolerates, by design, what openapi-core refuses: unknown fields and enum values, patterns
other than a UUID's form (the version digit), bounds and email formats. The schema check
of `from_body` and the field by field reading of `from_dict` agree on all of it.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from carecycle_client import APIResponseValidationError
from carecycle_client._lazy_model import _matches_schema
from carecycle_client.models import (
    CustomerCampaignStatus,
    GetCampaignResponse,
    StatusCounts,
    UpdateCustomerCampaignStatusResponse,
)
from tests.repository import SPEC

from .examples import CAMPAIGN_ID, SEED_CAMPAIGN

OPENAPI = OpenAPI.from_dict(copy.deepcopy(SPEC))


def openapi_core_accepts(body: Any) -> bool:
    request = MockRequest(SPEC["servers"][0]["url"], "get", f"/v2/campaigns/{CAMPAIGN_ID}")
    response = MockResponse(
        json.dumps(body).encode(), status_code=200, content_type="application/json"
    )
    try:
        OPENAPI.validate_response(request, response)
    except Exception:  # openapi-core's refusals have several classes; any is a no
        return False
    return True


def client_verdicts(body: Any) -> tuple[bool, bool, bool]:
    """Whether the schema check, from_dict and from_body (what a call does) accept `body`."""

    def accepts(read: Any) -> bool:
        try:
            read(copy.deepcopy(body))
        except APIResponseValidationError:
            return False
        return True

    return (
        _matches_schema(GetCampaignResponse, body),
        accepts(GetCampaignResponse.from_dict),
        accepts(GetCampaignResponse.from_body),
    )


def with_value(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    body = copy.deepcopy(SEED_CAMPAIGN)
    place = body
    for key in path[:-1]:
        place = place[key]
    place[path[-1]] = value
    return body


DATETIMES = [
    "2019-08-24T14:15:22Z",
    "2019-08-24T14:15:22z",  # RFC 3339 allows lower case
    "2019-08-24t14:15:22Z",
    "2019-08-24t14:15:22z",
    "2019-08-24T14:15:22.5Z",
    "2019-08-24T14:15:22.123456789Z",  # more digits than a datetime holds: truncated
    "2019-08-24T14:15:22+02:00",
    "2019-08-24T14:15:22-00:00",
    "2019-08-24T14:15:22",  # no offset: refused, it would be a naive datetime
    "2019-08-24T14:15:22.5",
    "2019-08-24",
    "2019-08-24 14:15:22Z",
    "2019-08-24T14:15Z",
    "2019-08-24T14:15:22+0100",
    "2019-08-24T14:15:22+01",
    "20190824T141522Z",
    "2019-W34-6T14:15:22Z",
    "2019-13-24T14:15:22Z",
    "2019-08-24T24:00:00Z",
    "2019-08-24T23:59:60Z",  # a leap second: openapi-core refuses it, datetime cannot hold it
    "2019-08-24T14:15:22,5Z",
]


@pytest.mark.parametrize("path", [("campaign", "createdAt"), ("campaign", "startDate")])
@pytest.mark.parametrize("value", DATETIMES)
def test_a_datetime_is_read_as_openapi_core_judges_it(path: tuple[str, ...], value: str) -> None:
    body = with_value(path, value)
    verdict = openapi_core_accepts(body)
    assert client_verdicts(body) == (verdict, verdict, verdict)
    if verdict:
        read = GetCampaignResponse.from_body(body).campaign
        moment = read.created_at if path[-1] == "createdAt" else read.start_date
        assert moment.tzinfo is not None  # type: ignore[union-attr]


def test_a_datetime_without_an_offset_is_refused_with_the_reason() -> None:
    with pytest.raises(APIResponseValidationError) as raised:
        GetCampaignResponse.from_body(with_value(("campaign", "createdAt"), "2019-08-24T14:15:22"))
    assert raised.value.path == "campaign.createdAt"
    assert "with its offset (Z or +hh:mm); one without is ambiguous" in raised.value.reason


UUIDS_READ = [
    "497F6ECA-6276-4993-BFEB-53CBBBBA6F08",
    "497f6eca-6276-4993-BFEB-53cbbbba6f08",
    "00000000-0000-0000-0000-000000000000",
]
UUIDS_REFUSED = [
    "{497f6eca-6276-4993-bfeb-53cbbbba6f08}",
    "urn:uuid:497f6eca-6276-4993-bfeb-53cbbbba6f08",
    "497f6eca62764993bfeb53cbbbba6f08",
    "497f6eca6-276-4993-bfeb-53cbbbba6f08",
    "497f6eca-6276-4993-bfeb-53cbbbba6f0",
]


@pytest.mark.parametrize("value", UUIDS_READ + UUIDS_REFUSED)
def test_a_uuid_is_read_as_openapi_core_judges_it(value: str) -> None:
    body = with_value(("campaign", "id"), value)
    verdict = openapi_core_accepts(body)
    assert verdict == (value in UUIDS_READ)
    assert client_verdicts(body) == (verdict, verdict, verdict)


def _email_path() -> tuple[str, ...]:
    def walk(value: Any, path: tuple[str, ...]) -> tuple[str, ...] | None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "email":
                    return (*path, key)
                if (found := walk(item, (*path, key))) is not None:
                    return found
        if isinstance(value, list) and value:
            return walk(value[0], (*path, 0))  # type: ignore[arg-type]
        return None

    found = walk(SEED_CAMPAIGN, ())
    assert found is not None, "the seed has an email somewhere"
    return found


TOLERATED = {
    "a UUID of no known version": (("campaign", "id"), "497f6eca-6276-0993-0feb-53cbbbba6f08"),
    "an integer under its minimum": (("campaign", "maxAttempts"), -9007199254740993),
    "an email that is not one": (_email_path(), "not an email"),
}


@pytest.mark.parametrize("case", TOLERATED)
def test_what_openapi_core_refuses_and_the_client_tolerates(case: str) -> None:
    path, value = TOLERATED[case]
    body = with_value(path, value)
    assert not openapi_core_accepts(body)
    assert client_verdicts(body) == (True, True, True)


# Round trips: to_dict gives back what was read, in the documented normal form.

ROUND_TRIPS = [
    # (field, as sent, as to_dict writes it)
    ("id", "497F6ECA-6276-4993-BFEB-53CBBBBA6F08", "497f6eca-6276-4993-bfeb-53cbbbba6f08"),
    ("createdAt", "2019-08-24T14:15:22Z", "2019-08-24T14:15:22Z"),
    ("createdAt", "2019-08-24t14:15:22z", "2019-08-24T14:15:22Z"),
    ("createdAt", "2019-08-24T14:15:22.0Z", "2019-08-24T14:15:22Z"),
    ("createdAt", "2019-08-24T14:15:22.120Z", "2019-08-24T14:15:22.120Z"),
    ("createdAt", "2019-08-24T14:15:22.12Z", "2019-08-24T14:15:22.120Z"),
    ("createdAt", "2019-08-24T14:15:22.1234Z", "2019-08-24T14:15:22.123400Z"),
    ("createdAt", "2019-08-24T14:15:22.123456789Z", "2019-08-24T14:15:22.123456Z"),
    ("createdAt", "2019-08-24T14:15:22+00:00", "2019-08-24T14:15:22Z"),
    ("createdAt", "2019-08-24T14:15:22-00:00", "2019-08-24T14:15:22Z"),
    ("createdAt", "2019-08-24T16:15:22+02:00", "2019-08-24T16:15:22+02:00"),
]


@pytest.mark.parametrize(("field", "sent", "written"), ROUND_TRIPS)
def test_to_dict_writes_the_normal_form_the_readme_describes(
    field: str, sent: str, written: str
) -> None:
    body = with_value(("campaign", field), sent)
    assert openapi_core_accepts(body)
    for read in (GetCampaignResponse.from_dict, GetCampaignResponse.from_body):
        model = read(copy.deepcopy(body))
        again = model.to_dict()
        assert again["campaign"][field] == written
        assert openapi_core_accepts(again)
        assert GetCampaignResponse.from_dict(again) == GetCampaignResponse.from_dict(body)


def test_the_seed_round_trips_to_the_same_json() -> None:
    assert GetCampaignResponse.from_body(copy.deepcopy(SEED_CAMPAIGN)).to_dict() == SEED_CAMPAIGN


# StatusCounts: a mapping over every field, and counts as ints


def test_status_counts_are_a_mapping_over_every_field() -> None:
    counts = StatusCounts.from_body({"completed": 1, "pending": 2.0, "awaiting_call": 3})
    assert counts["completed"] == 1
    assert counts["awaiting_call"] == 3
    assert "completed" in counts
    assert "awaiting_call" in counts
    assert "failed" not in counts  # not sent
    with pytest.raises(KeyError):
        counts["failed"]
    assert list(counts) == [
        "pending",
        "completed",
        "awaiting_call",
    ]  # the spec's order, then the others
    assert dict(counts) == {"pending": 2.0, "completed": 1, "awaiting_call": 3}
    assert counts.as_ints() == {"pending": 2, "completed": 1, "awaiting_call": 3}
    assert all(type(value) is int for value in counts.as_ints().values())
    assert bool(StatusCounts.from_body({}))  # a model, not an empty container
    with pytest.raises(TypeError, match="set the attribute completed instead"):
        counts["completed"] = 5
    counts["paused"] = 4
    assert counts.as_ints()["paused"] == 4


def test_a_count_that_is_not_whole_is_refused_by_as_ints() -> None:
    counts = StatusCounts.from_body({"completed": 1.5})
    assert counts["completed"] == 1.5
    with pytest.raises(APIResponseValidationError, match="at completed: expected a whole number"):
        counts.as_ints()


@pytest.mark.parametrize("read", ["from_dict", "from_body"])
def test_the_statuses_of_an_update_are_the_status_enum(read: str) -> None:
    body = {
        "success": True,
        "previousStatus": "awaiting_call",
        "newStatus": "string",  # the page's placeholder: kept, as an unknown member
        "customerCampaignId": CAMPAIGN_ID,
    }
    update = getattr(UpdateCustomerCampaignStatusResponse, read)(dict(body))
    assert update.previous_status is CustomerCampaignStatus.AWAITING_CALL
    assert isinstance(update.new_status, CustomerCampaignStatus)
    assert not update.new_status.is_known
    assert update.to_dict() == body
    assert all(type(value) is not CustomerCampaignStatus for value in update.to_dict().values())
