# Generated from templates/endpoint_module.py.jinja by make generate: edit that, not this file.
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ..._body import parse_body, parse_error_body
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.get_campaign_response import GetCampaignResponse
from ...models.rate_limit_error_body import RateLimitErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    campaign_id: UUID,
    *,
    include_client: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["includeClient"] = include_client

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/campaigns/{campaign_id}".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
    }
    if params:  # even an empty one makes httpx parse the URL once more
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        return parse_body(response, GetCampaignResponse.from_body)

    if response.status_code == 400:
        return parse_error_body(response, ErrorBody.from_body)

    if response.status_code == 401:
        return parse_error_body(response, ErrorBody.from_body)

    if response.status_code == 403:
        return parse_error_body(response, ErrorBody.from_body)

    if response.status_code == 404:
        return parse_error_body(response, ErrorBody.from_body)

    if response.status_code == 422:
        return parse_error_body(response, ValidationErrorBody.from_body)

    if response.status_code == 429:
        return parse_error_body(response, RateLimitErrorBody.from_body)

    if response.status_code == 500:
        return parse_error_body(response, ErrorBody.from_body)

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus.from_response(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    include_client: bool | Unset = UNSET,
) -> Response[ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody]:
    """Get campaign by ID

     Get a specific campaign by ID for the authenticated client

    Args:
        campaign_id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        include_client (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        Response[ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        include_client=include_client,
    )

    response = client.send(kwargs)

    return _build_response(client=client, response=response)


def sync(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    include_client: bool | Unset = UNSET,
) -> ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody | None:
    """Get campaign by ID

     Get a specific campaign by ID for the authenticated client

    Args:
        campaign_id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        include_client (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        include_client=include_client,
    ).parsed


async def asyncio_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    include_client: bool | Unset = UNSET,
) -> Response[ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody]:
    """Get campaign by ID

     Get a specific campaign by ID for the authenticated client

    Args:
        campaign_id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        include_client (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        Response[ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        include_client=include_client,
    )

    response = await client.send_async(kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    include_client: bool | Unset = UNSET,
) -> ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody | None:
    """Get campaign by ID

     Get a specific campaign by ID for the authenticated client

    Args:
        campaign_id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        include_client (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        ErrorBody | GetCampaignResponse | RateLimitErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            include_client=include_client,
        )
    ).parsed
