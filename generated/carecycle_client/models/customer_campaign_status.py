# Generated from templates/str_enum.py.jinja by make generate: edit that, not this file.
from ..types import OpenStrEnum


class CustomerCampaignStatus(OpenStrEnum):
    """Status of a customer's enrollment in a campaign.

    A value the spec does not list is kept as a pseudo-member (see types.OpenStrEnum)."""

    AWAITING_CALL = "awaiting_call"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    EXCEEDED_MAX_CALLS = "exceeded_max_calls"
    EXPIRED = "expired"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"
    SKIPPED = "skipped"
