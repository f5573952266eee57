# Generated from templates/str_enum.py.jinja by make generate: edit that, not this file.
from ..types import OpenStrEnum


class SoftphoneFallbackType(OpenStrEnum):
    """Fallback when no softphone agent answers.

    A value the spec does not list is kept as a pseudo-member (see types.OpenStrEnum)."""

    APPOINTMENT_BOOKING = "appointment_booking"
    PHONE_NUMBER = "phone_number"
