"""The Python API comparison: griffe's breakages of a package, as classified changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from carecycle_tools.api_diff import compare_packages
from carecycle_tools.changes import Change, Level

MODELS = """
class Model:
    pass


class Campaign(Model):
    name: str
    status: str

def get_campaign(campaign_id: str, include_client: bool = False) -> Campaign:
    return Campaign()
"""


def package(root: Path, source: str, name: str = "client") -> Path:
    (root / name).mkdir(parents=True)
    (root / name / "__init__.py").write_text(source)
    return root


def test_the_same_package_has_no_breaking_change(tmp_path: Path) -> None:
    old = package(tmp_path / "old", MODELS)
    new = package(tmp_path / "new", MODELS + "\ndef added() -> None: ...\n")
    assert compare_packages(old, new) == []


def test_a_removed_public_object_breaks(tmp_path: Path) -> None:
    old = package(tmp_path / "old", MODELS)
    new = package(tmp_path / "new", MODELS.replace("    status: str\n", ""))
    assert compare_packages(old, new) == [
        Change(Level.MAJOR, "client.Campaign.status", "public object was removed")
    ]


def test_a_parameter_made_required_breaks_naming_it(tmp_path: Path) -> None:
    old = package(tmp_path / "old", MODELS)
    new = package(
        tmp_path / "new", MODELS.replace("include_client: bool = False", "include_client: bool")
    )
    assert compare_packages(old, new) == [
        Change(Level.MAJOR, "client.get_campaign(include_client)", "parameter is now required")
    ]


def test_a_removed_base_class_breaks_showing_both(tmp_path: Path) -> None:
    old = package(tmp_path / "old", MODELS)
    new = package(tmp_path / "new", MODELS.replace("class Campaign(Model):", "class Campaign:"))
    assert compare_packages(old, new) == [
        Change(Level.MAJOR, "client.Campaign", "base class was removed: [Model] -> []")
    ]


def test_a_renamed_package_breaks_every_import(tmp_path: Path) -> None:
    old = package(tmp_path / "old", MODELS)
    new = package(tmp_path / "new", MODELS, name="client2")
    assert compare_packages(old, new) == [
        Change(Level.MAJOR, "client", "import name changed to client2")
    ]


def test_a_directory_without_one_package_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="expected one package"):
        compare_packages(tmp_path / "empty", package(tmp_path / "new", MODELS))
