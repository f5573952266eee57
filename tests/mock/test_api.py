"""The mock behaves like careCycle: state, business rules, auth, tenancy, rate limit."""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecycle_mock import MockConfig, MockService, MockTransport, errors
from carecycle_mock.app import build_app
from carecycle_mock.data import ApiKey, Dataset, Enrollment
from carecycle_mock.spec import ApiSpec, Parameters, query_pairs
from tests.repository import SPEC

from .conformance import assert_conforms
from .in_process import open_app

STATUSES = SPEC["components"]["schemas"]["CustomerCampaignStatus"]["enum"]
PATCH_PATH = "/v2/customers/campaign-status"
NOWHERE = "00000000-0000-4000-8000-000000000000"


def get_campaign(
    client: httpx.Client, campaign_id: str, key: ApiKey, **query: str
) -> httpx.Response:
    return client.get(f"/v2/campaigns/{campaign_id}", params=query, headers={"x-api-key": key.key})


def set_status(client: httpx.Client, key: ApiKey, body: dict[str, object]) -> httpx.Response:
    return client.patch(PATCH_PATH, json=body, headers={"x-api-key": key.key})


def enrollment_body(enrollment: Enrollment, status: str) -> dict[str, object]:
    return {
        "customerId": enrollment.customer_id,
        "campaignId": enrollment.campaign_id,
        "status": status,
    }


def first_enrollment(dataset: Dataset, key: ApiKey, status: str | None = None) -> Enrollment:
    return next(
        e for e in dataset.enrollments_of(key.organisation_id) if status in (None, e.status)
    )


def test_get_campaign_counts_every_status_from_the_enrollments(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    body = assert_conforms(get_campaign(client, campaign.id, read_write_key), "getCampaign")

    enrolled = [e.status for e in dataset.enrollments if e.campaign_id == campaign.id]
    stats = body["campaign"]["customerStats"]
    assert stats["statusCounts"] == {status: enrolled.count(status) for status in STATUSES}
    assert stats["total"] == len(enrolled)
    assert body["campaign"]["id"] == campaign.id
    assert body["campaign"]["name"] == campaign.name
    assert body["assistants"] == []


def test_a_campaigns_counts_follow_every_write_that_changes_them(
    tmp_path: Path, dataset: Dataset, read_write_key: ApiKey
) -> None:
    """A campaign's answer is prepared once and kept: a PATCH, a reset and a status set by
    another process sharing the database file (a worker of `--workers N`) each show in
    the next GET of either process."""
    enrollment = first_enrollment(dataset, read_write_key, status="pending")
    config = MockConfig(db_path=str(tmp_path / "state.sqlite3"))

    def pending(client: httpx.Client) -> int:
        body = get_campaign(client, enrollment.campaign_id, read_write_key).json()
        count: int = body["campaign"]["customerStats"]["statusCounts"]["pending"]
        return count

    with open_app(config) as owner:
        seeded = pending(owner)
        worker_app = build_app(MockService(config, fresh_volatile_state=False))
        try:
            transport = MockTransport(worker_app)
            with httpx.Client(transport=transport, base_url="http://mock") as worker:
                assert pending(worker) == seeded
                changed = set_status(
                    owner, read_write_key, enrollment_body(enrollment, "completed")
                )
                assert changed.status_code == 200
                assert (pending(owner), pending(worker)) == (seeded - 1, seeded - 1)
                worker_app.state.mock.set_enrollment_status(
                    enrollment.customer_id, enrollment.campaign_id, "pending"
                )
                assert (pending(owner), pending(worker)) == (seeded, seeded)
                changed = set_status(worker, read_write_key, enrollment_body(enrollment, "failed"))
                assert changed.status_code == 200
                owner._transport.state.reset()  # type: ignore[attr-defined]
                assert (pending(owner), pending(worker)) == (seeded, seeded)
        finally:
            worker_app.state.mock.close()


@pytest.mark.parametrize(
    ("query", "has_client"),
    [({}, False), ({"includeClient": "false"}, False), ({"includeClient": "true"}, True)],
)
def test_include_client_controls_the_client_object(
    client: httpx.Client,
    dataset: Dataset,
    read_write_key: ApiKey,
    query: dict[str, str],
    has_client: bool,
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    body = assert_conforms(
        get_campaign(client, campaign.id, read_write_key, **query), "getCampaign"
    )
    organisation = dataset.organisation(read_write_key.organisation_id)
    expected = {"id": organisation.id, "smsCompanyName": organisation.sms_company_name}
    assert body["campaign"].get("client") == (expected if has_client else None)


def test_patch_answers_the_real_previous_status_and_shows_in_the_next_get(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    enrollment = first_enrollment(dataset, read_write_key, status="pending")
    before = get_campaign(client, enrollment.campaign_id, read_write_key).json()["campaign"][
        "customerStats"
    ]

    first = assert_conforms(
        set_status(client, read_write_key, enrollment_body(enrollment, "completed")),
        "updateCustomerCampaignStatus",
    )
    second = assert_conforms(
        set_status(client, read_write_key, enrollment_body(enrollment, "failed")),
        "updateCustomerCampaignStatus",
    )

    assert first == {
        "success": True,
        "previousStatus": "pending",
        "newStatus": "completed",
        "customerCampaignId": enrollment.id,
    }
    assert second["previousStatus"] == "completed"
    assert second["newStatus"] == "failed"
    after = get_campaign(client, enrollment.campaign_id, read_write_key).json()["campaign"][
        "customerStats"
    ]
    assert after["statusCounts"]["pending"] == before["statusCounts"]["pending"] - 1
    assert after["statusCounts"]["failed"] == before["statusCounts"]["failed"] + 1
    assert after["total"] == before["total"]


def test_ids_match_in_either_case(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    enrollment = first_enrollment(dataset, read_write_key, status="pending")
    upper = {
        k: str(v).upper() for k, v in enrollment_body(enrollment, "failed").items() if k != "status"
    }
    body = assert_conforms(
        set_status(client, read_write_key, {**upper, "status": "failed"}),
        "updateCustomerCampaignStatus",
    )
    assert body["customerCampaignId"] == enrollment.id
    campaign = get_campaign(client, enrollment.campaign_id.upper(), read_write_key)
    assert assert_conforms(campaign, "getCampaign")["campaign"]["id"] == enrollment.campaign_id


def test_setting_the_same_status_again_is_idempotent(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    enrollment = first_enrollment(dataset, read_write_key, status="completed")
    body = assert_conforms(
        set_status(client, read_write_key, enrollment_body(enrollment, "completed")),
        "updateCustomerCampaignStatus",
    )
    assert (body["previousStatus"], body["newStatus"]) == ("completed", "completed")


@pytest.mark.parametrize("status", [s for s in STATUSES if s not in ("completed", "failed")])
def test_a_non_terminal_status_is_a_plain_400(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, status: str
) -> None:
    enrollment = first_enrollment(dataset, read_write_key)
    response = set_status(client, read_write_key, enrollment_body(enrollment, status))
    assert response.status_code == 400
    assert assert_conforms(response, "updateCustomerCampaignStatus") == {
        "message": "Only terminal statuses (completed, failed) are allowed",
        "code": "STATUS_NOT_TERMINAL",
    }


def test_another_organisations_campaign_is_indistinguishable_from_none(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, other_tenant_key: ApiKey
) -> None:
    theirs = dataset.campaigns_of(other_tenant_key.organisation_id)[0]
    foreign = get_campaign(client, theirs.id, read_write_key)
    missing = get_campaign(client, NOWHERE, read_write_key)

    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content
    assert assert_conforms(foreign, "getCampaign")["code"] == "NOT_FOUND"


def test_a_campaign_answered_to_its_organisation_is_still_not_found_for_another(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, other_tenant_key: ApiKey
) -> None:
    # The owner's GET prepares the campaign's answer; another organisation must not get it.
    theirs = dataset.campaigns_of(other_tenant_key.organisation_id)[0]
    assert get_campaign(client, theirs.id, other_tenant_key).status_code == 200
    for campaign_id in (theirs.id, theirs.id.upper()):
        assert get_campaign(client, campaign_id, read_write_key).status_code == 404


@pytest.mark.parametrize("field", ["campaignId", "customerId"])
def test_patching_another_organisations_enrollment_is_indistinguishable_from_none(
    client: httpx.Client,
    dataset: Dataset,
    read_write_key: ApiKey,
    other_tenant_key: ApiKey,
    field: str,
) -> None:
    theirs = enrollment_body(first_enrollment(dataset, other_tenant_key), "completed")
    nowhere = {**theirs, field: NOWHERE}
    foreign = set_status(client, read_write_key, theirs)
    missing = set_status(client, read_write_key, nowhere)

    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content
    assert assert_conforms(foreign, "updateCustomerCampaignStatus")["code"] == "NOT_FOUND"
    owner_view = get_campaign(client, theirs["campaignId"], other_tenant_key).json()  # type: ignore[arg-type]
    assert owner_view["campaign"]["customerStats"]["statusCounts"] == {
        s: [e.status for e in dataset.enrollments if e.campaign_id == theirs["campaignId"]].count(s)
        for s in STATUSES
    }


def test_a_customer_not_enrolled_in_the_campaign_is_404(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaigns = dataset.campaigns_of(read_write_key.organisation_id)
    enrolled = {(e.customer_id, e.campaign_id) for e in dataset.enrollments}
    customer, campaign = next(
        (c.id, k.id)
        for c in dataset.customers
        for k in campaigns
        if c.organisation_id == read_write_key.organisation_id and (c.id, k.id) not in enrolled
    )
    response = set_status(
        client, read_write_key, {"customerId": customer, "campaignId": campaign, "status": "failed"}
    )
    assert response.status_code == 404
    assert assert_conforms(response, "updateCustomerCampaignStatus") == {
        "message": "Customer is not enrolled in this campaign",
        "code": "NOT_FOUND",
    }


def test_a_read_only_key_may_read_but_not_patch(
    client: httpx.Client, dataset: Dataset, read_only_key: ApiKey
) -> None:
    enrollment = first_enrollment(dataset, read_only_key, status="pending")
    before = get_campaign(client, enrollment.campaign_id, read_only_key)
    assert before.status_code == 200
    response = set_status(client, read_only_key, enrollment_body(enrollment, "completed"))
    assert response.status_code == 403
    assert assert_conforms(response, "updateCustomerCampaignStatus") == {
        "message": "This API key lacks the write permission",
        "code": "FORBIDDEN",
    }
    assert get_campaign(client, enrollment.campaign_id, read_only_key).json() == before.json()


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Missing API key"),
        ({"x-api-key": ""}, "Missing API key"),
        ({"x-api-key": "cc_not_a_real_key"}, "Invalid API key"),
        ({"x-api-key": "not_prefixed"}, "Invalid API key"),
        ({"X-API-KEY": "cc_not_a_real_key"}, "Invalid API key"),
        ({"authorization": "Bearer cc_whatever"}, "Missing API key"),
    ],
)
def test_requests_without_a_valid_key_are_401(
    client: httpx.Client, dataset: Dataset, headers: dict[str, str], message: str
) -> None:
    campaign = dataset.campaigns[0]
    response = client.get(f"/v2/campaigns/{campaign.id}", headers=headers)
    assert response.status_code == 401
    assert assert_conforms(response, "getCampaign") == {"message": message, "code": "UNAUTHORIZED"}


def test_a_key_sent_twice_is_refused_even_if_both_are_valid(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    response = client.get(
        f"/v2/campaigns/{campaign.id}",
        headers=[("x-api-key", read_write_key.key), ("x-api-key", read_write_key.key)],
    )
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHORIZED"


def test_a_key_with_the_prefix_of_a_real_one_is_refused(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    for near in (read_write_key.key[:-1], read_write_key.key + "x", read_write_key.key.upper()):
        response = client.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": near})
        assert response.json() == {"message": "Invalid API key", "code": "UNAUTHORIZED"}


@pytest.mark.parametrize("known", [True, False], ids=["data set key", "unknown key"])
@pytest.mark.parametrize("path", ["campaign", "/v2/no-such-path"])
def test_a_request_s_key_is_hashed_at_most_once_for_counts_faults_auth_and_the_journal(
    client: httpx.Client,
    read_write_key: ApiKey,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    known: bool,
) -> None:
    state = client._transport.state  # type: ignore[attr-defined]
    campaign = state.dataset.campaigns_of(read_write_key.organisation_id)[0]
    url = f"/v2/campaigns/{campaign.id}" if path == "campaign" else path
    key = read_write_key.key if known else "cc_not_one_of_the_data_set"
    # Starlette builds the middleware on the first request: the journal hashes the data
    # set's keys then, once for the mock's life.
    client.get("/v2/campaigns")
    hashed: list[bytes] = []
    sha256 = hashlib.sha256

    def counting_sha256(data: bytes = b"", **options: Any) -> Any:
        hashed.append(bytes(data))
        return sha256(data, **options)

    monkeypatch.setattr(hashlib, "sha256", counting_sha256)
    response = client.get(url, headers={"x-api-key": key})
    assert response.status_code == (
        200 if known and path == "campaign" else 401 if path == "campaign" else 404
    )
    # An API path looks a data set key's digest up; anything else hashes the key, once.
    assert hashed == ([] if known and path == "campaign" else [key.encode()])
    entry = state.requests()[-1]
    assert entry.key_label == (read_write_key.label if known else None)
    assert state.request_count(key) == (1 if path == "campaign" else 0)


def test_auth_comes_before_input_validation(client: httpx.Client) -> None:
    response = client.get("/v2/campaigns/not-a-uuid", params={"includeClient": "maybe"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v2/campaigns"),
        ("GET", "/v2/campaigns/"),
        ("GET", "/v2/campaigns/{campaign}/"),
        ("POST", "/v2/campaigns"),
        ("GET", "/v1/campaigns/{campaign}"),
        ("GET", "/"),
        ("GET", "/_mock"),
        ("DELETE", "/_mock/nothing"),
    ],
)
def test_unknown_paths_are_404_with_the_error_body(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, method: str, path: str
) -> None:
    url = path.format(campaign=dataset.campaigns_of(read_write_key.organisation_id)[0].id)
    response = client.request(method, url, headers={"x-api-key": read_write_key.key})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"message": "No such operation", "code": "NOT_FOUND"}


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("POST", "/v2/campaigns/{campaign}", "GET"),
        ("DELETE", "/v2/campaigns/{campaign}", "GET"),
        ("HEAD", "/v2/campaigns/{campaign}", "GET"),
        ("OPTIONS", "/v2/campaigns/{campaign}", "GET"),
        ("TRACE", "/v2/campaigns/{campaign}", "GET"),
        ("PROPFIND", "/v2/campaigns/{campaign}", "GET"),
        ("GET", PATCH_PATH, "PATCH"),
        ("PUT", PATCH_PATH, "PATCH"),
        ("POST", PATCH_PATH, "PATCH"),
        ("GET", "/_mock/faults", "DELETE, PUT"),
        ("POST", "/_mock/requests", "GET, HEAD"),
    ],
)
def test_a_method_the_path_lacks_is_405_with_allow_and_the_error_body(
    *,
    client: httpx.Client,
    dataset: Dataset,
    read_write_key: ApiKey,
    method: str,
    path: str,
    allowed: str,
) -> None:
    url = path.format(campaign=dataset.campaigns_of(read_write_key.organisation_id)[0].id)
    response = client.request(method, url, headers={"x-api-key": read_write_key.key})
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert response.headers["content-type"] == "application/json"
    if method != "HEAD":
        assert response.json() == {
            "message": f"Method {method} is not allowed here",
            "code": "METHOD_NOT_ALLOWED",
        }


def test_an_unexpected_exception_is_a_documented_500(
    dataset: Dataset, read_write_key: ApiKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(campaign_id: str) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("carecycle_mock.enrollments.MemoryEnrollments.status_counts", broken)
    with open_app(MockConfig(), raise_app_exceptions=False) as broken_client:
        campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
        response = get_campaign(broken_client, campaign.id, read_write_key)
    assert response.status_code == 500
    assert assert_conforms(response, "getCampaign") == {
        "message": "Internal server error",
        "code": "INTERNAL_ERROR",
    }


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def limited(clock: Clock) -> Iterator[httpx.Client]:
    with open_app(MockConfig(rate_limit=3), clock=clock) as app_client:
        yield app_client


def test_the_rate_limit_answers_429_with_the_seconds_until_a_slot_frees(
    limited: httpx.Client,
    clock: Clock,
    dataset: Dataset,
    read_write_key: ApiKey,
    other_tenant_key: ApiKey,
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    for step in (0.0, 10.0, 20.5):
        clock.now += step
        assert get_campaign(limited, campaign.id, read_write_key).status_code == 200
    clock.now += 9.2  # 39.7 s after the first request, which leaves the window at 60 s

    refused = get_campaign(limited, campaign.id, read_write_key)
    assert refused.status_code == 429
    assert assert_conforms(refused, "getCampaign") == {
        "message": "Rate limit exceeded",
        "code": "RATE_LIMIT_EXCEEDED",
        "retryAfter": 21,
    }
    theirs = dataset.campaigns_of(other_tenant_key.organisation_id)[0]
    assert get_campaign(limited, theirs.id, other_tenant_key).status_code == 200, (
        "limits are per key"
    )

    clock.now += 20.3
    assert get_campaign(limited, campaign.id, read_write_key).status_code == 200, (
        "the first slot freed"
    )
    assert get_campaign(limited, campaign.id, read_write_key).json()["retryAfter"] == 10


def test_refused_requests_do_not_take_a_slot_but_every_authenticated_one_does(
    limited: httpx.Client, clock: Clock, dataset: Dataset, read_write_key: ApiKey
) -> None:
    for _ in range(3):
        assert (
            limited.patch(
                PATCH_PATH,
                content=b"{",
                headers={"x-api-key": read_write_key.key, "content-type": "application/json"},
            ).status_code
            == 400
        )
    for _ in range(5):
        assert limited.get(f"/v2/campaigns/{NOWHERE}").status_code == 401
    assert get_campaign(limited, NOWHERE, read_write_key).status_code == 429
    clock.now += 60
    assert get_campaign(limited, NOWHERE, read_write_key).status_code == 404


@pytest.mark.parametrize("limit", [0, None])
def test_the_rate_limit_can_be_disabled(
    dataset: Dataset, read_write_key: ApiKey, limit: int | None
) -> None:
    with open_app(MockConfig(rate_limit=limit)) as unlimited:
        campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
        statuses = {
            get_campaign(unlimited, campaign.id, read_write_key).status_code for _ in range(70)
        }
    assert statuses == {200}


def test_the_default_limit_is_60_a_minute(
    dataset: Dataset, read_write_key: ApiKey, clock: Clock
) -> None:
    with open_app(MockConfig(), clock=clock) as default:
        campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
        statuses = [
            get_campaign(default, campaign.id, read_write_key).status_code for _ in range(61)
        ]
    assert statuses == [200] * 60 + [429]


@given(st.text(alphabet="ab=&%+;2 x\u00e9"))
def test_a_query_string_is_read_as_parse_qsl_reads_it(query: str) -> None:
    assert query_pairs(query) == parse_qsl(query, keep_blank_values=True)


@functools.cache
def _spec() -> ApiSpec:
    return ApiSpec.load()


def _get_campaign_parameters(spec: ApiSpec) -> Parameters:
    (operation,) = (op for op in spec.operations if op.operation_id == "getCampaign")
    return operation.parameters


@given(st.text(alphabet="includeClient=&%+tru"))
def test_query_parameters_are_read_as_parse_qsl_reads_the_query(query: str) -> None:
    sent = [
        value for name, value in parse_qsl(query, keep_blank_values=True) if name == "includeClient"
    ]
    decoded = {"true": True, "false": False}.get(sent[0], sent[0]) if len(sent) == 1 else sent
    expected = {"includeClient": decoded} if sent else {}
    _, values, _ = _get_campaign_parameters(_spec()).read({"campaignId": str(uuid.uuid4())}, query)
    assert values == expected


def test_what_a_check_found_is_kept_for_short_requests_only_and_for_the_latest_ones() -> None:
    parameters = _get_campaign_parameters(ApiSpec.load())  # nothing checked kept yet
    first = parameters.read({"campaignId": "not-a-uuid"}, "includeClient=true")
    assert first[2]  # a 422's issues
    assert parameters.read({"campaignId": "not-a-uuid"}, "includeClient=true") is first
    long_query = "x=" + "y" * Parameters.KEPT_CHARS
    assert parameters.read({"campaignId": "not-a-uuid"}, long_query) is not parameters.read(
        {"campaignId": "not-a-uuid"}, long_query
    )
    for number in range(Parameters.CHECKED):
        parameters.read({"campaignId": str(number)}, "")
    assert parameters.read({"campaignId": "not-a-uuid"}, "includeClient=true") is not first


def test_plain_error_responses_are_kept_but_never_more_than_the_bound(
    client: httpx.Client, read_write_key: ApiKey
) -> None:
    # Each body is refused with a message that quotes where parsing failed: a different
    # message each time, more of them than are kept.
    headers = {"x-api-key": read_write_key.key, "content-type": "application/json"}
    for spaces in range(errors.MAX_PLAIN_RESPONSES + 10):
        response = client.patch(PATCH_PATH, content="{" + " " * spaces, headers=headers)
        assert response.status_code == 400
        assert f"column {spaces + 2}" in response.json()["message"]
    assert len(errors._PLAIN_RESPONSES) <= errors.MAX_PLAIN_RESPONSES
    missing = [client.get(PATCH_PATH.replace("customers", "campaigns")) for _ in range(2)]
    assert [r.json()["message"] for r in missing] == ["Missing API key"] * 2
