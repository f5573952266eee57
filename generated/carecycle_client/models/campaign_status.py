# Generated from templates/str_enum.py.jinja by make generate: edit that, not this file.
from ..types import OpenStrEnum


class CampaignStatus(OpenStrEnum):
    """Status of a campaign.

    A value the spec does not list is kept as a pseudo-member (see types.OpenStrEnum)."""

    ACTIVE = "active"
    ARCHIVED = "archived"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DRAFT = "draft"
    INACTIVE = "inactive"
    PAUSED = "paused"
    TESTING = "testing"
