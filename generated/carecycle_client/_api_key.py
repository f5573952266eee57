# Generated from runtime/carecycle_client/_api_key.py by make generate: edit that, not this file.
"""`ApiKey`: the API key, which never shows itself."""

from __future__ import annotations

from typing import Any


class ApiKey:
    """An API key that never shows itself: its repr and str are the masked form `cc_...1a2b`.

    Only `reveal()` gives the key, for the one header that carries it.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value.strip()

    def reveal(self) -> str:
        return self._value

    @property
    def masked(self) -> str:
        """The first three and last four characters, or nothing of a key too short to hide in."""
        if len(self._value) < 12:
            return "..."
        return f"{self._value[:3]}...{self._value[-4:]}"

    def __repr__(self) -> str:
        return f"ApiKey('{self.masked}')"

    def __str__(self) -> str:
        return self.masked

    def __reduce__(self) -> Any:
        raise TypeError("an ApiKey is not pickled: the pickle would hold the key")
