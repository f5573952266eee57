"""Closes out a careCycle campaign: every listed customer's enrollment set to an outcome."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from carecycle_client import AsyncCareCycle, CareCycle
from carecycle_client.types import Unset

Outcome = Literal["completed", "failed"]
"""The statuses that close an enrollment: the only ones the API lets a client set."""


@dataclass(frozen=True)
class CampaignSummary:
    name: str
    status: str
    status_known: bool
    """False for a status this client's version of the spec does not list."""
    enrolled: int
    status_counts: dict[str, int]
    """Enrollments by status, those the spec does not list too."""


def summarise(carecycle: CareCycle, campaign_id: str) -> CampaignSummary:
    campaign = carecycle.campaigns.get(campaign_id).campaign
    stats = campaign.customer_stats
    if isinstance(stats, Unset):
        return CampaignSummary(campaign.name, str(campaign.status), campaign.status.is_known, 0, {})
    counts = {} if isinstance(stats.status_counts, Unset) else stats.status_counts.to_dict()
    return CampaignSummary(
        name=campaign.name,
        status=str(campaign.status),
        status_known=campaign.status.is_known,
        enrolled=0 if isinstance(stats.total, Unset) else int(stats.total),
        status_counts={status: int(count) for status, count in counts.items()},
    )


def close_out(
    carecycle: CareCycle,
    campaign_id: str,
    customer_ids: Iterable[str],
    outcome: Outcome = "completed",
) -> dict[str, str]:
    """Each customer's status before the change, by customer id."""
    previous = {}
    for customer_id in customer_ids:
        update = carecycle.customers.update_campaign_status(
            customer_id=customer_id, campaign_id=campaign_id, status=outcome
        )
        previous[customer_id] = str(update.previous_status)
    return previous


async def close_out_async(
    carecycle: AsyncCareCycle,
    campaign_id: str,
    customer_ids: Iterable[str],
    outcome: Outcome = "completed",
) -> dict[str, str]:
    previous = {}
    for customer_id in customer_ids:
        update = await carecycle.customers.update_campaign_status(
            customer_id=customer_id, campaign_id=campaign_id, status=outcome
        )
        previous[customer_id] = str(update.previous_status)
    return previous
