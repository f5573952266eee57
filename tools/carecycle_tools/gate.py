"""The semver gate: does the version step from the base to now match what changed?"""

from __future__ import annotations

from dataclasses import dataclass, field

from carecycle_tools.changelog import has_entry
from carecycle_tools.changes import Change, Level, needed_level
from carecycle_tools.versions import Version


@dataclass(frozen=True)
class Comparison:
    """What changed from the base (None: it had no spec, this is the first release) to now."""

    base_version: Version | None
    version: Version
    spec_changes: list[Change]
    api_changes: list[Change]
    # carecycle-mock's Python API, CLI options and admin API (mock_api.py).
    mock_changes: list[Change] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        return self.spec_changes + self.api_changes + self.mock_changes

    @property
    def needed(self) -> Level:
        return needed_level(self.changes)

    @property
    def bump(self) -> str:
        """initial, none, patch, minor or major."""
        if self.base_version is None:
            return "initial"
        return self.base_version.bump_to(self.version).label


def problems(comparison: Comparison) -> list[str]:
    """Why this version number does not tell what changed; empty when it does."""
    base, version = comparison.base_version, comparison.version
    if base is None:
        return []
    if version < base:
        return [f"info.version went backwards: {base} -> {version}"]
    bump, needed = base.bump_to(version), comparison.needed
    found = []
    if bump < needed:
        if bump is Level.NONE and comparison.spec_changes:
            headline = f"openapi.yaml changed but info.version is still {base}"
        elif bump is Level.NONE:
            headline = f"the package changed but its version is still {base}"
        else:
            headline = f"{base} -> {version} is a {bump.label} bump"
        listed = "".join(
            f"\n  {change.level.label}: {change}"
            for change in comparison.changes
            if change.level > bump
        )
        found.append(
            f"{headline}; these changes need a {needed.label} bump"
            f" (to {base.bumped(needed)}):{listed}"
        )
    return found


def changelog_reminder(comparison: Comparison, changelog: str) -> str | None:
    """A note when the version moved but CHANGELOG.md does not say what came with it.

    A note, not a failure: the version number is the contract, the entry its prose.
    """
    if comparison.bump == "none" or has_entry(changelog, comparison.version):
        return None
    return f"CHANGELOG.md has no entry for {comparison.version}: run `make changelog`"


def report(comparison: Comparison, base_ref: str) -> str:
    """Every classified change, for the log of a gate run."""
    since = comparison.base_version or "nothing (no openapi.yaml)"
    lines = [
        f"carecycle-client and carecycle-mock {since} -> {comparison.version} ({comparison.bump}),"
        f" compared with {base_ref}"
    ]
    for title, changes in (
        ("openapi.yaml changes", comparison.spec_changes),
        ("Python API breaking changes", comparison.api_changes),
        ("carecycle-mock changes (Python API, CLI, admin API)", comparison.mock_changes),
    ):
        lines.append(f"{title}: {len(changes) or 'none'}")
        lines += [f"  {change.level.label:<5}  {change}" for change in changes]
    lines.append(f"needed bump: {comparison.needed.label}")
    return "\n".join(lines)
