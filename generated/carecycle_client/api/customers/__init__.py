# Generated from templates/endpoint_init.py.jinja by make generate: edit that, not this file.
"""The Customers operations: a module of generated functions for each, and the
`Customers` and `AsyncCustomers` resources of the CareCycle facade."""

from collections.abc import Mapping
from typing import Literal
from uuid import UUID

from ...client import Resource, TimeoutTypes
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
