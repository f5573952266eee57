# Generated from templates/str_enum.py.jinja by make generate: edit that, not this file.
from ..types import OpenStrEnum


class TransferType(OpenStrEnum):
    """How a call is transferred.

    A value the spec does not list is kept as a pseudo-member (see types.OpenStrEnum)."""

    DIRECT = "direct"
    DYNAMIC = "dynamic"
    SIP = "sip"
    SOFTPHONE = "softphone"
