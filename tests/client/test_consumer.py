"""The consumer program works against the mock server as its types say it does."""

from __future__ import annotations

import asyncio
import uuid
from uuid import UUID

from carecycle_client.models import CampaignStatus

from . import consumer
from .conftest import Mock


def test_a_campaign_summary(mock: Mock) -> None:
    summary = consumer.campaign_summary(mock.key.key, mock.base_url, mock.campaign.id)
    assert summary is not None
    assert summary.name == mock.campaign.name
    assert summary.status == CampaignStatus(mock.campaign.document["status"])
    assert summary.status_is_known
    assert str(summary.organisation) == mock.key.organisation_id
    assert summary.newer_fields == ["outboundEnabled", "softphoneHandoffStrategy"]
    assert consumer.campaign_summary(mock.key.key, mock.base_url, str(uuid.uuid4())) is None


def test_completing_an_enrollment(mock: Mock) -> None:
    done = consumer.complete(
        mock.key.key, mock.base_url, mock.enrollment.customer_id, UUID(mock.campaign.id)
    )
    assert done == (mock.enrollment.status, "completed")


def test_failures_are_described(mock: Mock) -> None:
    assert consumer.describe_failure(
        "cc_nobody_knows_this_key", mock.base_url, mock.campaign.id
    ).startswith("AuthenticationError 401 UNAUTHORIZED: ")
    assert consumer.describe_failure(
        mock.key.key, "http://127.0.0.1:9", mock.campaign.id
    ).startswith("unreachable: ")


def test_async_calls(mock: Mock) -> None:
    missing = str(uuid.uuid4())
    names = asyncio.run(
        consumer.campaign_names(mock.key.key, mock.base_url, [mock.campaign.id, missing])
    )
    assert names == [mock.campaign.name, None]
    status = asyncio.run(
        consumer.complete_async(
            mock.key.key, mock.base_url, UUID(mock.enrollment.customer_id), mock.campaign.id
        )
    )
    assert status == "failed"


def test_generated_functions(mock: Mock) -> None:
    statuses = consumer.with_generated_functions(
        mock.key.key, mock.base_url, UUID(mock.campaign.id), UUID(mock.enrollment.customer_id)
    )
    assert statuses == [200, 200, 200, 200]
