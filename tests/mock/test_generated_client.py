"""The generated client against the mock server: each documented status reaches the
caller as the type the spec gives it.

Real behaviour where the client can provoke it (a bad key, a read-only key, a
non-terminal status, an unknown campaign, the rate limit); injected faults for what a
well-typed client cannot send (422) or should never see (500). Retries are off so
that every status arrives as it was sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from uuid import UUID

import httpx
import pytest

from carecycle_client import AuthenticatedClient
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.api.customers import update_customer_campaign_status
from carecycle_client.models import (
    ClientInfo,
    CustomerCampaignStatus,
    ErrorBody,
    GetCampaignResponse,
    RateLimitErrorBody,
    UpdateCustomerCampaignStatusRequest,
    UpdateCustomerCampaignStatusResponse,
    ValidationErrorBody,
)
from carecycle_mock.data import ApiKey, Dataset, Enrollment
from carecycle_mock.process import MockProcess


@pytest.fixture(scope="module")
def server() -> Iterator[MockProcess]:
    with MockProcess("--rate-limit", "0", "--no-access-log") as process:
        yield process


@pytest.fixture
def reset(server: MockProcess) -> Iterator[None]:
    yield
    httpx.post(f"{server.base_url}/_mock/reset").raise_for_status()


def client_for(base_url: str, key: ApiKey | str | None) -> AuthenticatedClient:
    if key is None:
        # The operations require an AuthenticatedClient; one whose connections come from a
        # plain httpx.Client sends no key at all.
        anonymous = AuthenticatedClient(
            base_url=base_url, token="cc_unused_placeholder", max_retries=0
        )
        return anonymous.set_httpx_client(httpx.Client(base_url=base_url))
    token = key.key if isinstance(key, ApiKey) else key
    return AuthenticatedClient(base_url=base_url, token=token, max_retries=0)


def fetch(base_url: str, key: ApiKey | str | None, campaign_id: str) -> Any:
    with client_for(base_url, key) as client:
        return get_campaign.sync_detailed(UUID(campaign_id), client=client, include_client=True)


def change(base_url: str, key: ApiKey | str, enrollment: Enrollment, status: str) -> Any:
    body = UpdateCustomerCampaignStatusRequest(
        customer_id=UUID(enrollment.customer_id),
        campaign_id=UUID(enrollment.campaign_id),
        status=CustomerCampaignStatus(status),
    )
    with client_for(base_url, key) as client:
        return update_customer_campaign_status.sync_detailed(client=client, body=body)


@pytest.fixture
def pending(dataset: Dataset, read_write_key: ApiKey) -> Enrollment:
    return next(
        e for e in dataset.enrollments_of(read_write_key.organisation_id) if e.status == "pending"
    )


def test_get_campaign_200_is_a_get_campaign_response(
    server: MockProcess, pending: Enrollment, read_write_key: ApiKey
) -> None:
    response = fetch(server.base_url, read_write_key, pending.campaign_id)
    assert response.status_code == 200
    assert isinstance(response.parsed, GetCampaignResponse)
    assert str(response.parsed.campaign.id) == pending.campaign_id
    assert isinstance(response.parsed.campaign.client, ClientInfo)
    assert str(response.parsed.campaign.client.id) == read_write_key.organisation_id


def test_update_200_is_an_update_response(
    server: MockProcess, pending: Enrollment, read_write_key: ApiKey, reset: None
) -> None:
    response = change(server.base_url, read_write_key, pending, "completed")
    assert response.status_code == 200
    assert isinstance(response.parsed, UpdateCustomerCampaignStatusResponse)
    assert (response.parsed.previous_status, response.parsed.new_status) == ("pending", "completed")
    assert str(response.parsed.customer_campaign_id) == pending.id


Call = Callable[[MockProcess, Enrollment, ApiKey, ApiKey], Any]
REAL_ERRORS: list[tuple[str, Call, int, str]] = [
    (
        "get without a key",
        lambda s, e, w, r: fetch(s.base_url, None, e.campaign_id),
        401,
        "UNAUTHORIZED",
    ),
    (
        "get with a wrong key",
        lambda s, e, w, r: fetch(s.base_url, "cc_wrong", e.campaign_id),
        401,
        "UNAUTHORIZED",
    ),
    (
        "get an unknown campaign",
        lambda s, e, w, r: fetch(s.base_url, w, "00000000-0000-4000-8000-000000000000"),
        404,
        "NOT_FOUND",
    ),
    (
        "update to a non-terminal status",
        lambda s, e, w, r: change(s.base_url, w, e, "skipped"),
        400,
        "STATUS_NOT_TERMINAL",
    ),
    (
        "update with a read-only key",
        lambda s, e, w, r: change(s.base_url, r, e, "failed"),
        403,
        "FORBIDDEN",
    ),
    (
        "update with a wrong key",
        lambda s, e, w, r: change(s.base_url, "cc_wrong", e, "failed"),
        401,
        "UNAUTHORIZED",
    ),
]


@pytest.mark.parametrize(
    ("call", "status", "code"), [c[1:] for c in REAL_ERRORS], ids=[c[0] for c in REAL_ERRORS]
)
def test_real_errors_are_error_bodies(
    *,
    server: MockProcess,
    pending: Enrollment,
    read_write_key: ApiKey,
    read_only_key: ApiKey,
    call: Call,
    status: int,
    code: str,
) -> None:
    response = call(server, pending, read_write_key, read_only_key)
    assert response.status_code == status
    assert isinstance(response.parsed, ErrorBody)
    assert response.parsed.code == code


@pytest.mark.parametrize(
    ("fault", "status", "kind"),
    [
        ({"status": 400}, 400, ErrorBody),
        ({"status": 404}, 404, ErrorBody),
        ({"status": 422}, 422, ValidationErrorBody),
        ({"status": 429, "retryAfter": 3}, 429, RateLimitErrorBody),
        ({"status": 500}, 500, ErrorBody),
    ],
)
@pytest.mark.parametrize("operation", ["get", "update"])
def test_injected_errors_are_their_documented_types(
    *,
    server: MockProcess,
    pending: Enrollment,
    read_write_key: ApiKey,
    reset: None,
    fault: dict[str, int],
    status: int,
    kind: type,
    operation: str,
) -> None:
    httpx.put(
        f"{server.base_url}/_mock/faults", json={"apiKey": read_write_key.key, "script": [fault]}
    ).raise_for_status()
    if operation == "get":
        response = fetch(server.base_url, read_write_key, pending.campaign_id)
    else:
        response = change(server.base_url, read_write_key, pending, "failed")
    assert response.status_code == status
    assert isinstance(response.parsed, kind)
    if isinstance(response.parsed, RateLimitErrorBody):
        assert response.parsed.retry_after == 3


def test_a_real_rate_limit_is_a_rate_limit_error_body(
    dataset: Dataset, read_write_key: ApiKey, pending: Enrollment
) -> None:
    with MockProcess("--rate-limit", "1", "--no-access-log") as limited:
        assert fetch(limited.base_url, read_write_key, pending.campaign_id).status_code == 200
        response = fetch(limited.base_url, read_write_key, pending.campaign_id)
    assert response.status_code == 429
    assert isinstance(response.parsed, RateLimitErrorBody)
    assert 1 <= response.parsed.retry_after <= 60
