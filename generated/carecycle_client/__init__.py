# Generated from templates/package_init.py.jinja by make generate: edit that, not this file.
"""A client library for the careCycle API.

    from carecycle_client import CareCycle

    with CareCycle() as carecycle:  # the key from CARECYCLE_API_KEY
        campaign = carecycle.campaigns.get(campaign_id, include_client=True).campaign

`CareCycle` and `AsyncCareCycle` return models and raise the typed errors of `errors`;
the generated functions in `api` take an `AuthenticatedClient` and return `Response`s.
"""

from .api import AsyncCareCycle, CareCycle
from .client import VERSION, AuthenticatedClient, Client
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseTooLargeError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CareCycleError,
    InternalServerError,
    InvalidRowError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RateLimiterStoreError,
    RateLimiterTimeoutError,
    RedirectError,
    UnexpectedStatus,
    UnprocessableEntityError,
)
from .types import UNSET, Unset

__version__ = VERSION

__all__ = (
    "APIConnectionError",
    "APIError",
    "APIResponseTooLargeError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCareCycle",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "CareCycle",
    "CareCycleError",
    "Client",
    "InternalServerError",
    "InvalidRowError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiterStoreError",
    "RateLimiterTimeoutError",
    "RedirectError",
    "UNSET",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "Unset",
    "__version__",
)
