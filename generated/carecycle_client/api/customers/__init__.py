# Generated from templates/endpoint_init.py.jinja by make generate: edit that, not this file.
"""The Customers operations: a module of generated functions for each, and the
`Customers` and `AsyncCustomers` resources of the CareCycle facade."""

from collections.abc import Iterable, Mapping
from typing import Literal
from uuid import UUID

from ...bulk import (
    DEFAULT_CONCURRENCY,
    STOP_ON,
    BulkResult,
    ProgressCallback,
    StatusUpdate,
    update_statuses,
    update_statuses_async,
)
from ...client import Resource, TimeoutTypes
from ...errors import CareCycleError
from ...models.customer_campaign_status import CustomerCampaignStatus
from ...models.update_customer_campaign_status_request import UpdateCustomerCampaignStatusRequest
from ...models.update_customer_campaign_status_response import UpdateCustomerCampaignStatusResponse
from ...types import UNSET, Unset, as_enum, as_uuid
from . import update_customer_campaign_status


class Customers(Resource):
    """The Customers operations, as `CareCycle().customers`."""

    def update_campaign_status(
        self,
        *,
        customer_id: UUID | str,
        campaign_id: UUID | str,
        status: CustomerCampaignStatus
        | Literal[
            "pending",
            "awaiting_call",
            "in_progress",
            "completed",
            "failed",
            "expired",
            "cancelled",
            "skipped",
            "exceeded_max_calls",
        ],
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> UpdateCustomerCampaignStatusResponse:
        """Update customer campaign status: `PATCH /v2/customers/campaign-status`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError, errors.APIResponseTooLargeError or
        errors.APIConnectionError. `timeout`, `max_retries` and `deadline` override the
        client's for this call; `extra_headers` are sent with it (an `x-request-id` among
        them replaces the generated one).
        """
        body = UpdateCustomerCampaignStatusRequest(
            customer_id=as_uuid(customer_id, "customer_id"),
            campaign_id=as_uuid(campaign_id, "campaign_id"),
            status=as_enum(CustomerCampaignStatus, status, "status"),
        )
        return self._client.call(
            update_customer_campaign_status._get_kwargs(
                body=body,
            ),
            UpdateCustomerCampaignStatusResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            extra_headers=extra_headers,
        )

    def update_campaign_statuses(
        self,
        updates: Iterable[StatusUpdate | tuple[UUID | str, UUID | str, CustomerCampaignStatus | str]],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        progress: ProgressCallback[UpdateCustomerCampaignStatusResponse] | None = None,
        stop_on: tuple[type[CareCycleError], ...] = STOP_ON,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
    ) -> BulkResult[UpdateCustomerCampaignStatusResponse]:
        """Set many enrollments' statuses: `update_campaign_status` once per row, `concurrency`
        threads at a time, paced by the client's rate limit.

        `updates` is any iterable of `bulk.StatusUpdate`s or (customer id, campaign id, status)
        tuples, read as requests go out. Returns one `bulk.RowResult` per row in the input's
        order: its `outcome`, its `response` (`previous_status`) or its typed `error`, and its
        `request_id` (each row's call sends one of its own). An error of
        `stop_on` (401, 403: the key is wrong for every row) stops the run: no other row is sent,
        they are NOT_SENT and `stopped_by` says why. `progress` is called with a
        `bulk.BulkProgress` as each row ends, on the caller's thread.
        `timeout`, `max_retries` and `deadline` apply to each row's call.
        """

        def send(update: StatusUpdate, request_id: str) -> UpdateCustomerCampaignStatusResponse:
            return self.update_campaign_status(
                customer_id=update.customer_id,
                campaign_id=update.campaign_id,
                status=CustomerCampaignStatus(update.status),
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                extra_headers={"x-request-id": request_id},
            )

        return update_statuses(
            updates, send, CustomerCampaignStatus, concurrency=concurrency, progress=progress, stop_on=stop_on
        )


class AsyncCustomers(Resource):
    """The Customers operations, as `AsyncCareCycle().customers`."""

    async def update_campaign_status(
        self,
        *,
        customer_id: UUID | str,
        campaign_id: UUID | str,
        status: CustomerCampaignStatus
        | Literal[
            "pending",
            "awaiting_call",
            "in_progress",
            "completed",
            "failed",
            "expired",
            "cancelled",
            "skipped",
            "exceeded_max_calls",
        ],
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> UpdateCustomerCampaignStatusResponse:
        """Update customer campaign status: `PATCH /v2/customers/campaign-status`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError, errors.APIResponseTooLargeError or
        errors.APIConnectionError. `timeout`, `max_retries` and `deadline` override the
        client's for this call; `extra_headers` are sent with it (an `x-request-id` among
        them replaces the generated one).
        """
        body = UpdateCustomerCampaignStatusRequest(
            customer_id=as_uuid(customer_id, "customer_id"),
            campaign_id=as_uuid(campaign_id, "campaign_id"),
            status=as_enum(CustomerCampaignStatus, status, "status"),
        )
        return await self._client.call_async(
            update_customer_campaign_status._get_kwargs(
                body=body,
            ),
            UpdateCustomerCampaignStatusResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            extra_headers=extra_headers,
        )

    async def update_campaign_statuses(
        self,
        updates: Iterable[StatusUpdate | tuple[UUID | str, UUID | str, CustomerCampaignStatus | str]],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        progress: ProgressCallback[UpdateCustomerCampaignStatusResponse] | None = None,
        stop_on: tuple[type[CareCycleError], ...] = STOP_ON,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
    ) -> BulkResult[UpdateCustomerCampaignStatusResponse]:
        """Set many enrollments' statuses: `update_campaign_status` once per row, `concurrency`
        tasks at a time, paced by the client's rate limit.

        `updates` is any iterable of `bulk.StatusUpdate`s or (customer id, campaign id, status)
        tuples, read as requests go out. Returns one `bulk.RowResult` per row in the input's
        order: its `outcome`, its `response` (`previous_status`) or its typed `error`, and its
        `request_id` (each row's call sends one of its own). An error of
        `stop_on` (401, 403: the key is wrong for every row) stops the run: no other row is sent,
        they are NOT_SENT and `stopped_by` says why. `progress` is called with a
        `bulk.BulkProgress` as each row ends, on the caller's event loop.
        `timeout`, `max_retries` and `deadline` apply to each row's call.
        """

        async def send(update: StatusUpdate, request_id: str) -> UpdateCustomerCampaignStatusResponse:
            return await self.update_campaign_status(
                customer_id=update.customer_id,
                campaign_id=update.campaign_id,
                status=CustomerCampaignStatus(update.status),
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                extra_headers={"x-request-id": request_id},
            )

        return await update_statuses_async(
            updates, send, CustomerCampaignStatus, concurrency=concurrency, progress=progress, stop_on=stop_on
        )
