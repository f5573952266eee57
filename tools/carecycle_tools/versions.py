"""Semantic versions as info.version carries them: MAJOR.MINOR.PATCH, nothing more."""

from __future__ import annotations

import re
from dataclasses import dataclass

from carecycle_tools.changes import Level

_SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


class VersionError(ValueError):
    """A version that is not MAJOR.MINOR.PATCH."""


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: object) -> Version:
        match = _SEMVER.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise VersionError(f"info.version {text!r} is not a MAJOR.MINOR.PATCH version")
        major, minor, patch = (int(part) for part in match.groups())
        return cls(major, minor, patch)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def bump_to(self, newer: Version) -> Level:
        """The level of the step from this version to `newer` (NONE when equal)."""
        if newer.major != self.major:
            return Level.MAJOR
        if newer.minor != self.minor:
            return Level.MINOR
        return Level.PATCH if newer.patch != self.patch else Level.NONE

    def bumped(self, level: Level) -> Version:
        """The next version at `level`: 1.2.3 bumped MINOR is 1.3.0."""
        if level is Level.MAJOR:
            return Version(self.major + 1, 0, 0)
        if level is Level.MINOR:
            return Version(self.major, self.minor + 1, 0)
        if level is Level.PATCH:
            return Version(self.major, self.minor, self.patch + 1)
        return self
