"""A classified change between two releases, and the semver levels that classify it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    """The part of the version a change needs bumped; NONE is no bump at all."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Change:
    """One change: where it is (a spec location or a Python path), what happened, its level."""

    level: Level
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def needed_level(changes: list[Change]) -> Level:
    """The bump that a set of changes needs: the level of the most severe one."""
    return max((change.level for change in changes), default=Level.NONE)
