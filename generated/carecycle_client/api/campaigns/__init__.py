"""The Campaigns operations: a module of generated functions for each, and the
`Campaigns` and `AsyncCampaigns` resources of the CareCycle facade."""

from uuid import UUID

from ...client import Resource, TimeoutTypes
from ...models.get_campaign_response import GetCampaignResponse
from ...types import UNSET, Unset, as_uuid
from . import get_campaign


class Campaigns(Resource):
    """The Campaigns operations, as `CareCycle().campaigns`."""

    def get(
        self,
        campaign_id: UUID | str,
        *,
        include_client: bool | Unset = UNSET,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> GetCampaignResponse:
        """Get campaign by ID: `GET /v2/campaigns/{campaign_id}`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError or errors.APIConnectionError. `timeout` and
        `max_retries` override the client's for this call.
        """
        return self._client.call(
            get_campaign._get_kwargs(
                campaign_id=as_uuid(campaign_id, "campaign_id"),
                include_client=include_client,
            ),
            GetCampaignResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncCampaigns(Resource):
    """The Campaigns operations, as `AsyncCareCycle().campaigns`."""

    async def get(
        self,
        campaign_id: UUID | str,
        *,
        include_client: bool | Unset = UNSET,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> GetCampaignResponse:
        """Get campaign by ID: `GET /v2/campaigns/{campaign_id}`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError or errors.APIConnectionError. `timeout` and
        `max_retries` override the client's for this call.
        """
        return await self._client.call_async(
            get_campaign._get_kwargs(
                campaign_id=as_uuid(campaign_id, "campaign_id"),
                include_client=include_client,
            ),
            GetCampaignResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
        )
