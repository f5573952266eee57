"""A program that uses every public call of the client, as a service would.

`make typecheck` holds it to mypy --strict, so the package's types must be precise enough
for such code (no Any leaking out, no cast needed); test_consumer.py runs it against the
mock server.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from uuid import UUID

import httpx

import carecycle_client
from carecycle_client import (
    UNSET,
    APIConnectionError,
    APIResponseTooLargeError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncCareCycle,
    AuthenticatedClient,
    CareCycle,
    CareCycleError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
    Unset,
)
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.api.customers import update_customer_campaign_status
from carecycle_client.bulk import BulkProgress, Outcome, StatusUpdate
from carecycle_client.models import (
    CampaignStatus,
    CustomerCampaignStatus,
    GetCampaignResponse,
    UpdateCustomerCampaignStatusRequest,
    UpdateCustomerCampaignStatusResponse,
)


@dataclass(frozen=True)
class Summary:
    name: str
    status: CampaignStatus
    status_is_known: bool
    organisation: UUID | None
    total_customers: float | None
    newer_fields: list[str]
    status_counts: dict[str, int]


def summarise(response: GetCampaignResponse) -> Summary:
    campaign = response.campaign
    stats = campaign.customer_stats
    total = None if isinstance(stats, Unset) or isinstance(stats.total, Unset) else stats.total
    counts = UNSET if isinstance(stats, Unset) else stats.status_counts
    return Summary(
        name=campaign.name,
        status=campaign.status,
        status_is_known=campaign.status.is_known,
        organisation=None if isinstance(campaign.client, Unset) else campaign.client.id,
        total_customers=total,
        newer_fields=campaign.additional_keys,
        status_counts={} if isinstance(counts, Unset) else counts.as_ints(),
    )


def campaign_summary(api_key: str, base_url: str, campaign_id: str) -> Summary | None:
    """The campaign, or None if this key's organisation has no such campaign."""
    user_agent = f"consumer-test (carecycle-client {carecycle_client.__version__})"
    with CareCycle(
        api_key,
        base_url=base_url,
        timeout=10.0,
        deadline=30.0,
        max_response_size=4 * 1024 * 1024,
        default_headers={"x-consumer": user_agent},
    ) as carecycle:
        try:
            response = carecycle.campaigns.get(
                campaign_id,
                include_client=True,
                timeout=5.0,
                deadline=20.0,
                extra_headers={"x-request-id": f"summary-{campaign_id}"},
            )
        except NotFoundError as error:
            if error.request_id != f"summary-{campaign_id}":
                raise
            return None
        return summarise(response)


def complete(api_key: str, base_url: str, customer_id: str, campaign_id: UUID) -> tuple[str, str]:
    """Mark an enrollment completed; its status before and after."""
    with CareCycle(api_key, base_url=base_url) as carecycle:
        careful = carecycle.with_options(
            max_retries=5,
            timeout=httpx.Timeout(10.0, connect=2.0),
            max_retry_wait=30.0,
            deadline=120.0,
            default_headers={"x-consumer": "complete"},
        )
        try:
            result = careful.customers.update_campaign_status(
                customer_id=customer_id,
                campaign_id=campaign_id,
                status=CustomerCampaignStatus.COMPLETED,
                max_retries=3,
            )
        except UnprocessableEntityError as error:
            raise ValueError("; ".join(issue.message for issue in error.errors)) from error
        except RateLimitError as error:
            raise RuntimeError(f"rate limited, retry in {error.retry_after} s") from error
        return result.previous_status, result.new_status


def describe_failure(api_key: str, base_url: str, campaign_id: str) -> str:
    """What went wrong with a call, as a log line would say it."""
    carecycle = CareCycle(api_key, base_url=base_url, max_retries=0)
    try:
        carecycle.campaigns.get(campaign_id)
    except (APIResponseValidationError, APIResponseTooLargeError) as error:
        if isinstance(error, APIResponseTooLargeError):
            what = f"over {error.limit} bytes"
        else:
            what = f"at {error.path}: {error.reason}"
        return f"bad response {what}"
    except APITimeoutError as error:
        return f"too slow: {error.message}"
    except APIConnectionError as error:
        return f"unreachable: {error.message}"
    except APIStatusError as error:
        return f"{type(error).__name__} {error.status_code} {error.code}: {error.message} [{error.request_id}]"
    except CareCycleError as error:
        return str(error)
    finally:
        carecycle.close()
    return "no failure"


async def campaign_names(api_key: str, base_url: str, campaign_ids: list[str]) -> list[str | None]:
    """Several campaigns at once, with asyncio."""
    async with AsyncCareCycle(api_key, base_url=base_url, max_retry_wait=30.0) as carecycle:
        fast = carecycle.with_options(timeout=5.0)

        async def name(campaign_id: str) -> str | None:
            try:
                return (await fast.campaigns.get(campaign_id)).campaign.name
            except NotFoundError:
                return None

        return list(await asyncio.gather(*(name(campaign_id) for campaign_id in campaign_ids)))


async def complete_async(api_key: str, base_url: str, customer_id: UUID, campaign_id: str) -> str:
    async with AsyncCareCycle(api_key, base_url=base_url) as carecycle:
        result = await carecycle.customers.update_campaign_status(
            customer_id=customer_id, campaign_id=campaign_id, status="failed"
        )
        return result.new_status


def close_out(
    api_key: str, base_url: str, enrollments: list[tuple[str, str]]
) -> tuple[list[str | None], int, int]:
    """Mark enrollments completed in bulk, as a team closing a campaign does: the previous
    statuses (None where a row failed) and how many rows applied and failed."""
    progress: list[int] = []

    def seen(event: BulkProgress[UpdateCustomerCampaignStatusResponse]) -> None:
        progress.append(event.done)

    rows = [StatusUpdate(customer, campaign, "completed") for customer, campaign in enrollments]
    with CareCycle(api_key, base_url=base_url, rate_limit=None) as carecycle:
        result = carecycle.customers.update_campaign_statuses(rows, concurrency=2, progress=seen)
    previous: list[str | None] = []
    for row in result:
        status = row.response.previous_status if row.response is not None else None
        previous.append(None if status is None else str(status))
        if row.outcome is Outcome.FAILED:
            assert isinstance(row.error, CareCycleError)
    assert progress[-1] == len(rows)
    return previous, result.applied, result.failed


async def close_out_async(api_key: str, base_url: str, customer_id: str, campaign_id: str) -> str:
    async with AsyncCareCycle(api_key, base_url=base_url) as carecycle:
        result = await carecycle.customers.update_campaign_statuses(
            [(customer_id, campaign_id, CustomerCampaignStatus.FAILED)]
        )
    assert result.stopped_by is None
    return str(result[0].outcome)


def with_generated_functions(
    api_key: str, base_url: str, campaign_id: UUID, customer_id: UUID
) -> list[int]:
    """The lower-level functions: every style, their status codes."""
    body = UpdateCustomerCampaignStatusRequest(
        customer_id=customer_id, campaign_id=campaign_id, status=CustomerCampaignStatus.COMPLETED
    )
    with AuthenticatedClient(base_url=base_url, token=api_key, max_retries=1) as client:
        detailed = get_campaign.sync_detailed(campaign_id, client=client, include_client=True)
        parsed = get_campaign.sync(campaign_id, client=client)
        updated = update_customer_campaign_status.sync_detailed(client=client, body=body)
        assert isinstance(parsed, GetCampaignResponse)
        assert update_customer_campaign_status.sync(client=client, body=body) is not None

    async def both() -> list[int]:
        async with AuthenticatedClient(base_url=base_url, token=api_key) as client:
            got = await get_campaign.asyncio_detailed(campaign_id, client=client)
            assert await get_campaign.asyncio(campaign_id, client=client) is not None
            sent = await update_customer_campaign_status.asyncio_detailed(client=client, body=body)
            assert (
                await update_customer_campaign_status.asyncio(client=client, body=body) is not None
            )
            return [got.status_code, sent.status_code]

    return [detailed.status_code, updated.status_code, *asyncio.run(both())]
