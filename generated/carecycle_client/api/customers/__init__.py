"""The Customers operations: a module of generated functions for each, and the
`Customers` and `AsyncCustomers` resources of the CareCycle facade."""

from uuid import UUID

from ...client import Resource, TimeoutTypes
from ...models.customer_campaign_status import CustomerCampaignStatus
from ...models.update_customer_campaign_status_request import UpdateCustomerCampaignStatusRequest
from ...models.update_customer_campaign_status_response import UpdateCustomerCampaignStatusResponse
from ...types import UNSET, Unset, as_uuid
from . import update_customer_campaign_status


class Customers(Resource):
    """The Customers operations, as `CareCycle().customers`."""

    def update_campaign_status(
        self,
        *,
        customer_id: UUID | str,
        campaign_id: UUID | str,
        status: CustomerCampaignStatus | str,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> UpdateCustomerCampaignStatusResponse:
        """Update customer campaign status: `PATCH /v2/customers/campaign-status`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError or errors.APIConnectionError. `timeout` and
        `max_retries` override the client's for this call.
        """
        body = UpdateCustomerCampaignStatusRequest(
            customer_id=as_uuid(customer_id, "customer_id"),
            campaign_id=as_uuid(campaign_id, "campaign_id"),
            status=CustomerCampaignStatus(status),
        )
        return self._client.call(
            update_customer_campaign_status._get_kwargs(
                body=body,
            ),
            UpdateCustomerCampaignStatusResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncCustomers(Resource):
    """The Customers operations, as `AsyncCareCycle().customers`."""

    async def update_campaign_status(
        self,
        *,
        customer_id: UUID | str,
        campaign_id: UUID | str,
        status: CustomerCampaignStatus | str,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> UpdateCustomerCampaignStatusResponse:
        """Update customer campaign status: `PATCH /v2/customers/campaign-status`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError or errors.APIConnectionError. `timeout` and
        `max_retries` override the client's for this call.
        """
        body = UpdateCustomerCampaignStatusRequest(
            customer_id=as_uuid(customer_id, "customer_id"),
            campaign_id=as_uuid(campaign_id, "campaign_id"),
            status=CustomerCampaignStatus(status),
        )
        return await self._client.call_async(
            update_customer_campaign_status._get_kwargs(
                body=body,
            ),
            UpdateCustomerCampaignStatusResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
        )
