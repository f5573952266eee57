"""`customers.update_campaign_statuses`, sync and async, against the mock's app in process:
one result per row in order, progress on the caller's thread, lazy reading of the rows,
invalid rows and per-row errors, and the early stop on a key that fails every row."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

from carecycle_client import (
    AsyncCareCycle,
    CareCycle,
    InvalidRowError,
    NotFoundError,
    PermissionDeniedError,
)
from carecycle_client.bulk import BulkProgress, BulkResult, Outcome, StatusUpdate
from carecycle_client.models import UpdateCustomerCampaignStatusResponse
from carecycle_mock import AsyncMockTransport, MockConfig, MockTransport, create_app
from carecycle_mock.data import Tenant
from carecycle_mock.service import MockService

Response = UpdateCustomerCampaignStatusResponse
Bulk = Callable[..., BulkResult[Response]]


@pytest.fixture
def app() -> Iterator[Any]:
    app = create_app(MockConfig(rate_limit=None))
    yield app
    app.state.mock.close()  # its databases: an unclosed one is a ResourceWarning on 3.13


@pytest.fixture
def state(app: Any) -> MockService:
    mock: MockService = app.state.mock
    return mock


@pytest.fixture
def tenant(state: MockService) -> Tenant:
    return state.dataset.tenant()


@pytest.fixture(params=["sync", "async"])
def bulk(request: pytest.FixtureRequest, app: Any) -> Bulk:
    """update_campaign_statuses in the parametrised flavour: bulk(rows, key=..., **options)."""

    def run_sync(rows: Iterable[Any], key: str, **options: Any) -> BulkResult[Response]:
        with CareCycle(key, base_url="http://mock", transport=MockTransport(app)) as carecycle:
            return carecycle.customers.update_campaign_statuses(rows, **options)

    def run_async(rows: Iterable[Any], key: str, **options: Any) -> BulkResult[Response]:
        async def run() -> BulkResult[Response]:
            transport = AsyncMockTransport(app)
            async with AsyncCareCycle(
                key, base_url="http://mock", transport=transport
            ) as carecycle:
                return await carecycle.customers.update_campaign_statuses(rows, **options)

        return asyncio.run(run())

    return run_sync if request.param == "sync" else run_async


def test_one_result_per_row_in_order_with_progress(
    bulk: Bulk, tenant: Tenant, state: MockService
) -> None:
    enrollments = tenant.enrollments
    rows = [
        StatusUpdate(e.customer_id, e.campaign_id, "failed" if n % 2 else "completed")
        for n, e in enumerate(enrollments)
    ]
    events: list[BulkProgress[Response]] = []
    threads: set[int] = set()

    def progress(event: BulkProgress[Response]) -> None:
        events.append(event)
        threads.add(threading.get_ident())

    result = bulk(rows, key=tenant.read_write_key.key, progress=progress, concurrency=3)
    assert len(result) == len(rows)
    assert result.stopped_by is None
    assert (result.applied, result.failed, result.not_sent) == (len(rows), 0, 0)
    for row, enrollment, outcome in zip(rows, enrollments, result, strict=True):
        assert outcome.ok
        assert outcome.update == (
            uuid.UUID(str(row.customer_id)),
            uuid.UUID(str(row.campaign_id)),
            row.status,
        )
        assert outcome.previous_status == enrollment.status
        assert outcome.response is not None
        assert str(outcome.response.customer_campaign_id) == enrollment.id
        assert outcome.request_id
    assert [event.done for event in events] == list(range(1, len(rows) + 1))
    assert sorted(event.result.index for event in events) == list(range(len(rows)))
    assert threads == {threading.get_ident()}
    sent = {
        entry.request_id
        for entry in state.requests(operation="updateCustomerCampaignStatus", status=200)
    }
    assert {outcome.request_id for outcome in result} == sent


def test_invalid_rows_and_refused_rows_fail_alone(bulk: Bulk, tenant: Tenant) -> None:
    enrollment = tenant.enrollments[0]
    rows: list[Any] = [
        (enrollment.customer_id, enrollment.campaign_id, "completed"),
        ("not-a-uuid", enrollment.campaign_id, "completed"),
        (enrollment.customer_id, enrollment.campaign_id),
        (str(uuid.uuid4()), enrollment.campaign_id, "failed"),  # no such customer: 404
        (enrollment.customer_id, enrollment.campaign_id, "failed"),
    ]
    result = bulk(rows, key=tenant.read_write_key.key)
    assert [r.outcome for r in result] == [
        Outcome.APPLIED,
        Outcome.FAILED,
        Outcome.FAILED,
        Outcome.FAILED,
        Outcome.APPLIED,
    ]
    assert isinstance(result[1].error, InvalidRowError)
    assert "row 1: customer_id must be a UUID" in str(result[1].error)
    assert isinstance(result[2].error, InvalidRowError)
    assert result[1].update is None
    assert isinstance(result[3].error, NotFoundError)
    assert result[3].request_id == result[3].error.request_id
    assert result.stopped_by is None


def test_a_key_that_fails_every_row_stops_the_run(
    bulk: Bulk, tenant: Tenant, state: MockService
) -> None:
    rows = [(e.customer_id, e.campaign_id, "completed") for e in tenant.enrollments] * 5
    result = bulk(iter(rows), key=tenant.read_only_key.key, concurrency=2)
    assert isinstance(result.stopped_by, PermissionDeniedError)
    assert len(result) == len(rows)
    sent = state.request_count(tenant.read_only_key.key)
    assert 1 <= sent <= 2
    assert result.failed == sent
    assert result.not_sent == len(rows) - sent
    assert all(r.update is not None for r in result)
    assert "stopped by PermissionDeniedError" in repr(result)


def test_rows_are_read_lazily(bulk: Bulk, tenant: Tenant) -> None:
    enrollments = tenant.enrollments
    taken = 0
    ahead: list[int] = []

    def rows() -> Iterator[tuple[str, str, str]]:
        nonlocal taken
        for n in range(200):
            taken += 1
            enrollment = enrollments[n % len(enrollments)]
            yield enrollment.customer_id, enrollment.campaign_id, "completed"

    def progress(event: BulkProgress[Response]) -> None:
        ahead.append(taken - event.done)

    result = bulk(rows(), key=tenant.read_write_key.key, concurrency=4, progress=progress)
    assert result.applied == 200
    assert max(ahead) <= 4  # never more rows read than are in flight


def test_concurrency_is_checked(bulk: Bulk, tenant: Tenant) -> None:
    with pytest.raises(ValueError, match="concurrency"):
        bulk([], key=tenant.read_write_key.key, concurrency=0)
