"""The release tool end to end, in throwaway git repositories holding a copy of the spec.

Each repository commits the current openapi.yaml (as 1.0.0), templates and generator
configuration, then edits the spec the way a release would.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .repo import Repo

Edit = Callable[[dict[str, Any]], None]


def make_template_name_required(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Campaign"]["required"].append("templateName")


def remove_source_type(spec: dict[str, Any]) -> None:
    del spec["components"]["schemas"]["Campaign"]["properties"]["sourceType"]


def add_region(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Campaign"]["properties"]["region"] = {"type": "string"}


def gate_after_commit(
    repo: Repo, edit: Edit | None, version: str, *, changelog: bool = False
) -> subprocess.CompletedProcess[str]:
    """Commit an edit of the spec at `version` (with its changelog entry), then run the gate."""
    if edit:
        repo.edit_spec(edit)
    repo.set_version(version)
    if changelog:
        written = repo.release("changelog")
        assert written.returncode == 0, written.stderr
    repo.commit(f"release {version}")
    return repo.release("check")


def test_a_field_made_required_with_a_minor_bump_fails_naming_the_field(repo: Repo) -> None:
    result = gate_after_commit(repo, make_template_name_required, "1.1.0")

    assert result.returncode == 1
    assert "1.0.0 -> 1.1.0 is a minor bump; these changes need a major bump" in result.stderr
    assert "Campaign.templateName: optional field made required" in result.stderr


def test_the_same_change_with_a_major_bump_passes(repo: Repo) -> None:
    result = gate_after_commit(repo, make_template_name_required, "2.0.0", changelog=True)

    assert result.returncode == 0, result.stderr
    assert "major  Campaign.templateName: optional field made required" in result.stdout
    assert "release gate: OK" in result.stdout
    changelog = (repo.path / "CHANGELOG.md").read_text()
    assert "## 2.0.0 (" in changelog
    assert "- `Campaign.templateName`: optional field made required" in changelog


def test_a_spec_change_without_a_version_bump_fails(repo: Repo) -> None:
    result = gate_after_commit(repo, add_region, "1.0.0")

    assert result.returncode == 1
    assert "openapi.yaml changed but info.version is still 1.0.0" in result.stderr
    assert "Campaign.region: optional field added" in result.stderr


def test_a_version_going_backwards_fails(repo: Repo) -> None:
    result = gate_after_commit(repo, None, "0.9.0")

    assert result.returncode == 1
    assert "info.version went backwards: 1.0.0 -> 0.9.0" in result.stderr


def test_python_api_breakages_are_reported_next_to_spec_ones(repo: Repo) -> None:
    repo.edit_spec(remove_source_type)
    repo.set_version("1.1.0")

    result = repo.release("check", "--base", "HEAD")

    assert result.returncode == 1
    assert "Campaign.sourceType: field removed" in result.stderr
    assert (
        "carecycle_client.models.campaign.Campaign.source_type: public object was removed"
        in result.stderr
    )


def test_uncommitted_spec_edits_are_compared_with_head(repo: Repo) -> None:
    repo.edit_spec(add_region)
    repo.set_version("1.1.0")

    assert repo.release("bump").stdout == "minor\n"
    checked = repo.release("check")
    assert "compared with HEAD\n" in checked.stdout
    assert checked.returncode == 0, checked.stderr
    assert "note: CHANGELOG.md has no entry for 1.1.0: run `make changelog`" in checked.stdout


def test_a_base_without_the_spec_is_an_initial_release(tmp_path: Path) -> None:
    repo = Repo.create(tmp_path / "repo")
    (repo.path / "README.md").write_text("before the spec\n")
    repo.git("add", "README.md")
    repo.git("commit", "-q", "-m", "no spec yet")
    repo.set_version("1.0.0")
    repo.commit("spec 1.0.0")

    result = repo.release("check")

    assert result.returncode == 0, result.stderr
    assert "nothing (no openapi.yaml) -> 1.0.0 (initial)" in result.stdout
    assert repo.release("bump").stdout == "initial\n"


def test_without_a_previous_commit_the_gate_passes_saying_why(repo: Repo) -> None:
    result = repo.release("check")

    assert result.returncode == 0, result.stderr
    assert "release gate: nothing to compare with" in result.stdout
    assert "HEAD~1" in result.stdout


def test_in_a_shallow_clone_the_gate_passes_saying_why(repo: Repo, tmp_path: Path) -> None:
    repo.set_version("1.0.1")
    repo.commit("1.0.1")
    shallow = repo.shallow_clone(tmp_path / "clone")

    result = shallow.release("check")

    assert result.returncode == 0, result.stderr
    assert "HEAD~1 is not in this shallow clone" in result.stdout


def test_an_explicit_base_that_does_not_exist_fails(repo: Repo) -> None:
    result = repo.release("check", "--base", "v0.0.0")

    assert result.returncode == 1
    assert "cannot compare with v0.0.0: this repository has no commit v0.0.0" in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("paths: [\n", "openapi.yaml is not YAML"),
        ("openapi: 3.1.0\ninfo: {}\npaths: {}\n", "openapi.yaml is not valid OpenAPI"),
    ],
)
def test_a_broken_spec_is_a_clear_error(repo: Repo, text: str, message: str) -> None:
    (repo.path / "openapi.yaml").write_text(text)

    result = repo.release("check")

    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
