# Generated from templates/str_enum.py.jinja by make generate: edit that, not this file.
from ..types import OpenStrEnum


class WarmMode(OpenStrEnum):
    """What happens on a warm transfer.

    A value the spec does not list is kept as a pseudo-member (see types.OpenStrEnum)."""

    IMMEDIATE_SUMMARY = "immediate-summary"
    WAIT_FOR_OPERATOR = "wait-for-operator"
