"""CHANGELOG.md entries: grouped by level, newest on top, rewritten in place when rerun."""

from __future__ import annotations

from datetime import date

from carecycle_tools.changelog import PREAMBLE, entry, has_entry, with_entry
from carecycle_tools.changes import Change, Level
from carecycle_tools.versions import Version

DAY = date(2026, 1, 2)
CHANGES = [
    Change(Level.PATCH, "Campaign", "description changed"),
    Change(Level.MAJOR, "Campaign.templateName", "optional field made required"),
    Change(Level.MINOR, "Campaign.region", "optional field added"),
]


def test_an_entry_groups_the_changes_by_level() -> None:
    assert entry(Version(2, 0, 0), DAY, Version(1, 0, 0), CHANGES) == (
        "## 2.0.0 (2026-01-02)\n\n"
        "Changes since 1.0.0.\n\n"
        "### Breaking changes\n\n"
        "- `Campaign.templateName`: optional field made required\n\n"
        "### Additions and compatible changes\n\n"
        "- `Campaign.region`: optional field added\n\n"
        "### Documentation\n\n"
        "- `Campaign`: description changed\n"
    )


def test_an_initial_entry_and_an_empty_one_say_so() -> None:
    assert entry(Version(1, 0, 0), DAY, None, []) == "## 1.0.0 (2026-01-02)\n\nInitial release.\n"
    assert "No API changes since 1.0.0." in entry(Version(1, 0, 1), DAY, Version(1, 0, 0), [])


def test_a_new_entry_goes_on_top_below_the_preamble() -> None:
    first = with_entry("", Version(1, 0, 0), "## 1.0.0 (x)\n\nfirst\n")
    second = with_entry(first, Version(1, 1, 0), "## 1.1.0 (y)\n\nsecond\n")
    assert first == f"{PREAMBLE}\n## 1.0.0 (x)\n\nfirst\n"
    assert second == f"{PREAMBLE}\n## 1.1.0 (y)\n\nsecond\n\n## 1.0.0 (x)\n\nfirst\n"
    assert has_entry(second, Version(1, 1, 0))
    assert not has_entry(second, Version(1, 2, 0))


def test_rerunning_replaces_the_entry_of_the_same_version() -> None:
    text = with_entry("", Version(1, 0, 0), "## 1.0.0 (x)\n\nfirst\n")
    text = with_entry(text, Version(1, 1, 0), "## 1.1.0 (y)\n\nsecond\n")
    rewritten = with_entry(text, Version(1, 1, 0), "## 1.1.0 (z)\n\nagain\n")
    assert rewritten == f"{PREAMBLE}\n## 1.1.0 (z)\n\nagain\n\n## 1.0.0 (x)\n\nfirst\n"
