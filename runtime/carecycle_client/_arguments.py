"""Checks of the facade's arguments, at the call: a wrong type is the caller's mistake, a
TypeError or ValueError naming the argument, never an error from deep inside httpx."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar
from uuid import UUID

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


def _shown(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


def as_uuid(value: UUID | str, name: str) -> UUID:
    """`value` as a UUID, for arguments that accept a UUID or its string."""
    if isinstance(value, UUID):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a UUID or its string, got {_shown(value)}")
    try:
        return UUID(value)
    except ValueError:
        raise ValueError(f"{name} must be a UUID, got {value!r}") from None


def as_enum(enum: type[E], value: object, name: str) -> E:
    """`value` as a member of `enum`, for arguments that accept a member or its string."""
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a {enum.__name__} or its string, got {_shown(value)}")
    try:
        return enum(value)
    except ValueError:
        raise ValueError(f"{name} must be one of {', '.join(repr(m.value) for m in enum)}, got {value!r}") from None


def expect_type(value: T, name: str, kind: type | tuple[type, ...]) -> T:
    """`value`, if it is of `kind` (a bool is not an int here); else a TypeError naming `name`."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds):
        return value
    expected = " or ".join(k.__name__ for k in kinds)
    raise TypeError(f"{name} must be a {expected}, got {_shown(value)}")
