"""info.version is MAJOR.MINOR.PATCH; steps between versions have a level."""

from __future__ import annotations

import pytest

from carecycle_tools.changes import Level
from carecycle_tools.versions import Version, VersionError


def test_parse_reads_the_three_numbers() -> None:
    assert Version.parse("12.0.3") == Version(12, 0, 3)
    assert str(Version.parse("12.0.3")) == "12.0.3"


@pytest.mark.parametrize("text", ["1.0", "1.0.0-rc.1", "v1.0.0", "01.0.0", "1.0.0 ", 1.0, None])
def test_anything_else_is_refused_with_the_value(text: object) -> None:
    with pytest.raises(VersionError, match=r"is not a MAJOR\.MINOR\.PATCH version"):
        Version.parse(text)


def test_versions_order_numerically() -> None:
    assert Version(1, 10, 0) > Version(1, 9, 9)


@pytest.mark.parametrize(
    ("newer", "level"),
    [
        (Version(1, 2, 3), Level.NONE),
        (Version(1, 2, 4), Level.PATCH),
        (Version(1, 3, 0), Level.MINOR),
        (Version(2, 0, 0), Level.MAJOR),
    ],
)
def test_bump_to_names_the_step(newer: Version, level: Level) -> None:
    assert Version(1, 2, 3).bump_to(newer) is level


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (Level.NONE, Version(1, 2, 3)),
        (Level.PATCH, Version(1, 2, 4)),
        (Level.MINOR, Version(1, 3, 0)),
        (Level.MAJOR, Version(2, 0, 0)),
    ],
)
def test_bumped_is_the_next_version_at_a_level(level: Level, expected: Version) -> None:
    assert Version(1, 2, 3).bumped(level) == expected
