"""The service's tests: the carecycle-mock plugin's fixtures, and no conftest."""

from __future__ import annotations

import pytest
from campaign_closer import Outcome, close_out, close_out_async, summarise

from carecycle_client import AsyncCareCycle, CareCycle, RateLimitError
from carecycle_mock.pytest_plugin import CareCycleMock


def test_close_out_completes_each_enrollment(
    carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    enrollment = carecycle_mock.dataset.tenant().enrollment(status="pending")
    close_out(carecycle, enrollment.campaign_id, [enrollment.customer_id])
    carecycle_mock.assert_requested(
        "updateCustomerCampaignStatus",
        times=1,
        body={"customerId": enrollment.customer_id, "status": "completed"},
        status=200,
    )
    assert (
        carecycle_mock.enrollment_status(enrollment.customer_id, enrollment.campaign_id)
        == "completed"
    )


@pytest.mark.anyio
async def test_close_out_async_reports_the_previous_statuses(
    async_carecycle: AsyncCareCycle, carecycle_mock: CareCycleMock
) -> None:
    tenant = carecycle_mock.dataset.tenant()
    campaign = tenant.campaign()
    enrolled = tenant.enrollments_in(campaign.id)
    previous = await close_out_async(
        async_carecycle, campaign.id, [e.customer_id for e in enrolled], outcome="failed"
    )
    assert previous == {e.customer_id: e.status for e in enrolled}
    assert {carecycle_mock.enrollment_status(e.customer_id, campaign.id) for e in enrolled} == {
        "failed"
    }


@pytest.mark.carecycle_mock(faults=[{"status": 500}, {"drop": True}])
def test_a_flaky_api_is_answered_by_the_client_retries(
    carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    enrollment = carecycle_mock.dataset.tenant().enrollment(status="in_progress")
    close_out(carecycle, enrollment.campaign_id, [enrollment.customer_id])
    seen = carecycle_mock.requests("updateCustomerCampaignStatus")
    assert [entry.status for entry in seen] == [500, None, 200]  # None: dropped
    assert len(carecycle_mock.retry_waits) == 2
    assert all(0 < wait <= 60 for wait in carecycle_mock.retry_waits)


@pytest.mark.carecycle_mock(rate_limit=1)
def test_the_rate_limit_is_careCycle_s_until_the_test_says_otherwise(
    carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    campaign = carecycle_mock.dataset.tenant().campaign()
    carecycle.campaigns.get(campaign.id)
    with pytest.raises(RateLimitError) as raised:
        carecycle.campaigns.get(campaign.id, max_retries=1)
    # The call and its retry share the request id the error names.
    attempts = carecycle_mock.requests(request_id=raised.value.request_id)
    assert [(e.status, e.code) for e in attempts] == [(429, "RATE_LIMIT_EXCEEDED")] * 2
    assert carecycle_mock.retry_waits  # it waited as retryAfter said, without sleeping
    carecycle_mock.set_rate_limit(0)
    carecycle.campaigns.get(campaign.id)


# The next two change the same enrollment; whichever runs second sees the seed again.
@pytest.mark.parametrize("outcome", ["completed", "failed"])
def test_each_test_starts_from_the_seed(
    carecycle: CareCycle, carecycle_mock: CareCycleMock, outcome: Outcome
) -> None:
    enrollment = carecycle_mock.dataset.tenant().enrollment(status="pending")
    assert carecycle_mock.requests() == []
    assert (
        carecycle_mock.enrollment_status(enrollment.customer_id, enrollment.campaign_id)
        == "pending"
    )
    assert close_out(carecycle, enrollment.campaign_id, [enrollment.customer_id], outcome) == {
        enrollment.customer_id: "pending"
    }


def test_state_is_arranged_without_the_api(
    carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    campaign = carecycle_mock.dataset.tenant().campaign()
    for enrollment in carecycle_mock.dataset.tenant().enrollments_in(campaign.id):
        carecycle_mock.set_enrollment_status(enrollment.customer_id, campaign.id, "cancelled")
    summary = summarise(carecycle, campaign.id)
    assert summary.status_counts["cancelled"] == summary.enrolled > 0
    assert len(carecycle_mock.requests()) == 1  # the arranging went past the API


@pytest.mark.carecycle_mock(data="drifted_dataset.json")
def test_a_campaign_the_spec_does_not_describe_yet_is_read(
    carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    campaign_id = carecycle_mock.dataset.tenant("Drift Dental").campaign().id
    summary = summarise(carecycle, campaign_id)
    assert (summary.status, summary.status_known, summary.enrolled) == ("archived_v2", False, 1)
    assert summary.status_counts["on_hold_v2"] == 1
    campaign = carecycle.campaigns.get(campaign_id).campaign
    assert campaign.additional_properties["archiveReason"] == "merged into the spring campaign"
