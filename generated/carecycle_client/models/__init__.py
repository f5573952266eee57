# Generated from openapi-python-client's template models_init.py.jinja by make generate: edit that, not this file.
"""Contains all the data models used in inputs/outputs"""

from .appointment_config import AppointmentConfig
from .campaign import Campaign
from .campaign_features import CampaignFeatures
from .campaign_status import CampaignStatus
from .client_info import ClientInfo
from .customer_campaign_status import CustomerCampaignStatus
from .customer_stats import CustomerStats
from .dynamic_transfer_options import DynamicTransferOptions
from .dynamic_transfer_options_body import DynamicTransferOptionsBody
from .dynamic_transfer_options_headers import DynamicTransferOptionsHeaders
from .error_body import ErrorBody
from .get_campaign_response import GetCampaignResponse
from .member import Member
from .rate_limit_error_body import RateLimitErrorBody
from .routing_agent import RoutingAgent
from .routing_config import RoutingConfig
from .routing_group import RoutingGroup
from .softphone_fallback_type import SoftphoneFallbackType
from .status_counts import StatusCounts
from .success_condition import SuccessCondition
from .transfer_config import TransferConfig
from .transfer_type import TransferType
from .update_customer_campaign_status_request import UpdateCustomerCampaignStatusRequest
from .update_customer_campaign_status_response import UpdateCustomerCampaignStatusResponse
from .user import User
from .validation_error_body import ValidationErrorBody
from .validation_issue import ValidationIssue
from .warm_mode import WarmMode

__all__ = (
    "AppointmentConfig",
    "Campaign",
    "CampaignFeatures",
    "CampaignStatus",
    "ClientInfo",
    "CustomerCampaignStatus",
    "CustomerStats",
    "DynamicTransferOptions",
    "DynamicTransferOptionsBody",
    "DynamicTransferOptionsHeaders",
    "ErrorBody",
    "GetCampaignResponse",
    "Member",
    "RateLimitErrorBody",
    "RoutingAgent",
    "RoutingConfig",
    "RoutingGroup",
    "SoftphoneFallbackType",
    "StatusCounts",
    "SuccessCondition",
    "TransferConfig",
    "TransferType",
    "UpdateCustomerCampaignStatusRequest",
    "UpdateCustomerCampaignStatusResponse",
    "User",
    "ValidationErrorBody",
    "ValidationIssue",
    "WarmMode",
)
