"""The gate covers what consumers of carecycle-mock rely on: Python API, CLI options, admin API."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from carecycle_tools.changes import Change, Level
from carecycle_tools.mock_api import mock_changes
from tests.repository import ROOT

from .repo import Repo


def tree(path: Path) -> Path:
    """A copy of what the mock's surfaces are read from: mock/ and the spec it serves."""
    path.mkdir()
    shutil.copytree(ROOT / "mock", path / "mock", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "openapi.yaml", path / "openapi.yaml")
    return path


def edit(root: Path, module: str, old: str, new: str) -> None:
    path = root / "mock" / "carecycle_mock" / module
    text = path.read_text()
    assert old in text, f"{module} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path]:
    return tree(tmp_path / "old"), tree(tmp_path / "new")


def test_the_same_mock_has_no_changes(trees: tuple[Path, Path]) -> None:
    assert mock_changes(*trees) == []


def test_a_removed_command_line_option_is_major(trees: tuple[Path, Path]) -> None:
    old, new = trees
    edit(new, "__main__.py", '"--no-access-log", dest="access_log"', '"--quiet", dest="access_log"')

    assert set(mock_changes(old, new)) == {
        Change(Level.MAJOR, "carecycle-mock --no-access-log", "command-line option removed"),
        Change(Level.MINOR, "carecycle-mock --quiet", "command-line option added"),
    }


def test_an_option_that_stops_taking_a_value_is_major(trees: tuple[Path, Path]) -> None:
    old, new = trees
    edit(new, "__main__.py", '"--seed", metavar="N", type=int,', '"--seed", action="store_true",')

    assert mock_changes(old, new) == [
        Change(Level.MAJOR, "carecycle-mock --seed", "no longer takes a value")
    ]


def test_a_removed_admin_endpoint_is_major_and_an_added_one_minor(
    trees: tuple[Path, Path],
) -> None:
    old, new = trees
    edit(
        new,
        "admin.py",
        'Route("/reset", reset, methods=["POST"])',
        'Route("/restart", reset, methods=["POST"])',
    )

    assert set(mock_changes(old, new)) == {
        Change(Level.MAJOR, "POST /_mock/reset", "admin endpoint removed"),
        Change(Level.MINOR, "POST /_mock/restart", "admin endpoint added"),
    }


def test_a_removed_public_python_name_is_major(trees: tuple[Path, Path]) -> None:
    old, new = trees
    edit(new, "__init__.py", '    "DelayFault",\n', "")
    edit(new, "__init__.py", "    DelayFault,\n", "")

    changes = mock_changes(old, new)
    assert [(change.level, change.where) for change in changes] == [
        (Level.MAJOR, "carecycle_mock.DelayFault")
    ]


def test_the_gate_fails_a_minor_bump_that_drops_a_mock_option(repo: Repo) -> None:
    path = repo.path / "mock" / "carecycle_mock" / "__main__.py"
    path.write_text(
        path.read_text().replace('"--no-admin", dest="admin"', '"--admin-off", dest="admin"')
    )
    repo.set_version("1.1.0")
    repo.commit("rename --no-admin")

    result = repo.release("check")

    assert result.returncode == 1
    assert "major: carecycle-mock --no-admin: command-line option removed" in result.stderr


def test_a_change_inside_the_mock_is_no_change_of_its_api(trees: tuple[Path, Path]) -> None:
    old, new = trees
    edit(new, "ratelimit.py", "        volatile: VolatileState,", "        state: VolatileState,")

    assert mock_changes(old, new) == []


def test_a_change_to_a_module_the_readmes_document_is_major(trees: tuple[Path, Path]) -> None:
    old, new = trees
    edit(new, "data.py", "organisation_id: str | None = None)", "organisation_id: str = '')")

    assert [(change.level, change.where) for change in mock_changes(old, new)] == [
        (Level.MAJOR, "carecycle_mock.data.Dataset.key")
    ]


def test_a_member_of_an_exported_class_is_public_where_it_is_defined(
    trees: tuple[Path, Path],
) -> None:
    old, new = trees
    edit(new, "service.py", "    def clear_faults(self)", "    def drop_faults(self)")

    assert [(change.level, change.where) for change in mock_changes(old, new)] == [
        (Level.MAJOR, "carecycle_mock.service.MockService.clear_faults")
    ]
