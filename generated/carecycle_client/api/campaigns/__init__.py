# Generated from templates/endpoint_init.py.jinja by make generate: edit that, not this file.
"""The Campaigns operations: a module of generated functions for each, and the
`Campaigns` and `AsyncCampaigns` resources of the CareCycle facade."""

from collections.abc import Mapping
from uuid import UUID

from ...client import Resource, TimeoutTypes
from ...models.get_campaign_response import GetCampaignResponse
from ...types import UNSET, Unset, as_uuid, expect_type
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
        deadline: float | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> GetCampaignResponse:
        """Get campaign by ID: `GET /v2/campaigns/{campaign_id}`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError, errors.APIResponseTooLargeError or
        errors.APIConnectionError. `timeout`, `max_retries` and `deadline` override the
        client's for this call; `extra_headers` are sent with it (an `x-request-id` among
        them replaces the generated one).
        """
        return self._client.call(
            get_campaign._get_kwargs(
                campaign_id=as_uuid(campaign_id, "campaign_id"),
                include_client=include_client
                if isinstance(include_client, Unset)
                else expect_type(include_client, "include_client", bool),
            ),
            GetCampaignResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            extra_headers=extra_headers,
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
        deadline: float | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> GetCampaignResponse:
        """Get campaign by ID: `GET /v2/campaigns/{campaign_id}`.

        Returns the success body; raises errors.APIStatusError (the subclass for the status),
        errors.APIResponseValidationError, errors.APIResponseTooLargeError or
        errors.APIConnectionError. `timeout`, `max_retries` and `deadline` override the
        client's for this call; `extra_headers` are sent with it (an `x-request-id` among
        them replaces the generated one).
        """
        return await self._client.call_async(
            get_campaign._get_kwargs(
                campaign_id=as_uuid(campaign_id, "campaign_id"),
                include_client=include_client
                if isinstance(include_client, Unset)
                else expect_type(include_client, "include_client", bool),
            ),
            GetCampaignResponse.from_body,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            extra_headers=extra_headers,
        )
