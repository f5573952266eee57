"""CHANGELOG.md: one entry per version, newest first, listing the classified changes."""

from __future__ import annotations

import re
from datetime import date

from carecycle_tools.changes import Change, Level
from carecycle_tools.versions import Version

PREAMBLE = """# Changelog

Every version of carecycle-client and carecycle-mock (released together), newest first.
`make changelog` writes each entry from the classified changes of openapi.yaml, of the
generated package's Python API and of the mock's Python API, CLI and admin API since
the previous version; see "Releasing" in README.md.
"""
SECTIONS = {
    Level.MAJOR: "Breaking changes",
    Level.MINOR: "Additions and compatible changes",
    Level.PATCH: "Documentation",
}
_ENTRY_HEADING = re.compile(r"^## (\S+)", re.MULTILINE)


def entry(version: Version, day: date, since: Version | None, changes: list[Change]) -> str:
    """The entry of `version`: its changes since the version `since`, grouped by level."""
    lines = [f"## {version} ({day.isoformat()})", ""]
    if since is None:
        lines += ["Initial release.", ""]
    else:
        lines += [f"Changes since {since}." if changes else f"No API changes since {since}.", ""]
    for level, title in SECTIONS.items():
        listed = [change for change in changes if change.level is level]
        if listed:
            lines += [f"### {title}", "", *(f"- `{c.where}`: {c.what}" for c in listed), ""]
    return "\n".join(lines)


def has_entry(changelog: str, version: Version) -> bool:
    return str(version) in _ENTRY_HEADING.findall(changelog)


def with_entry(changelog: str, version: Version, text: str) -> str:
    """The changelog with `text` as the entry of `version`: replacing one, or on top."""
    changelog = changelog or PREAMBLE
    headings = list(_ENTRY_HEADING.finditer(changelog))
    start = end = headings[0].start() if headings else len(changelog)
    for index, heading in enumerate(headings):
        if heading.group(1) == str(version):
            start = heading.start()
            end = headings[index + 1].start() if index + 1 < len(headings) else len(changelog)
    head, entry_text, rest = changelog[:start].rstrip("\n"), text.rstrip("\n"), changelog[end:]
    return f"{head}\n\n{entry_text}\n" + (f"\n{rest}" if rest else "")
