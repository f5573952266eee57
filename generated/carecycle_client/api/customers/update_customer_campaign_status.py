# Generated from templates/endpoint_module.py.jinja by make generate: edit that, not this file.
from typing import Any

import httpx

from ... import errors
from ..._body import parse_body, parse_error_body
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.rate_limit_error_body import RateLimitErrorBody
from ...models.update_customer_campaign_status_request import UpdateCustomerCampaignStatusRequest
from ...models.update_customer_campaign_status_response import UpdateCustomerCampaignStatusResponse
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response, status_of


def _get_kwargs(
    *,
    body: UpdateCustomerCampaignStatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v2/customers/campaign-status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody | None:
    if response.status_code == 200:
        return parse_body(response, UpdateCustomerCampaignStatusResponse.from_body)

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
) -> Response[ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerCampaignStatusRequest,
) -> Response[ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody]:
    """Update customer campaign status

     Update the status of a customer's campaign enrollment. Only terminal statuses (completed, failed)
    are allowed.

    The request body may name any of the nine statuses: a target that is not terminal is refused with
    400 and a plain error body. Setting a status is idempotent, so the request is safe to retry.

    Args:
        body (UpdateCustomerCampaignStatusRequest): The enrollment, by its customer and campaign,
            and its new status: all three are required. Unknown properties are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        Response[ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.send(kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerCampaignStatusRequest,
) -> ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody | None:
    """Update customer campaign status

     Update the status of a customer's campaign enrollment. Only terminal statuses (completed, failed)
    are allowed.

    The request body may name any of the nine statuses: a target that is not terminal is refused with
    400 and a plain error body. Setting a status is idempotent, so the request is safe to retry.

    Args:
        body (UpdateCustomerCampaignStatusRequest): The enrollment, by its customer and campaign,
            and its new status: all three are required. Unknown properties are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerCampaignStatusRequest,
) -> Response[ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody]:
    """Update customer campaign status

     Update the status of a customer's campaign enrollment. Only terminal statuses (completed, failed)
    are allowed.

    The request body may name any of the nine statuses: a target that is not terminal is refused with
    400 and a plain error body. Setting a status is idempotent, so the request is safe to retry.

    Args:
        body (UpdateCustomerCampaignStatusRequest): The enrollment, by its customer and campaign,
            and its new status: all three are required. Unknown properties are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        Response[ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.send_async(kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerCampaignStatusRequest,
) -> ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody | None:
    """Update customer campaign status

     Update the status of a customer's campaign enrollment. Only terminal statuses (completed, failed)
    are allowed.

    The request body may name any of the nine statuses: a target that is not terminal is refused with
    400 and a plain error body. Setting a status is idempotent, so the request is safe to retry.

    Args:
        body (UpdateCustomerCampaignStatusRequest): The enrollment, by its customer and campaign,
            and its new status: all three are required. Unknown properties are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.APIResponseValidationError: If a success body does not match the spec.
        errors.APIConnectionError: If there is no response after the client's retries
            (errors.APITimeoutError: none within Client.timeout).

    Returns:
        ErrorBody | RateLimitErrorBody | UpdateCustomerCampaignStatusResponse | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
