"""The semver gate: the version step must be at least the level of the worst change."""

from __future__ import annotations

import pytest

from carecycle_tools.changes import Change, Level
from carecycle_tools.gate import Comparison, changelog_reminder, problems, report
from carecycle_tools.versions import Version

V1 = Version(1, 0, 0)
REQUIRED = Change(Level.MAJOR, "Campaign.templateName", "optional field made required")
ADDED = Change(Level.MINOR, "Campaign.region", "optional field added")
DOCS = Change(Level.PATCH, "Campaign", "description changed")
API = Change(Level.MAJOR, "carecycle_client.models.Campaign.name", "public object was removed")


def comparison(version: Version, spec: list[Change], api: tuple[Change, ...] = ()) -> Comparison:
    return Comparison(V1, version, spec, list(api))


@pytest.mark.parametrize(
    ("version", "changes"),
    [
        (Version(2, 0, 0), [REQUIRED, ADDED, DOCS]),
        (Version(1, 1, 0), [ADDED, DOCS]),
        (Version(1, 0, 1), [DOCS]),
        (Version(2, 0, 0), [DOCS]),
        (V1, []),
    ],
)
def test_a_step_at_least_as_big_as_the_changes_passes(
    version: Version, changes: list[Change]
) -> None:
    assert problems(comparison(version, changes)) == []


def test_a_breaking_change_with_a_minor_bump_fails_naming_it() -> None:
    assert problems(comparison(Version(1, 1, 0), [REQUIRED, ADDED])) == [
        "1.0.0 -> 1.1.0 is a minor bump; these changes need a major bump (to 2.0.0):\n"
        "  major: Campaign.templateName: optional field made required"
    ]


def test_an_addition_with_a_patch_bump_fails() -> None:
    assert problems(comparison(Version(1, 0, 1), [ADDED])) == [
        "1.0.0 -> 1.0.1 is a patch bump; these changes need a minor bump (to 1.1.0):\n"
        "  minor: Campaign.region: optional field added"
    ]


def test_a_spec_change_without_a_bump_fails() -> None:
    assert problems(comparison(V1, [DOCS])) == [
        "openapi.yaml changed but info.version is still 1.0.0; these changes need a patch bump"
        " (to 1.0.1):\n  patch: Campaign: description changed"
    ]


def test_a_python_api_break_needs_a_major_bump_too() -> None:
    assert problems(comparison(V1, [], (API,))) == [
        "the package changed but its version is still 1.0.0; these changes need a major bump"
        f" (to 2.0.0):\n  major: {API}"
    ]
    assert problems(comparison(Version(2, 0, 0), [], (API,))) == []


def test_a_version_going_backwards_fails() -> None:
    assert problems(comparison(Version(0, 9, 0), [])) == [
        "info.version went backwards: 1.0.0 -> 0.9.0"
    ]


def test_a_bump_without_its_changelog_entry_gets_a_reminder() -> None:
    bumped = comparison(Version(1, 2, 0), [ADDED])
    assert changelog_reminder(bumped, "## 1.1.0 (x)\n") == (
        "CHANGELOG.md has no entry for 1.2.0: run `make changelog`"
    )
    assert changelog_reminder(bumped, "## 1.2.0 (x)\n## 1.1.0 (x)\n") is None
    assert changelog_reminder(comparison(V1, []), "") is None


def test_a_first_release_passes_whatever_it_holds() -> None:
    assert problems(Comparison(None, Version(0, 1, 0), [ADDED], [])) == []


def test_the_report_lists_every_change_with_its_level() -> None:
    assert report(comparison(Version(2, 0, 0), [REQUIRED, DOCS], (API,)), "HEAD~1") == (
        "carecycle-client and carecycle-mock 1.0.0 -> 2.0.0 (major), compared with HEAD~1\n"
        "openapi.yaml changes: 2\n"
        "  major  Campaign.templateName: optional field made required\n"
        "  patch  Campaign: description changed\n"
        "Python API breaking changes: 1\n"
        f"  major  {API}\n"
        "carecycle-mock changes (Python API, CLI, admin API): none\n"
        "needed bump: major"
    )
