"""The consumer program works against the mock server as its types say it does."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from pathlib import Path
from uuid import UUID

from carecycle_client.models import CampaignStatus

from . import consumer
from .mock_server import Mock


def test_a_campaign_summary(mock: Mock) -> None:
    summary = consumer.campaign_summary(mock.read_write_key.key, mock.base_url, mock.campaign.id)
    assert summary is not None
    assert summary.name == mock.campaign.name
    assert summary.status == CampaignStatus(mock.campaign.document["status"])
    assert summary.status_is_known
    assert str(summary.organisation) == mock.read_write_key.organisation_id
    assert summary.newer_fields == ["outboundEnabled", "softphoneHandoffStrategy"]
    assert sum(summary.status_counts.values()) >= 1
    assert all(type(count) is int for count in summary.status_counts.values())
    assert (
        consumer.campaign_summary(mock.read_write_key.key, mock.base_url, str(uuid.uuid4())) is None
    )


def test_completing_an_enrollment(mock: Mock) -> None:
    done = consumer.complete(
        mock.read_write_key.key, mock.base_url, mock.enrollment.customer_id, UUID(mock.campaign.id)
    )
    assert done == (mock.enrollment.status, "completed")


def test_failures_are_described(mock: Mock) -> None:
    assert consumer.describe_failure(
        "cc_nobody_knows_this_key", mock.base_url, mock.campaign.id
    ).startswith("AuthenticationError 401 UNAUTHORIZED: ")
    assert consumer.describe_failure(
        mock.read_write_key.key, "http://127.0.0.1:9", mock.campaign.id
    ).startswith("unreachable: ")


def test_async_calls(mock: Mock) -> None:
    missing = str(uuid.uuid4())
    names = asyncio.run(
        consumer.campaign_names(mock.read_write_key.key, mock.base_url, [mock.campaign.id, missing])
    )
    assert names == [mock.campaign.name, None]
    status = asyncio.run(
        consumer.complete_async(
            mock.read_write_key.key,
            mock.base_url,
            UUID(mock.enrollment.customer_id),
            mock.campaign.id,
        )
    )
    assert status == "failed"


def test_closing_out_in_bulk(mock: Mock) -> None:
    unknown = str(uuid.uuid4())
    enrollments = [(mock.enrollment.customer_id, mock.campaign.id), (unknown, mock.campaign.id)]
    previous, applied, failed = consumer.close_out(
        mock.read_write_key.key, mock.base_url, enrollments
    )
    assert (previous, applied, failed) == ([mock.enrollment.status, None], 1, 1)
    outcome = asyncio.run(
        consumer.close_out_async(
            mock.read_write_key.key, mock.base_url, mock.enrollment.customer_id, mock.campaign.id
        )
    )
    assert outcome == "applied"


def test_generated_functions(mock: Mock) -> None:
    statuses = consumer.with_generated_functions(
        mock.read_write_key.key,
        mock.base_url,
        UUID(mock.campaign.id),
        UUID(mock.enrollment.customer_id),
    )
    assert statuses == [200, 200, 200, 200]


def test_mypy_refuses_a_status_that_is_not_one(tmp_path: Path) -> None:
    """The enum parameters are typed as the enum or its values' literals: a typo is a type
    error, and the same call spelled right is not (so that the check can fail)."""
    call = """
from carecycle_client import CareCycle

with CareCycle("cc_key") as carecycle:
    carecycle.customers.update_campaign_status(
        customer_id="87d8e330-2878-4742-a86f-dbbb3bf522ac",
        campaign_id="13f8bf6d-dc27-4a04-bffe-6e5b13c19ddf",
        status="{status}",
    )
"""
    (tmp_path / "right.py").write_text(call.format(status="completed"))
    (tmp_path / "typo.py").write_text(call.format(status="compelted"))
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--hide-error-context",
            "--no-pretty",
            "right.py",
            "typo.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert len(errors) == 1, errors
    assert errors[0].startswith('typo.py:8: error: Argument "status"')
    assert "has incompatible type \"Literal['compelted']\"" in errors[0]
