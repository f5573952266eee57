"""`OpenStrEnum`: the base of the generated string enums, open to values the spec does not list."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class OpenStrEnum(StrEnum):
    """A string enum that keeps values the spec does not list instead of raising.

    `CampaignStatus("archived_v2")` is a pseudo-member whose value is that string: it compares
    equal to it, serialises back to it, and has `is_known` False. The live API adds values
    before the documentation does.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether the spec lists this value."""
        return self._value_ in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)
